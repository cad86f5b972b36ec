import type { Handlers } from '../api/dispatch';
import type { TopologyService } from './topologyService';

type TopologyMethod =
  | 'topology.watch'
  | 'topology.unwatch'
  | 'topology.snapshot'
  | 'topology.timeline'
  | 'topology.exportTimeline'
  | 'topology.failover';

/** The `topology.*` API methods, on top of the topology service. */
export function topologyHandlers(service: TopologyService): Pick<Handlers, TopologyMethod> {
  return {
    'topology.watch': (request) => service.watch(request),
    'topology.unwatch': async ({ watchId }) => {
      service.unwatch(watchId);
      return { watchId };
    },
    'topology.snapshot': async ({ watchId }) => service.snapshot(watchId),
    'topology.timeline': async ({ watchId }) => service.timeline(watchId),
    'topology.exportTimeline': async ({ watchId }) => service.exportTimeline(watchId),
    'topology.failover': ({ watchId }) => service.failover(watchId),
  };
}
