import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { MockStartError, startMock } from '../src/index.js';

describe('startMock', () => {
  it('picks a free port with port 0, answers once resolved, and frees the port on close', async () => {
    const mock = await startMock({ port: 0 });
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${mock.url}/open-apis/auth/v3/tenant_access_token/internal`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ app_id: 'a', app_secret: 'b' }),
    });
    expect(await res.json()).toMatchObject({ code: 0, expire: 7200 });
    await mock.close();
    await expect(fetch(mock.url)).rejects.toThrow();
  });

  it('fails with a clear error, not a hang, when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    const started = Date.now();
    const error = await startMock({ port }).catch((e) => e);
    blocker.close();
    expect(error).toBeInstanceOf(MockStartError);
    expect(error.message).toMatch(new RegExp(`port ${port} .*already in use`));
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('names the reason when FEISHU_MOCK_NODE cannot run', async () => {
    const saved = process.env.FEISHU_MOCK_NODE;
    process.env.FEISHU_MOCK_NODE = '/nonexistent/node';
    try {
      const error = await startMock({ port: 0 }).catch((e) => e);
      expect(error).toBeInstanceOf(MockStartError);
      expect(error.message).toBe(
        'cannot run Prism with Node "/nonexistent/node": ENOENT spawn /nonexistent/node ENOENT',
      );
    } finally {
      if (saved === undefined) delete process.env.FEISHU_MOCK_NODE;
      else process.env.FEISHU_MOCK_NODE = saved;
    }
  });

  it('keeps only the newest recordLimit requests and violations', async () => {
    const mock = await startMock({ port: 0, recordLimit: 3 });
    try {
      for (let i = 0; i < 8; i++)
        await fetch(`${mock.url}/open-apis/task/v2/tasklists/g/add_members`, {
          method: 'POST',
          headers: { authorization: 'Bearer t-1', 'content-type': 'application/json', 'x-n': String(i) },
          body: JSON.stringify({ members: [{ id: `ou_${i}`, role: 'boss' }] }),
        }).then((r) => r.arrayBuffer());
      expect(mock.requests).toHaveLength(3);
      expect(mock.violations).toHaveLength(3);
      mock.violations.length = 0;
      expect(mock.violations).toEqual([]);
    } finally {
      await mock.close();
    }
  });

  it('fails with a clear error when Prism dies at start', async () => {
    const saved = process.env.FEISHU_MOCK_NODE;
    process.env.FEISHU_MOCK_NODE = '/bin/false';
    try {
      const error = await startMock({ port: 0 }).catch((e) => e);
      expect(error).toBeInstanceOf(MockStartError);
      expect(error.message).toMatch(/Prism exited \(code 1, signal null\) before it was ready/);
    } finally {
      if (saved === undefined) delete process.env.FEISHU_MOCK_NODE;
      else process.env.FEISHU_MOCK_NODE = saved;
    }
  });
});
