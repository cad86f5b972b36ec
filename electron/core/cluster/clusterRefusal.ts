import type { ClusterRedirectDetails } from '../../../shared/api/cluster';
import type { ApiError } from '../../../shared/api/errors';

/** `MOVED 14429 127.0.0.1:17002`, `ASK 3999 ::1:7001`, `MOVED 3999 :7001` (same host). */
const REDIRECT = /^(MOVED|ASK) (\d{1,5}) (\S*):(\d{1,5})$/;

/**
 * A cluster node's redirect reply as CLUSTER_REDIRECT (slot and node as parameters; the UI words
 * them), or undefined for any other reply. Redlens opens a node as a standalone server, so it
 * never follows a redirect: a write must land where the user saw the key, or be refused.
 */
export function clusterRedirect(reply: string): ApiError | undefined {
  const match = REDIRECT.exec(reply.trim());
  if (!match) return undefined;
  const [, word = '', slotText = '', host = '', port = ''] = match;
  const slot = Number(slotText);
  // An empty host means "the host you are talking to" (cluster-preferred-endpoint-type unknown).
  const node = host === '' ? `:${port}` : host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
  const details: ClusterRedirectDetails = {
    redirect: word === 'ASK' ? 'ask' : 'moved',
    slot,
    node,
    reply: reply.trim(),
  };
  return {
    code: 'CLUSTER_REDIRECT',
    message:
      word === 'ASK'
        ? `Slot ${slot} is moving to node ${node} of this Redis Cluster; nothing was done.`
        : `The key lives in slot ${slot} on node ${node} of this Redis Cluster; nothing was done.`,
    details,
  };
}

/** CROSSSLOT: one command over keys of several slots, which a cluster refuses; undefined otherwise. */
export function crossSlot(reply: string): ApiError | undefined {
  if (!/^CROSSSLOT\b/.test(reply.trim())) return undefined;
  return {
    code: 'CLUSTER_CROSSSLOT',
    message: 'These keys are in different slots of this Redis Cluster; nothing was done.',
    details: { reply: reply.trim() },
  };
}

/** A Redis Cluster node's refusal (MOVED, ASK, CROSSSLOT) as its error code, or undefined. */
export const clusterRefusal = (reply: string): ApiError | undefined => clusterRedirect(reply) ?? crossSlot(reply);
