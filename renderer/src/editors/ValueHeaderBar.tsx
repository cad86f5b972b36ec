import { useState } from 'react';
import type { KeyBytes } from '../../../shared/api/keys';
import type { ValueHeader } from '../../../shared/api/values';
import type { KeyCommand } from '../keys/keyCommands';
import { displayKey, isEscaped } from '../ui/keyText';
import { useKeys } from '../keys/keysStore';
import { useWritePause } from '../sessions/sessionsStore';
import { describeTtl } from '../ui/ttlInput';
import { errorText } from './apiErrors';
import { useCountdown } from './useCountdown';
import { count, formatBytes } from './valueBytes';
import { FormError } from '../ui/fields';
import { useEditorDb } from './editorDb';
import { valueCall } from './valueCalls';

const UNITS: Record<string, [string, string]> = {
  hash: ['field', 'fields'],
  list: ['item', 'items'],
  set: ['member', 'members'],
  zset: ['member', 'members'],
  stream: ['entry', 'entries'],
};

/** STRLEN in bytes, the other sizes in elements. */
export function describeSize(header: ValueHeader): string {
  if (header.size === null) return '—';
  if (header.type === 'string') return formatBytes(header.size);
  const [one, many] = UNITS[header.type] ?? ['element', 'elements'];
  return `${count(header.size)} ${header.size === 1 ? one : many}`;
}

function TtlFact({ header, readAt, onExpired }: { header: ValueHeader; readAt: number; onExpired(): void }) {
  const left = useCountdown(header.ttlMs, readAt, onExpired);
  if (left < 0) return <>no expiry</>;
  return (
    <span className="ttl-live" title={`Expires at ${new Date(readAt + header.ttlMs).toLocaleString()}`}>
      {left === 0 ? 'expired' : describeTtl(left)}
    </span>
  );
}

function MemoryFact({ sessionId, keyBytes }: { sessionId: string; keyBytes: KeyBytes }) {
  const db = useEditorDb();
  const [state, setState] = useState<{ bytes?: number; error?: string; busy?: boolean }>({});
  const measure = async () => {
    setState({ busy: true });
    const result = await valueCall('values.memory', { sessionId, db, key: keyBytes });
    setState(result.ok ? { bytes: result.value.bytes } : { error: errorText(result.error) });
  };
  return (
    <>
      {state.bytes !== undefined && <span title={`${count(state.bytes)} bytes`}>{formatBytes(state.bytes)} </span>}
      {state.error && <span className="field-error">{state.error} </span>}
      <button
        type="button"
        className="link-button measure"
        disabled={state.busy}
        title="MEMORY USAGE … SAMPLES 5: walks the value, so it is only run when asked"
        onClick={() => void measure()}
      >
        {state.busy ? 'measuring…' : state.bytes === undefined ? 'Measure' : 'again'}
      </button>
    </>
  );
}

/**
 * Above any value: the exact name (escaped when binary), type, size, encoding, memory on demand
 * and a live TTL, with the key's actions (rename, TTL, persist, delete come from the key browser).
 */
export function ValueHeaderBar({
  sessionId,
  header,
  readAt,
  readOnly,
  run,
  onReload,
  onExpired,
}: {
  sessionId: string;
  header: ValueHeader;
  readAt: number;
  readOnly: boolean;
  run(command: KeyCommand): void;
  onReload(): void;
  onExpired(): void;
}) {
  const key = header.key;
  const name = displayKey(key);
  const [persistError, setPersistError] = useState<string>();
  const paused = useWritePause(sessionId);
  const writeGate = { disabled: !!paused, title: paused };
  const persist = async () => {
    const error = await useKeys.getState().expire(sessionId, [key], null);
    setPersistError(error ? errorText(error) : undefined);
  };
  return (
    <header className="value-header">
      <div className="value-title-row">
        <h2 className="key-title" title={name}>
          {name}
        </h2>
        <button
          type="button"
          className="copy-name"
          title={isEscaped(key) ? 'Copies the escaped form, as redis-cli writes it' : 'Copies the name exactly'}
          onClick={() => run({ kind: 'copy', name: key, what: 'name' })}
        >
          Copy name
        </button>
      </div>
      <dl className="facts value-facts">
        <div>
          <dt>Type</dt>
          <dd data-testid="key-type">
            <span className={`type-dot type-${header.type}`} aria-hidden="true" />
            {header.type}
          </dd>
        </div>
        <div>
          <dt>Size</dt>
          <dd data-testid="value-size">{describeSize(header)}</dd>
        </div>
        <div>
          <dt>TTL</dt>
          <dd data-testid="value-ttl">
            <TtlFact header={header} readAt={readAt} onExpired={onExpired} />
          </dd>
        </div>
        <div>
          <dt>Encoding</dt>
          <dd data-testid="value-encoding">{header.encoding ?? '—'}</dd>
        </div>
        <div>
          <dt>Memory</dt>
          <dd>
            <MemoryFact sessionId={sessionId} keyBytes={key} />
          </dd>
        </div>
      </dl>
      <div className="value-actions" role="toolbar" aria-label="Key actions">
        {!readOnly && (
          <>
            <button type="button" {...writeGate} onClick={() => run({ kind: 'rename', key })} aria-keyshortcuts="F2">
              Rename…
            </button>
            <button type="button" {...writeGate} onClick={() => run({ kind: 'ttl', key })}>
              Set TTL…
            </button>
            {header.ttlMs >= 0 && (
              <button type="button" {...writeGate} onClick={() => void persist()}>
                Persist
              </button>
            )}
          </>
        )}
        <button type="button" onClick={onReload} aria-keyshortcuts="F5" title="Reload (F5 or Ctrl+R)">
          Reload
        </button>
        {!readOnly && (
          <button type="button" className="danger" {...writeGate} onClick={() => run({ kind: 'deleteKey', key })}>
            Delete…
          </button>
        )}
        {readOnly && <span className="badge read-only-badge">read-only</span>}
      </div>
      <FormError message={persistError} />
    </header>
  );
}
