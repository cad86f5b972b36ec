import { useEffect, useState } from 'react';
import type { ServerInfo } from '../../../shared/api/server';
import type { SessionView } from '../../../shared/api/sessions';
import { Facts } from '../ui/Facts';
import { formatDuration } from '../ui/format';
import { useSessions } from './sessionsStore';

const SECTIONS = ['server', 'clients', 'memory', 'persistence', 'stats', 'replication', 'keyspace'];

const headline = (info: ServerInfo): [string, string][] => {
  const stats = info.sections['stats'] ?? {};
  const keyspace = Object.values(info.sections['keyspace'] ?? {}).reduce(
    (n, v) => n + Number(/keys=(\d+)/.exec(v)?.[1] ?? 0),
    0,
  );
  return [
    ['Version', `Redis ${info.version}`],
    ['Mode', info.mode],
    ['Role', info.role],
    ['Uptime', formatDuration(info.uptimeSeconds)],
    ['Clients', String(info.connectedClients ?? '—')],
    ['Memory', info.usedMemoryHuman ?? '—'],
    ['Ops/sec', stats['instantaneous_ops_per_sec'] ?? '—'],
    ['Keys', keyspace.toLocaleString('en-US')],
  ];
};

/** INFO: the headline numbers up front, every section below as a table. */
export function ServerInfoPanel({ session }: { session: SessionView }) {
  const info = useSessions((s) => s.info[session.id]);
  const refreshInfo = useSessions((s) => s.refreshInfo);
  const [error, setError] = useState<string>();
  const ready = session.state === 'ready';

  useEffect(() => {
    if (ready) void refreshInfo(session.id).then((e) => setError(e?.message));
  }, [ready, session.id, session.address, refreshInfo]);

  if (error)
    return (
      <p className="field-error" role="alert">
        {error}
      </p>
    );
  if (!info) return null;
  return (
    <section className="info" aria-label="Server info">
      <div className="info-head">
        <h2>Server info</h2>
        <button type="button" onClick={() => void refreshInfo(session.id).then((e) => setError(e?.message))}>
          Refresh
        </button>
      </div>
      <Facts
        items={headline(info).map(([label, value]) => ({ label, value, testId: `info-${label.toLowerCase()}` }))}
      />
      {SECTIONS.filter((s) => info.sections[s]).map((name) => (
        <details key={name} className="info-section">
          <summary>{name[0]!.toUpperCase() + name.slice(1)}</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Value</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(info.sections[name]!).map(([k, v]) => (
                <tr key={k}>
                  <td>{k}</td>
                  <td>{v}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ))}
    </section>
  );
}
