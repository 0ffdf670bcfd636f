// Two files at once against one server (see ../namespaces.test.ts, which runs this config).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/namespaces/*.parallel.ts'],
    globalSetup: ['test/namespaces/global-setup.ts'],
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
