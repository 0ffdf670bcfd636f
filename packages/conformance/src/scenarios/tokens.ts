// The tenant-token endpoint: a token is issued, asked again it is reused, a wrong secret and a missing
// field are refused. The credentials are the run's own (never written to the report).
import type { Scenario } from '../scenario.js';

/** Placeholders the runner replaces with the run's app credentials on each side. */
export const APP_ID = '{{app_id}}';
export const APP_SECRET = '{{app_secret}}';
export const WRONG_SECRET = '{{wrong_app_secret}}';

export const tokens: Scenario = {
  id: 'tokens',
  title: 'Tenant token: issue, reuse, wrong secret, missing field',
  steps: () => [
    {
      id: 'issue',
      title: 'exchange the app credentials for a tenant token',
      operation: 'getTenantAccessToken',
      body: { app_id: APP_ID, app_secret: APP_SECRET },
      auth: 'none',
      expect: ['success'],
    },
    {
      id: 'reuse',
      title: 'exchange them again: the same token while more than 30 minutes remain',
      operation: 'getTenantAccessToken',
      body: { app_id: APP_ID, app_secret: APP_SECRET },
      auth: 'none',
      expect: ['success'],
      sameTokenAs: 'issue',
    },
    {
      id: 'wrong-secret',
      title: 'a wrong app_secret',
      operation: 'getTenantAccessToken',
      body: { app_id: APP_ID, app_secret: WRONG_SECRET },
      auth: 'none',
      expect: ['AppSecretInvalid'],
    },
    {
      id: 'missing-secret',
      title: 'no app_secret at all',
      operation: 'getTenantAccessToken',
      body: { app_id: APP_ID },
      auth: 'none',
      expect: ['InvalidParam'],
    },
  ],
};
