// Local Redis processes for the product (the one-click sandbox, `npm run sandbox`): finds
// redis-server, starts and watches a Sentinel deployment on free loopback ports, and guarantees
// cleanup (processRegistry.ts, watchdog.ts). Plain Node: no electron import.
// Tests start servers through ./testSupport (startStandalone, startCluster, …), which builds on this.
export { findRedisServer, RedisServerMissingError, REDIS_SERVER_INSTALL_HINT } from './findRedisServer.js';
export { freePort } from './freePort.js';
export { waitFor, AbortWaitError, type WaitForOptions } from './waitFor.js';
export { stopAll, trackedPids } from './processRegistry.js';
export { startWatchdog, type Watchdog } from './watchdog.js';
export { RedisNode, type RedisRole } from './redisNode.js';
export type { Endpoint } from './redisClient.js';
export { startSentinelTopology, type SentinelTopology, type SentinelTopologyOptions } from './sentinelTopology.js';
