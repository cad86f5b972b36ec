import type { Handler } from '../api/dispatch';
import type { QuickProfiles } from './quickProfiles';

/** `quick.*`: connect once (the server's identity), keeping the settings as a transient profile. */
export function quickHandlers(
  quick: QuickProfiles,
  serverInfo: Handler<'server.info'>,
): { 'quick.connect': Handler<'quick.connect'>; 'quick.profile': Handler<'quick.profile'> } {
  return {
    'quick.connect': async ({ readOnly, ...target }) => {
      const info = await serverInfo(target);
      return { quickId: quick.add({ ...target, readOnly }), info };
    },
    'quick.profile': async ({ quickId }) => quick.view(quickId),
  };
}
