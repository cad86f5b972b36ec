import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { bracketMatching, foldGutter, foldKeymap } from '@codemirror/language';
import { linter, type Diagnostic } from '@codemirror/lint';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { EditorState, type Extension } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { editorHighlighting, editorTheme } from './editorTheme';
import { hexExtensions } from './hexExtensions';
import { parseHex } from './hexText';
import { reformatJson } from './jsonFormat';
import type { ViewKind } from './valueViews';

/** Documents bigger than this are not linted as you type (a full parse per pause would lag). */
const LINT_LIMIT = 2 * 1024 * 1024;

const diagnosticAt = (view: EditorView, offset: number, message: string): Diagnostic[] => {
  const from = Math.min(offset, view.state.doc.length);
  return [{ from, to: Math.min(from + 1, view.state.doc.length), severity: 'error', message }];
};

const jsonLinter = linter((view) => {
  if (view.state.doc.length > LINT_LIMIT) return [];
  const result = reformatJson(view.state.doc.toString(), null);
  return 'error' in result ? diagnosticAt(view, result.offset, result.error) : [];
});

const hexLinter = linter((view) => {
  if (view.state.doc.length > LINT_LIMIT) return [];
  const result = parseHex(view.state.doc.toString());
  return 'error' in result ? diagnosticAt(view, result.offset, result.error) : [];
});

/**
 * Everything an editor of values needs: search (Ctrl+F), undo, special characters made visible,
 * and lines split only at `\n` so that `\r` and other separators stay the bytes they are.
 */
export function editorExtensions(opts: { view: ViewKind; readOnly: boolean; label: string }): Extension[] {
  const perView: Record<ViewKind, Extension[]> = {
    text: [lineNumbers()],
    json: [lineNumbers(), foldGutter(), json(), bracketMatching(), keymap.of(foldKeymap), jsonLinter],
    hex: [hexExtensions, hexLinter],
  };
  return [
    EditorState.lineSeparator.of('\n'),
    highlightActiveLineGutter(),
    highlightSpecialChars({ addSpecialChars: /[\r\u00ad\ufeff]/ }),
    history(),
    drawSelection(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    search({ top: true }),
    keymap.of([...searchKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab]),
    editorTheme,
    editorHighlighting,
    EditorState.readOnly.of(opts.readOnly),
    EditorView.contentAttributes.of({
      'aria-label': opts.label,
      ...(opts.readOnly ? { 'aria-readonly': 'true' } : {}),
    }),
    ...perView[opts.view],
  ];
}
