// POST /open-apis/auth/v3/tenant_access_token/internal: app credentials for a tenant token. A token
// with less than 30 minutes left is replaced by a new one, and both stay valid (platform behaviour).
import { randomHex } from '../log-id.js';
import { type Context, documented, type Reply } from '../reply.js';
import { DEFAULT_TENANT } from '../state.js';
import type { World } from './world.js';

const RENEW_WHEN_LEFT_MS = 30 * 60 * 1000;

export function getTenantAccessToken(ctx: Context<'getTenantAccessToken'>, world: World): Reply {
  const { app_id, app_secret } = ctx.body as { app_id: string; app_secret: string };
  const { state, config } = world;
  let app = state.apps.get(app_id);
  if (!app) {
    if (state.restrictApps) return documented(ctx, 'InvalidParam');
    app = { app_id, app_secret, tenant_key: DEFAULT_TENANT };
    state.apps.set(app_id, app);
  }
  if (app.app_secret !== app_secret) return documented(ctx, 'AppSecretInvalid');

  let best: [string, number] | undefined;
  for (const [token, record] of state.tenantTokens)
    if (record.appId === app_id && record.expiresAt > ctx.now && (!best || record.expiresAt > best[1]))
      best = [token, record.expiresAt];
  if (!best || best[1] - ctx.now < RENEW_WHEN_LEFT_MS) {
    state.pruneTokens(ctx.now);
    const token = `t-${randomHex(20)}`;
    const expiresAt = ctx.now + config.tokenTtlSeconds * 1000;
    state.tenantTokens.set(token, { appId: app_id, tenantKey: app.tenant_key, expiresAt });
    best = [token, expiresAt];
  }
  return {
    status: 200,
    body: {
      code: 0,
      msg: String(ctx.op.successExample?.msg ?? 'ok'),
      tenant_access_token: best[0],
      expire: Math.floor((best[1] - ctx.now) / 1000),
    },
  };
}
