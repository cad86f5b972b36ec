/**
 * `details` of CLUSTER_REDIRECT: a node of a Redis Cluster, opened as a standalone server, answered
 * `MOVED <slot> <node>` (the key lives on that node) or `ASK <slot> <node>` (its slot is being
 * migrated there). The UI words it; core never follows the redirect.
 */
export interface ClusterRedirectDetails {
  redirect: 'moved' | 'ask';
  slot: number;
  /** `host:port` (`[v6]:port`) of the node that holds the key, as the cluster announces it. */
  node: string;
  /** The server's own reply, for the log. */
  reply: string;
}
