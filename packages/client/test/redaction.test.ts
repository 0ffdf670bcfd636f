import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createClient } from './helpers/client-form.js';
import { fakeFetch, isToken, json, tokenAnswer } from './helpers/fake-fetch.js';
import { addCollaborators } from './helpers/inputs.js';

const SECRET = 'app-secret-9f8e7d6c';
const TOKEN = 't-g1044ghJRUIJJ5ELPZ5GFMEM7XBTP3RK5ZLKSNVH';
const USER = 'u-0a1b2c3d4e5f6a7b8c9d';

function everything(error: any, lines: string[]) {
  return [
    error.message,
    String(error.msg),
    JSON.stringify(error.detail ?? null),
    String(error.stack),
    JSON.stringify(error),
    inspect(error, { depth: 5 }),
    JSON.stringify(error.cause ?? null),
    ...lines,
  ].join('\n');
}

describe('secrets never appear in errors or logs', () => {
  it('not when the server echoes the token back, nor in any log line', async () => {
    const lines: string[] = [];
    const log = (level: string) => (m: string, f?: unknown) => lines.push(`${level} ${m} ${JSON.stringify(f)}`);
    const f = fakeFetch((req) =>
      isToken(req)
        ? tokenAnswer(TOKEN)
        : json(500, {
            code: 1470701,
            msg: `failed for Authorization: Bearer ${TOKEN}`,
            error: { message: `secret ${SECRET}` },
          }),
    );
    const client = createClient({
      domain: 'http://feishu.test',
      auth: { appId: 'cli_x', appSecret: SECRET },
      fetch: f.fetch,
      retryDelay: { baseDelayMs: 1 },
      logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
    });
    const error = await client.addTaskCollaborators(addCollaborators).catch((e) => e);
    expect(lines.length).toBeGreaterThan(3);
    const all = everything(error, lines);
    expect(all).toContain('1470701');
    expect(all).not.toContain(SECRET);
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain(TOKEN.slice(2));
  });

  it('not a per-call user token, on any failure class', async () => {
    const f = fakeFetch(() => {
      throw new TypeError(`connect failed, header was Bearer ${USER}`);
    });
    const client = createClient({
      domain: 'http://feishu.test',
      auth: { tenantAccessToken: 't-static-abcdef' },
      fetch: f.fetch,
      maxRetries: 0,
    });
    const error = await client.addTaskCollaborators(addCollaborators, { userAccessToken: USER }).catch((e) => e);
    expect(error.name).toBe('FeishuConnectionError');
    const all = everything(error, []);
    expect(all).not.toContain(USER);
    expect(all).not.toContain(USER.slice(2));
  });
});
