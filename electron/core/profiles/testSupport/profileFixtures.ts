import { ProfileInputSchema, type ProfileInput, type ProfileParams } from '../../../../shared/api/profiles';
import { EventBus } from '../../events/eventBus';
import { createKeyFileCipher } from '../../secrets/keyFileCipher';
import { createProfileService } from '../profileService';

/** Input → params with defaults applied, as dispatch hands them to the service. */
export const params = (input: ProfileInput): ProfileParams => ProfileInputSchema.parse(input);

export const standalone = (name: string, extra: Partial<ProfileInput> = {}): ProfileParams =>
  params({ kind: 'standalone', name, host: '127.0.0.1', port: 6379, ...extra } as ProfileInput);

export const sentinel = (name: string, extra: Partial<ProfileInput> = {}): ProfileParams =>
  params({
    kind: 'sentinel',
    name,
    sentinels: [
      { host: '10.0.0.1', port: 26379 },
      { host: '10.0.0.2', port: 26379 },
    ],
    masterName: 'mymaster',
    ...extra,
  } as ProfileInput);

/** A service on `dataDir` with the web-mode cipher and an event log. */
export function serviceFor(dataDir: string) {
  const events = new EventBus();
  const emitted: string[] = [];
  events.onAny((name) => emitted.push(name));
  const service = createProfileService({ dataDir, cipher: createKeyFileCipher(dataDir), events });
  return { service, events, emitted };
}

/** Runs `fn` and returns the ApiFailure (or other error) it rejected with. */
export async function failureOf(fn: () => Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await fn();
  } catch (e) {
    return e as { code?: string; message: string };
  }
  throw new Error('expected a failure, got success');
}
