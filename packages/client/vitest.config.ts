import { defineConfig } from 'vitest/config';

// The behaviour tests import `createClient` from test/helpers/client-form.ts, which is createClient itself
// in the first project and a core with the per-operation functions in the second: both forms must behave
// alike. Tests of one form only (entries, README, types, contracts, the raw client, which takes
// createClient's clients) run once.
const BOTH_FORMS = [
  'abort-reasons',
  'abort',
  'auth',
  'bounded',
  'bulk',
  'exact-at-server',
  'failures',
  'input-checks',
  'lifecycle',
  'options',
  'redaction-bounded',
  'redaction',
  'redis-quota',
  'responses',
  'retry-safety',
  'retry',
  'store-outage',
  'throttle',
  'unknown-outcome',
].map((name) => `test/${name}.test.ts`);

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 90_000,
    // A real redis-server for the shared-quota tests, and the Prism mock for the contract and README tests.
    globalSetup: ['test/setup/redis-server.ts', 'test/setup/mock.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'createClient', include: ['test/**/*.test.ts'], env: { CLIENT_FORM: 'createClient' } },
      },
      { extends: true, test: { name: 'modular', include: BOTH_FORMS, env: { CLIENT_FORM: 'modular' } } },
    ],
  },
});
