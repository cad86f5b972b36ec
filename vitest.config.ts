import { defineConfig } from 'vitest/config';

// Unit tests (`*.test.ts`) sit next to the code; integration tests (`*.int.test.ts`) start real
// redis-server / Sentinel processes through electron/core/localRedis/testSupport. No Redis mocks anywhere.
export default defineConfig({
  test: {
    include: ['{shared,electron,renderer,bench}/**/*.test.{ts,tsx}', 'e2e/{architecture,support}/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'out/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
