import type { TopologyEvent } from '../../../shared/api/topology';
import type { AlertDraft } from './alertBook';

/** `+tilt` / `-tilt`: a sentinel stops acting (clock jump, overload) for at least 30 s. */
export function tiltAlert(event: TopologyEvent): AlertDraft | undefined {
  if (event.channel !== '+tilt' && event.channel !== '-tilt') return undefined;
  const sentinel = event.reportedBy[0] ?? '';
  const base = { key: `tilt:${sentinel}`, address: sentinel };
  return event.channel === '+tilt'
    ? {
        ...base,
        kind: 'tilt',
        severity: 'warning',
        text: `Sentinel ${sentinel} entered TILT mode (its clock jumped or it was blocked): it will not take part in failovers for at least 30 s.`,
        transient: false,
      }
    : { ...base, kind: 'tilt', severity: 'success', text: `Sentinel ${sentinel} left TILT mode.`, transient: true };
}
