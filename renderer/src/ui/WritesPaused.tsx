/**
 * Why writes are paused (no master, reconnecting — see sessions/writeAccess.ts), said next to
 * the write actions it disables. Nothing when writes can go.
 */
export function WritesPaused({ reason, kept }: { reason: string | undefined; kept?: boolean }) {
  if (!reason) return null;
  return (
    <p className="warning notice writes-paused" role="status">
      {reason}
      {kept && ' Your edit is kept: save it once the session is ready again.'}
    </p>
  );
}
