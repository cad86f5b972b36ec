import { useState } from 'react';
import type { TopologySnapshot } from '../../../shared/api/topology';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { titledError } from '../ui/errorTitles';
import { shortClockTime } from './topologyFormat';
import { useTopology } from './topologyStore';

type Outcome = { ok: true; text: string } | { ok: false; text: string };

/** Why a failover cannot be asked for now, if it cannot. */
function blocker(snapshot: TopologySnapshot): string | undefined {
  if (snapshot.failover) return 'A failover is already running.';
  if (!snapshot.sentinels.some((s) => s.reachable)) return 'No sentinel is reachable.';
  if (!snapshot.replicas.some((r) => !r.flags.sDown && r.address !== snapshot.master?.address)) {
    return 'There is no live replica to promote.';
  }
  return undefined;
}

/**
 * "Trigger failover" (SENTINEL FAILOVER) behind a confirmation; never offered on read-only
 * profiles. The result (accepted by which sentinel, or the server's refusal) stays in view.
 */
export function TriggerFailover({ ownerId, snapshot }: { ownerId: string; snapshot: TopologySnapshot }) {
  const failover = useTopology((s) => s.failover);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  if (snapshot.readOnly) return null;
  const blocked = blocker(snapshot);
  const master = snapshot.master?.address ?? 'the current master';
  const candidates = snapshot.replicas.filter((r) => !r.flags.sDown && r.address !== snapshot.master?.address).length;
  const which = candidates === 1 ? 'its replica' : `one of its ${candidates} replicas`;

  const run = async () => {
    setConfirming(false);
    setBusy(true);
    setOutcome(undefined);
    const result = await failover(ownerId);
    setBusy(false);
    setOutcome(
      result.ok
        ? {
            ok: true,
            text: `Failover of ${result.value.masterName} requested through sentinel ${result.value.sentinel} at ${shortClockTime(result.value.at)}.`,
          }
        : { ok: false, text: titledError(result.error) },
    );
  };

  return (
    <div className="topo-failover-action">
      <button
        type="button"
        className="topo-failover-button"
        disabled={busy || !!blocked}
        title={blocked}
        aria-describedby={blocked ? `failover-blocked-${ownerId}` : undefined}
        onClick={() => setConfirming(true)}
      >
        {busy ? 'Requesting failover…' : 'Trigger failover…'}
      </button>
      {blocked && (
        <span id={`failover-blocked-${ownerId}`} className="visually-hidden">
          {blocked}
        </span>
      )}
      {outcome && (
        <p className={outcome.ok ? 'hint notice' : 'field-error notice'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.text}
        </p>
      )}
      {confirming && (
        <ConfirmDialog
          title={`Fail over ${snapshot.masterName}?`}
          message={`Sentinel will promote ${which} and turn ${master} into a replica. Writes fail for a few seconds, until clients follow the new master.`}
          confirmLabel="Trigger failover"
          danger
          onCancel={() => setConfirming(false)}
          onConfirm={() => void run()}
        />
      )}
    </div>
  );
}
