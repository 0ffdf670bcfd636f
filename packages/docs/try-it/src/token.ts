// A tenant token from the engine's own token endpoint, for the emulator's default test app: the same
// exchange a client makes, so the token is one the engine issued and will check.
import { DEFAULT_APP } from '@feishu-task/emulator';
import { type Engine, send } from './engine.js';
import { findOperation } from './operation.js';

export const TEST_APP = DEFAULT_APP;

export async function issueToken(engine: Engine): Promise<{ token: string; expire: number }> {
  const op = findOperation('getTenantAccessToken');
  if (!op) throw new Error('the spec has no getTenantAccessToken operation');
  const example = JSON.parse(op.body ?? '{}');
  const answer = await send(engine, {
    method: op.method,
    url: op.path,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ ...example, app_id: TEST_APP }),
  });
  const body = answer.body as { tenant_access_token?: unknown; expire?: unknown };
  if (answer.status !== 200 || typeof body.tenant_access_token !== 'string')
    throw new Error(`the token endpoint answered HTTP ${answer.status}: ${JSON.stringify(answer.body)}`);
  return { token: body.tenant_access_token, expire: Number(body.expire) };
}
