import type { Handler } from '../api/dispatch';
import type { EventBus } from '../events/eventBus';
import { readServerInfo, timePing } from '../redis/serverInfo';
import { withAdhocConnection } from './adhocConnection';

export function serverHandlers(bus: EventBus): {
  'server.ping': Handler<'server.ping'>;
  'server.info': Handler<'server.info'>;
} {
  return {
    'server.ping': (target) => withAdhocConnection(target, bus, timePing),
    'server.info': (target) => withAdhocConnection(target, bus, readServerInfo),
  };
}
