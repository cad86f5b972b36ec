import { MergeView } from '@codemirror/merge';
import { EditorView } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { editorExtensions } from './editorSetup';
import type { ViewKind } from './valueViews';

/**
 * Two versions side by side with their differences marked (CodeMirror's merge view), both
 * read-only; in a shadow root for the same CSP reason as CodeEditor.
 */
export function MergeEditor({
  left,
  right,
  view,
  leftLabel,
  rightLabel,
}: {
  left: string;
  right: string;
  view: ViewKind;
  leftLabel: string;
  rightLabel: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    const side = (doc: string, label: string) => ({
      doc,
      extensions: [editorExtensions({ view, readOnly: true, label }), EditorView.editable.of(true)],
    });
    const merge = new MergeView({
      a: side(left, leftLabel),
      b: side(right, rightLabel),
      parent: root,
      root,
      collapseUnchanged: { margin: 3, minSize: 6 },
      gutter: true,
    });
    // The merge view's own wrapper needs a height and a scroller to fit our pane.
    merge.dom.style.height = '100%';
    merge.dom.style.overflow = 'auto';
    return () => merge.destroy();
  }, [left, right, view, leftLabel, rightLabel]);
  return <div ref={host} className="merge-editor" />;
}
