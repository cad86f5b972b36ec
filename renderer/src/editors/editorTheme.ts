import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';

/*
 * The editor lives in a shadow root (see CodeEditor), so it sees none of the app's CSS files: its whole
 * look is here, in the app's palette. CodeMirror puts these rules in a constructed stylesheet,
 * which the strict CSP (`style-src 'self'`) allows where a <style> element would be blocked.
 */
export const editorTheme = EditorView.theme(
  {
    '&': {
      height: '100%',
      color: '#e3e6eb',
      backgroundColor: '#0f1115',
      fontSize: '12.5px',
    },
    '&.cm-focused': { outline: 'none' },
    '.cm-scroller': {
      fontFamily: "ui-monospace, 'JetBrains Mono', 'SFMono-Regular', Menlo, Consolas, monospace",
      lineHeight: '1.55',
    },
    '.cm-content': { caretColor: '#ff6369', padding: '6px 0' },
    '.cm-cursor, .cm-dropCursor': { borderLeftColor: '#ff6369' },
    '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection':
      { backgroundColor: '#2f3a55' },
    '.cm-activeLine': { backgroundColor: '#161a21' },
    '.cm-gutters': {
      backgroundColor: '#12141a',
      color: '#5d6573',
      borderRight: '1px solid #2a2f38',
    },
    '.cm-activeLineGutter': { backgroundColor: '#161a21', color: '#8b93a1' },
    '.cm-specialChar': { color: '#f5a524' },
    '.cm-searchMatch': { backgroundColor: '#5a4a1a', outline: '1px solid #8a6d1f' },
    '.cm-searchMatch.cm-searchMatch-selected': { backgroundColor: '#7a5f12' },
    '.cm-selectionMatch': { backgroundColor: '#26303f' },
    '.cm-panels': { backgroundColor: '#1b1e24', color: '#e3e6eb' },
    '.cm-panels.cm-panels-top': { borderBottom: '1px solid #2a2f38' },
    '.cm-panel.cm-search': { padding: '6px 8px', fontFamily: 'system-ui, sans-serif', fontSize: '12.5px' },
    '.cm-panel.cm-search input, .cm-panel.cm-search button': { fontSize: '12.5px' },
    '.cm-textfield': {
      backgroundColor: '#0f1115',
      border: '1px solid #2a2f38',
      borderRadius: '4px',
      color: '#e3e6eb',
      padding: '3px 6px',
    },
    '.cm-button': {
      backgroundImage: 'none',
      backgroundColor: '#23272f',
      border: '1px solid #2a2f38',
      borderRadius: '4px',
      color: '#e3e6eb',
      padding: '3px 10px',
    },
    '.cm-panel.cm-search label': { color: '#8b93a1' },
    '.cm-panel button[name=close]': { color: '#8b93a1', fontSize: '16px' },
    '.cm-tooltip': { backgroundColor: '#1b1e24', border: '1px solid #3a404b', color: '#e3e6eb' },
    '.cm-diagnostic-error': { borderLeftColor: '#e5484d' },
    '.cm-lintRange-error': { backgroundImage: 'none', textDecoration: 'underline wavy #e5484d' },
    '.cm-hex-ascii': { color: '#5d6573', paddingLeft: '2.5em', whiteSpace: 'pre' },
    '.cm-hex-offset': { paddingLeft: '6px' },
    // Merge view (conflicts): what differs, on either side.
    '.cm-changedLine': { backgroundColor: '#2a2112 !important' },
    '.cm-changedText': { background: '#6b4e16 !important' },
    '.cm-deletedChunk': { backgroundColor: '#2a1416' },
    '.cm-merge-a .cm-changedText, .cm-deletedChunk .cm-deletedText': { background: '#6e2a2e !important' },
    '.cm-merge-b .cm-changedText': { background: '#1d4a34 !important' },
    '.cm-merge-a .cm-changedLine': { backgroundColor: '#2a1416 !important' },
    '.cm-merge-b .cm-changedLine': { backgroundColor: '#142a1f !important' },
    '.cm-changeGutter': { width: '3px' },
    '.cm-collapsedLines': { backgroundColor: '#1b1e24', color: '#8b93a1' },
  },
  { dark: true },
);

const highlight = HighlightStyle.define([
  { tag: t.propertyName, color: '#c297ff' },
  { tag: t.string, color: '#7ee2b8' },
  { tag: t.number, color: '#ff9e64' },
  { tag: [t.bool, t.null], color: '#6cb6ff' },
  { tag: [t.brace, t.squareBracket, t.separator, t.punctuation], color: '#8b93a1' },
]);

export const editorHighlighting = syntaxHighlighting(highlight);
