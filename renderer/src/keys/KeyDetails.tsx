import type { KeyBytes } from '../../../shared/api/keys';
import { KeyActions } from './KeyActions';
import { displayKey, keyId } from './keyText';
import { useKeys } from './keysStore';

/** The opened key: its exact name (escaped when binary), type and TTL. Value editors plug in here. */
export function KeyDetails({
  sessionId,
  keyBytes,
  readOnly,
  onDelete,
}: {
  sessionId: string;
  keyBytes: KeyBytes;
  readOnly: boolean;
  onDelete(): void;
}) {
  const meta = useKeys((st) => st.bySession[sessionId]?.meta[keyId(keyBytes)]);
  const name = displayKey(keyBytes);
  return (
    <section className="key-details" aria-label="Key">
      <h2 className="key-title" title={name}>
        {name}
      </h2>
      <dl className="facts">
        <div>
          <dt>Type</dt>
          <dd data-testid="key-type">{meta ? (meta.type === 'none' ? 'deleted' : meta.type) : '…'}</dd>
        </div>
        <div>
          <dt>TTL</dt>
          <dd>
            {!meta
              ? '…'
              : meta.ttlMs === -1
                ? 'no expiry'
                : meta.ttlMs === -2
                  ? 'gone'
                  : `${Math.round(meta.ttlMs / 1000)} s`}
          </dd>
        </div>
        <div>
          <dt>Encoding</dt>
          <dd>{typeof keyBytes === 'string' ? 'UTF-8 text' : 'binary'}</dd>
        </div>
      </dl>
      {meta?.type === 'none' && (
        <p className="banner banner-warning" role="alert">
          This key no longer exists: it was deleted or expired.
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={() => void navigator.clipboard?.writeText(name)}>
          Copy name
        </button>
        {!readOnly && (
          <button type="button" className="danger" onClick={onDelete}>
            Delete…
          </button>
        )}
      </div>
      {!readOnly && meta?.type !== 'none' && <KeyActions sessionId={sessionId} keyBytes={keyBytes} meta={meta} />}
      <p className="hint">Value editors arrive with the next release.</p>
    </section>
  );
}
