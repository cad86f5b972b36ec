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
        message: { code: 'tilt-entered', sentinel },
        transient: false,
      }
    : { ...base, kind: 'tilt', severity: 'success', message: { code: 'tilt-left', sentinel }, transient: true };
}
