import type { ChainableCommander } from 'ioredis';

/** Runs a MULTI or pipeline; a command's error is left in place of its reply. */
export async function execReplies(batch: ChainableCommander): Promise<unknown[]> {
  const replies = (await batch.exec()) ?? [];
  return replies.map(([err, value]) => err ?? value);
}

/** Throws the first error among replies (after the caller checked what explains it, e.g. TYPE). */
export function throwErrors(replies: unknown[]): unknown[] {
  const failed = replies.find((reply) => reply instanceof Error);
  if (failed) throw failed;
  return replies;
}

/** Runs a MULTI or pipeline and returns its replies, throwing the first command error. */
export const execAll = async (batch: ChainableCommander): Promise<unknown[]> => throwErrors(await execReplies(batch));
