// Helpers for the sessions integration tests (real Redis through the harness; no mocks).
import type Redis from 'ioredis';
import type { z } from 'zod';
import type { ErrorCode } from '../../../../shared/api/errors';
import {
  SentinelProfileInputSchema,
  StandaloneProfileInputSchema,
  type ProfileParams,
} from '../../../../shared/api/profiles';
import type { SessionStateEvent, SessionView } from '../../../../shared/api/sessions';
import { ApiFailure } from '../../api/apiFailure';
import { EventBus } from '../../events/eventBus';
import { waitFor, type RedisNode } from '../../localRedis/testSupport';
import type { ResolvedProfile } from '../../profiles/resolvedProfile';
import type { SentinelProfile } from '../../redis/redisOptions';
import { createSessionManager, type SessionManager, type SessionManagerOptions } from '../sessionManager';

type Input<S extends z.ZodType> = Omit<z.input<S>, 'kind' | 'name'> & { name?: string };

type StandaloneProfile = Extract<ResolvedProfile, { kind: 'standalone' }>;

// Profile settings with their secrets in clear, as the profile service resolves them.
const tlsOf = (params: ProfileParams) => ({ ...params.tls, keyPassphrase: params.tls.keyPassphrase ?? undefined });

export function standaloneProfile(input: Input<typeof StandaloneProfileInputSchema>): StandaloneProfile {
  const params = StandaloneProfileInputSchema.parse({ kind: 'standalone', name: 'test', ...input });
  return { ...params, password: params.password ?? undefined, tls: tlsOf(params) };
}

export function sentinelProfile(input: Input<typeof SentinelProfileInputSchema>): SentinelProfile {
  const params = SentinelProfileInputSchema.parse({ kind: 'sentinel', name: 'test', ...input });
  const secrets = { password: params.password ?? undefined, sentinelPassword: params.sentinelPassword ?? undefined };
  return { ...params, ...secrets, tls: tlsOf(params) };
}

/** A session manager over an in-memory profile table, recording every `session.state` event. */
export function sessionTestbed(options: Pick<SessionManagerOptions, 'reconnect'> = {}) {
  const events = new EventBus();
  const profiles = new Map<string, ResolvedProfile>();
  const states: SessionStateEvent[] = [];
  events.on('session.state', (payload) => states.push(payload));
  const manager: SessionManager = createSessionManager({
    events,
    resolveProfile: async (id) => {
      const profile = profiles.get(id);
      if (!profile) throw new ApiFailure('NOT_FOUND', `No profile ${id}`);
      return profile;
    },
    ...options,
  });
  return {
    manager,
    events,
    profiles,
    states,
    /** Every view pushed for sessions of `profileId` (or of the session `id`), in order. */
    viewsOf: (id: string): SessionView[] =>
      states.map((s) => s.session).filter((s) => s.id === id || s.profileId === id),
  };
}

/** Runs `fn`, expecting an ApiFailure with `code`; returns it for more checks. */
export async function expectFailure<C extends ErrorCode>(promise: Promise<unknown>, code: C): Promise<ApiFailure<C>> {
  const outcome = await promise.then(
    () => new Error(`expected ${code}, but it succeeded`),
    (e: unknown) => e,
  );
  if (!(outcome instanceof ApiFailure)) throw outcome;
  if (!outcome.is(code)) throw new Error(`expected ${code}, got ${outcome.code}: ${outcome.message}`);
  return outcome;
}

/** `CLIENT LIST` of a node, one object per connection. */
export async function clientList(node: RedisNode): Promise<Record<string, string>[]> {
  const client: Redis = await node.client();
  try {
    const text = String(await client.call('CLIENT', 'LIST'));
    return text
      .split('\n')
      .filter(Boolean)
      .map((line) => Object.fromEntries(line.split(' ').map((pair) => pair.split('=', 2) as [string, string])));
  } finally {
    client.disconnect();
  }
}

/** Waits until no connection on `nodes` matches `leftover` (the server sees closes a bit later). */
export async function waitForNoClients(
  nodes: readonly RedisNode[],
  leftover: (client: Record<string, string>) => boolean,
  what: string,
): Promise<void> {
  await waitFor(
    async () => {
      for (const node of nodes) if ((await clientList(node)).some(leftover)) return false;
      return true;
    },
    { timeoutMs: 5_000, what },
  );
}

/** `INFO stats` total_connections_received: counts connection attempts that reached the server. */
export async function connectionsReceived(node: RedisNode): Promise<number> {
  const client: Redis = await node.client();
  try {
    return Number(/total_connections_received:(\d+)/.exec(await client.info('stats'))?.[1]);
  } finally {
    client.disconnect();
  }
}
