import type { SessionView } from '../../../shared/api/sessions';
import { CLUSTER_NODE_TEXT } from '../api/clusterWords';

/** On a standalone session whose server is a Redis Cluster node: only its keys are here. */
export function ClusterNodeBanner({ session }: { session: SessionView }) {
  if (!session.clusterNode) return null;
  return (
    <div className="banner banner-warning" role="note" aria-label="Cluster node" data-testid="cluster-node-banner">
      <strong>{CLUSTER_NODE_TEXT.title}</strong> {CLUSTER_NODE_TEXT.body}
    </div>
  );
}
