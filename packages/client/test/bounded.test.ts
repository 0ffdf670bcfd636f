// Bounded and safe: an answer's body is capped, secrets are scrubbed from the whole body before it is cut
// into an error, console.error shows the stack, and a bad domain is an input error at createClient.
import type { ServerResponse } from 'node:http';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeishuInputError, FeishuResponseError } from '../src/index.js';
import { createClient } from './helpers/client-form.js';
import { serverClient, startServer } from './helpers/http-server.js';
import { addCollaborators } from './helpers/inputs.js';

const SECRET = 'Zq9xK2mW7pL4vN8rT3yB6cH1jF5gD0sA';
const endless = (res: ServerResponse, headers: Record<string, string>) => {
  res.writeHead(200, { 'content-type': 'application/json', ...headers });
  const chunk = Buffer.alloc(64 * 1024, 'x');
  let sent = 0;
  const more = () => {
    while (sent < 64 && res.write(chunk)) sent++;
    if (sent < 64) res.once('drain', more);
    else res.end();
  };
  more();
};

let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  server = await startServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (req.url!.includes('tenant_access_token'))
        // A gateway that echoes the request body: the secret starts 10 characters before the 200-character snippet ends.
        return res
          .writeHead(502, { 'content-type': 'text/html' })
          .end(`<html><body><h1>Bad Gateway</h1><pre>${' '.repeat(117)}${body}</pre></body></html>`);
      if (req.url!.includes('/tasks/chunked/')) return endless(res, {});
      if (req.url!.includes('/tasks/declared/')) return endless(res, { 'content-length': String(64 * 64 * 1024) });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"code":0,"msg":"ok","data":{}}');
    });
  });
});
afterAll(() => server.close());

const task = (task_id: string) => ({ ...addCollaborators, path: { task_id } });

describe('the answer body is capped', () => {
  it.each(['chunked', 'declared'])(
    'a 4 MiB answer (%s length) over maxResponseBytes: FeishuResponseError, outcome unknown, left unread',
    async (kind) => {
      const error = await serverClient(server.url, { maxRetries: 0, maxResponseBytes: 256 * 1024 })
        .addTaskCollaborators(task(kind))
        .catch((e) => e);
      expect(error).toBeInstanceOf(FeishuResponseError);
      expect(error).toMatchObject({ status: 200, outcomeUnknown: true, bodySnippet: '' });
      expect(error.message).toContain('over maxResponseBytes (262144 bytes)');
    },
  );

  it('under the cap the same answer is read', async () => {
    await expect(serverClient(server.url).addTaskCollaborators(task('small'))).resolves.toEqual({});
  });

  it('maxResponseBytes must be a whole number from 1', () => {
    expect(() => serverClient(server.url, { maxResponseBytes: 0 })).toThrow(FeishuInputError);
    expect(() => serverClient(server.url, { maxResponseBytes: 1.5 })).toThrow(
      /maxResponseBytes must be a whole number/,
    );
  });
});

describe('secrets are scrubbed before any cut', () => {
  it('a token endpoint 502 echoing the app secret past the snippet boundary shows none of it', async () => {
    const client = createClient({
      domain: server.url,
      auth: { appId: 'cli_echo', appSecret: SECRET },
      throttle: false,
      maxRetries: 0,
    });
    const error = await client.addTaskCollaborators(task('any')).catch((e) => e);
    expect(error).toBeInstanceOf(FeishuResponseError);
    const all = [error.message, error.bodySnippet, JSON.stringify(error), inspect(error), String(error.stack)].join(
      '\n',
    );
    // Any 6 characters of the secret in a row would be a leak.
    for (let i = 0; i + 6 <= SECRET.length; i++) expect(all).not.toContain(SECRET.slice(i, i + 6));
    expect(error.bodySnippet).toContain('[redacted]');
  });
});

describe('inspect and console.error', () => {
  it('show the stack (where it was thrown) and the fields', async () => {
    const error = await serverClient(server.url)
      .addTaskCollaborators({ path: { task_id: '' }, body: { id_list: ['ou_1'] } })
      .catch((e) => e);
    const shown = inspect(error);
    expect(shown).toMatch(/^FeishuInputError: addTaskCollaborators: path\.task_id/);
    expect(shown).toMatch(/\n\s+at /);
    expect(shown).toContain('"field": "path.task_id"');
  });
});

describe('domain', () => {
  it.each([['feishuu'], ['open.feishu.cn'], ['ftp://x'], ['http://'], [42]])(
    'a bad domain (%j) is a FeishuInputError naming the choices at createClient',
    (domain) => {
      const make = () => createClient({ domain: domain as string, auth: { tenantAccessToken: 't-x-abcdef' } });
      expect(make).toThrow(FeishuInputError);
      expect(make).toThrow(/domain must be 'feishu', 'lark' or an http\(s\) URL/);
    },
  );
});
