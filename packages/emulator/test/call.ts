// Calls an engine in process (no server), with a tenant token of its own.
import type { Emulator } from '../src/index.js';

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: any;
}

export function caller(engine: Emulator) {
  const call = async (method: string, url: string, body?: unknown, token?: string): Promise<Answer> => {
    const answer = await engine.handle({
      method,
      url,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: answer.status, headers: answer.headers, body: answer.body };
  };
  const tenantToken = async (appId = 'cli_test', secret = 'secret') =>
    (await call('POST', '/open-apis/auth/v3/tenant_access_token/internal', { app_id: appId, app_secret: secret })).body;
  return { call, tenantToken };
}
