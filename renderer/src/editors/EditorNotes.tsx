import { FormError } from '../ui/fields';

/**
 * The value editor's one-line notes, each shown only when it applies: writes paused, a view
 * being prepared, a restored draft, JSON offered for a big value, why JSON did not parse, and
 * why the edit cannot be saved.
 */
export function EditorNotes(p: {
  /** Why writes are paused (shown while there is an edit to save). */
  paused?: string;
  preparing: boolean;
  /** A draft was restored; `changedSince`: the value changed on the server since it was made. */
  restored?: { changedSince: boolean };
  /** A big value that looks like JSON, shown as text. */
  offerJson: boolean;
  jsonNote?: string;
  inputError?: string;
}) {
  return (
    <>
      {p.paused && (
        <p className="hint" role="status">
          {p.paused} Your edit is kept: save it once writes resume.
        </p>
      )}
      {p.preparing && (
        <p className="hint" role="status">
          Preparing the view…
        </p>
      )}
      {p.restored && (
        <p className="hint" role="status">
          Your unsaved edit was restored.
          {p.restored.changedSince && ' The value changed on the server since: saving shows both.'}
        </p>
      )}
      {p.offerJson && (
        <p className="hint">
          This value is over 1 MB, so it is not checked for JSON: choose the JSON view to pretty-print it (that may take
          a moment).
        </p>
      )}
      {p.jsonNote && <p className="hint">{p.jsonNote}</p>}
      <FormError message={p.inputError && `Cannot save: ${p.inputError}`} />
    </>
  );
}
