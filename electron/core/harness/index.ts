// Real-Redis test harness: starts redis-server / Sentinel processes on free loopback ports, with
// guaranteed cleanup (see processRegistry.ts and watchdog.ts). Plain Node: no electron import.
export { findRedisServer, RedisServerMissingError, REDIS_SERVER_INSTALL_HINT } from './findRedisServer.js';
export { freePort } from './freePort.js';
export { waitFor, AbortWaitError, type WaitForOptions } from './waitFor.js';
export { stopAll, trackedPids } from './processRegistry.js';
export { startWatchdog, type Watchdog } from './watchdog.js';
export { RedisNode, type RedisRole } from './redisNode.js';
export type { Endpoint } from './redisClient.js';
export { startStandalone, type StandaloneOptions, type StandaloneServer } from './standalone.js';
export { startSentinelTopology, type SentinelTopology, type SentinelTopologyOptions } from './sentinelTopology.js';
export { countKeys } from './countKeys.js';
export { startCluster, splitSlots, type ClusterOptions, type RedisClusterHarness } from './cluster.js';
