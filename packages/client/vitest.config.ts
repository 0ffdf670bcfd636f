import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    // A real redis-server for the shared-quota tests (test/setup/redis-server.ts).
    globalSetup: ['test/setup/redis-server.ts'],
  },
});
