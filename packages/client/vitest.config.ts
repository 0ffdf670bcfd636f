import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    // A real redis-server for the shared-quota tests, and the Prism mock for the contract and README tests.
    globalSetup: ['test/setup/redis-server.ts', 'test/setup/mock.ts'],
  },
});
