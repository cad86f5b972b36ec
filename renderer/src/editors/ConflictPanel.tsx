import { MergeEditor } from './MergeEditor';
import { formatBytes, utf8Text } from './valueBytes';
import { showAs, viewUnavailable, type ViewKind } from './valueViews';
import type { LoadedValue } from './loadedValue';

/** Versions are compared up to this many bytes each: a diff of megabytes would hold the window. */
const COMPARED_BYTES = 256 * 1024;

/** The first COMPARED_BYTES, without cutting a UTF-8 character in two (text stays text). */
function head(bytes: Uint8Array): Uint8Array {
  let end = Math.min(bytes.length, COMPARED_BYTES);
  for (let back = 0; back < 3 && end < bytes.length && (bytes[end]! & 0xc0) === 0x80; back++) end--;
  return bytes.subarray(0, end);
}

/** The view both versions can be shown in: the editor's, else Text (which shows any bytes). */
function commonView(view: ViewKind, ...values: Uint8Array[]): ViewKind {
  const ok = values.every((v) => !viewUnavailable(view, v, utf8Text(v) !== null));
  return ok ? view : 'text';
}

/**
 * A save met a value changed by someone else: both versions side by side, differences marked,
 * and the user decides. Nothing is written until they do.
 */
export function ConflictPanel({
  mine,
  current,
  view,
  busy,
  onOverwrite,
  onTakeTheirs,
  onKeepEditing,
}: {
  mine: Uint8Array;
  current: LoadedValue;
  view: ViewKind;
  busy: boolean;
  onOverwrite(): void;
  onTakeTheirs(): void;
  onKeepEditing(): void;
}) {
  const left = head(mine);
  const right = head(current.bytes);
  const cut = left.length < mine.length || right.length < current.bytes.length;
  const shown = commonView(view, left, right);
  return (
    <section className="conflict" aria-label="Conflict">
      <div className="banner banner-warning" role="alert">
        <strong>Changed on the server.</strong> Someone changed this value after you loaded it; nothing was saved.
        Compare both versions and choose.
        {cut && (
          <>
            {' '}
            Yours is {formatBytes(mine.length)}, the server&apos;s {formatBytes(current.size)}: only the first{' '}
            {formatBytes(COMPARED_BYTES)} of each are compared here.
          </>
        )}
        {!cut && current.partial && (
          <>
            {' '}
            The server&apos;s version is {formatBytes(current.size)}: only its first {formatBytes(current.bytes.length)}{' '}
            is shown.
          </>
        )}
      </div>
      <div className="conflict-heads" aria-hidden="true">
        <span>Yours (not saved)</span>
        <span>On the server now</span>
      </div>
      <MergeEditor
        left={showAs(left, shown).text}
        right={showAs(right, shown).text}
        view={shown}
        leftLabel="Your version"
        rightLabel="Server version"
      />
      <div className="conflict-actions">
        <button type="button" className="danger" disabled={busy} onClick={onOverwrite}>
          Overwrite with mine
        </button>
        <button type="button" disabled={busy} onClick={onTakeTheirs}>
          Take the server&apos;s
        </button>
        <button type="button" disabled={busy} onClick={onKeepEditing}>
          Keep editing
        </button>
        <span className="hint">Keep editing: your next save replaces the server&apos;s version shown here.</span>
      </div>
    </section>
  );
}
