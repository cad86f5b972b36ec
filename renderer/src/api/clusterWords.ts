import type { ClusterRedirectDetails } from '../../../shared/api/cluster';
import type { ApiError } from '../../../shared/api/errors';

/** The details as typed, checked anyway: words are never built from malformed ones. */
const isRedirect = (details: ClusterRedirectDetails | undefined): details is ClusterRedirectDetails =>
  typeof details?.slot === 'number' && typeof details.node === 'string';

/**
 * The words for CLUSTER_REDIRECT (core sends the slot and the node): where the key lives, and what
 * to do until Redlens supports Cluster. Undefined for any other error.
 */
export function clusterRedirectText(error: ApiError): string | undefined {
  if (error.code !== 'CLUSTER_REDIRECT' || !isRedirect(error.details)) return undefined;
  const { redirect, slot, node } = error.details;
  if (redirect === 'ask') {
    return `This key’s slot ${slot} is being moved to node ${node}, another node of this cluster, right now. Nothing was done here: open that node, or try again once the move is over.`;
  }
  return `This key lives in slot ${slot} on node ${node}, another node of this cluster. Open that node, or wait for Cluster support.`;
}

/** The words for CLUSTER_CROSSSLOT: why a command over several keys was refused here. */
export function crossSlotText(error: ApiError): string | undefined {
  if (error.code !== 'CLUSTER_CROSSSLOT') return undefined;
  return 'These keys are in different slots of this cluster, and a cluster refuses one command over keys of several slots. Nothing was done: act on one key at a time, or wait for Cluster support.';
}

/** What the session screen says about a cluster node opened as a standalone server. */
export const CLUSTER_NODE_TEXT = {
  title: 'This server is one node of a Redis Cluster.',
  body: 'Only the keys in this node’s slots are shown and counted; the other keys live on the other nodes. Opening one of them here says which node holds it. Redlens does not support Cluster yet.',
};
