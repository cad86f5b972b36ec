// Test support for real Redis (integration tests, e2e, benchmarks; never product code): the
// product module's processes plus test-only starters. Import everything a test needs from here.
export * from '../index.js';
export { startStandalone, type StandaloneOptions, type StandaloneServer } from './standalone.js';
export { startCluster, splitSlots, type ClusterOptions, type RedisClusterHarness } from './cluster.js';
export { countKeys } from './countKeys.js';
