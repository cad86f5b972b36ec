import { errorText } from './apiErrors';
import type { useWholeLoad } from './useWholeLoad';
import { formatBytes } from './valueBytes';

/**
 * A partial value: how much of it is shown, and loading it whole — with progress in MB, a
 * Cancel, the reason when the value changed meanwhile and the load started over, and errors.
 */
export function PartialBanner({
  shownBytes,
  size,
  whole: load,
}: {
  shownBytes: number;
  size: number;
  /** Loading it whole; without it, it is only said to be partial. */
  whole?: ReturnType<typeof useWholeLoad>;
}) {
  const whole = load?.whole ?? { phase: 'idle' };
  const busy = whole.phase !== 'idle';
  return (
    <div className="banner banner-warning partial-banner" role="status">
      <span>
        Partial ({formatBytes(shownBytes)} of {formatBytes(size)}): read-only until the whole value is loaded.
      </span>
      {!busy && load && (
        <button type="button" onClick={() => void load.start()}>
          Load whole value ({formatBytes(size)})
        </button>
      )}
      {busy && (
        <span className="job-progress">
          <progress
            aria-label="Loading the whole value"
            max={whole.phase === 'loading' ? whole.total || size : whole.total}
            value={whole.phase === 'loading' ? whole.loaded : whole.done}
          />
          <span>
            {whole.phase === 'loading'
              ? `Loading ${formatBytes(whole.loaded)} of ${formatBytes(whole.total || size)}…`
              : `Preparing the editor: ${formatBytes(whole.done)} of ${formatBytes(whole.total)}…`}
            {whole.phase === 'loading' &&
              whole.attempt > 1 &&
              ` The value changed on the server while it loaded: loading it again (try ${whole.attempt}).`}
          </span>
          <button type="button" onClick={load?.cancel}>
            Cancel
          </button>
        </span>
      )}
      {whole.phase === 'idle' && whole.note && <span>{whole.note}</span>}
      {whole.phase === 'idle' && whole.error && (
        <span role="alert">Could not load the whole value: {errorText(whole.error)}</span>
      )}
    </div>
  );
}
