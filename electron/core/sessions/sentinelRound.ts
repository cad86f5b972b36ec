import type { ApiError } from '../../../shared/api/errors';
import { describeNodeError } from '../redis/nodeErrors';
import { isFatal } from '../redis/reconnectPolicy';
import type { SentinelProfile } from '../redis/redisOptions';
import { noSentinelAnswered, type Unanswered } from '../redis/noSentinelAnswered';

// While it reconnects, ioredis reports every sentinel it could not use as a `sentinelError`
// whose message is all we get (the original error is not attached), in one of two forms:
const FAILED = /^failed to connect to sentinel (\S+) because (.*)$/s;
const NO_ADDRESS = /^connected to sentinel (\S+) successfully, but got an invalid reply/;

function parse(message: string, profile: SentinelProfile): Unanswered | undefined {
  const noAddress = NO_ADDRESS.exec(message);
  if (noAddress) {
    const address = noAddress[1]!;
    const error: ApiError =
      profile.role === 'master'
        ? {
            code: 'UNKNOWN_MASTER',
            message: `Sentinel ${address} does not monitor a master named "${profile.masterName}".`,
          }
        : { code: 'NO_REPLICA', message: `Sentinel ${address} knows no healthy replica of "${profile.masterName}".` };
    return { address, error };
  }
  const failed = FAILED.exec(message);
  if (!failed) return undefined;
  const [, address = '', reason = ''] = failed;
  // The sentinel answered, but forgot the master (its `SENTINEL SENTINELS <name>` after a null
  // GET-MASTER-ADDR-BY-NAME): the same "no master by that name" as above, not "unreachable".
  if (/No such master/i.test(reason))
    return parse(`connected to sentinel ${address} successfully, but got an invalid reply`, profile);
  // Rebuild enough of the original error for mapError: a reply word or a Node errno code.
  const reply = /^[A-Z]+\b/.test(reason);
  const cause = { name: reply ? 'ReplyError' : 'Error', code: /\b(E[A-Z]{3,})\b/.exec(reason)?.[1], message: reason };
  return { address, error: describeNodeError(cause, address, 'sentinel') };
}

/**
 * What one round of failed sentinel lookups means, and whether trying again can help: not when
 * every sentinel refused the credentials or forgot the master name; yes when they are only
 * unreachable or know no healthy replica right now (e.g. during a failover).
 */
export function sentinelRoundError(messages: string[], profile: SentinelProfile): { error: ApiError; fatal: boolean } {
  const failures = messages.map((m) => parse(m, profile)).filter((f): f is Unanswered => !!f);
  if (failures.length === 0) {
    return { error: { code: 'NO_SENTINEL_REACHABLE', message: 'No sentinel answered.' }, fatal: false };
  }
  const codes = new Set(failures.map((f) => f.error.code));
  if (codes.size === 1 && (codes.has('UNKNOWN_MASTER') || codes.has('NO_REPLICA'))) {
    const error = { ...failures[0]!.error, message: failures.map((f) => f.error.message).join(' ') };
    return { error, fatal: isFatal(error) };
  }
  return { error: noSentinelAnswered(failures), fatal: failures.every((f) => isFatal(f.error)) };
}

/**
 * The `sentinelError` messages of a session's current round of sentinel lookups, and what the
 * round means when ioredis ends it (its `sentinelRetryStrategy`).
 */
export class SentinelRoundLog {
  #messages: string[] = [];

  constructor(private readonly profile: SentinelProfile) {}

  add(message: string): void {
    this.#messages.push(message);
  }

  /**
   * The round ended: what it means, or `undefined` when it says nothing and should simply start
   * over. After a successful connect ioredis does not rewind its sentinel list, so a round can
   * start mid-list: with `partialSaysNothing`, one that ends before every sentinel failed says nothing.
   */
  end(partialSaysNothing: boolean): { error: ApiError; fatal: boolean } | undefined {
    const messages = this.#messages.splice(0);
    if (partialSaysNothing && messages.length < this.profile.sentinels.length) return undefined;
    return sentinelRoundError(messages, this.profile);
  }
}
