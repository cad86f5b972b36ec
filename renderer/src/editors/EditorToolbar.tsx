import type { JsonStyle, ViewKind } from './valueViews';
import { ViewTabs } from './ViewTabs';

/** The value editor's toolbar: view tabs, JSON save style, wrapping, and Discard / Save. */
export function EditorToolbar(p: {
  view: ViewKind;
  unavailable(kind: ViewKind): string | undefined;
  onView(kind: ViewKind): void;
  style: JsonStyle;
  onStyle(style: JsonStyle): void;
  /** The Text view shows bytes that are not UTF-8 escaped. */
  escaped: boolean;
  /** Soft wrap on or off; undefined when the view has no lines to wrap. */
  wrap: boolean | undefined;
  onWrap(wrap: boolean): void;
  editable: boolean;
  dirty: boolean;
  busy: boolean;
  /** Saving waits for a choice (a conflict is shown). */
  saveBlocked: boolean;
  /** Why writes are paused now (Save is disabled, with this as its title). */
  paused?: string;
  onDiscard(): void;
  onSave(): void;
}) {
  return (
    <div className="editor-toolbar">
      <ViewTabs view={p.view} unavailable={p.unavailable} onChange={p.onView} />
      {p.view === 'json' && p.editable && (
        <label className="inline-select">
          Save as
          <select value={p.style} onChange={(e) => p.onStyle(e.target.value as JsonStyle)}>
            <option value="compact">compact JSON</option>
            <option value="pretty">pretty JSON</option>
          </select>
        </label>
      )}
      {p.escaped && p.view === 'text' && (
        <span className="hint escaped-note">Not UTF-8: shown escaped (\xNN = one byte), saved byte for byte.</span>
      )}
      {p.view !== 'hex' && p.wrap !== undefined && (
        <label className="checkbox wrap-toggle">
          <input type="checkbox" checked={p.wrap} onChange={(e) => p.onWrap(e.target.checked)} />
          Wrap
        </label>
      )}
      <span className="toolbar-spacer" />
      {p.editable && p.dirty && (
        <span className="dirty-mark" title="Unsaved changes">
          Modified
        </span>
      )}
      {p.editable && (
        <>
          <button type="button" disabled={!p.dirty || p.busy} onClick={p.onDiscard}>
            Discard
          </button>
          <button
            type="button"
            className="primary"
            disabled={!p.dirty || p.busy || p.saveBlocked || !!p.paused}
            title={p.paused}
            onClick={p.onSave}
            aria-keyshortcuts="Control+S"
          >
            {p.busy ? 'Saving…' : 'Save'}
          </button>
        </>
      )}
    </div>
  );
}
