// Listening means ready; a Prism crash is restarted and reported; a stalled Prism gets a bounded wait.
import { describe, expect, it } from 'vitest';
import { startMock } from '../src/index.js';
import { freePort } from './helpers.js';

const v2 = '/open-apis/task/v2/tasklists/g/add_members';
const valid = {
  method: 'POST',
  headers: { authorization: 'Bearer t-1', 'content-type': 'application/json' },
  body: '{"members":[{"id":"ou_1"}]}',
};

describe('the mock process', () => {
  it('binds its port only once a real request is answered: every early request is refused or answered 200', async () => {
    const port = await freePort();
    const outcomes: string[] = [];
    let started = false;
    const hammer = (async () => {
      while (!started) {
        try {
          const res = await fetch(`http://127.0.0.1:${port}${v2}`, valid);
          const body = await res.json();
          outcomes.push(`${res.status} ${body.code}`);
        } catch {
          outcomes.push('refused');
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const mock = await startMock({ port });
    started = true;
    await hammer;
    await mock.close();
    expect(outcomes.filter((o) => o !== 'refused' && o !== '200 0')).toEqual([]);
    expect(outcomes).toContain('refused');
  });

  it('restarts Prism after a crash, says so on stderr, and answers 503 meanwhile, never a code -1 or a port', async () => {
    const lines: string[] = [];
    const mock = await startMock({ port: 0, log: (l) => lines.push(l), limits: { memoEntries: 0 } });
    try {
      const first = mock.prismPid!;
      process.kill(first, 'SIGKILL');
      await new Promise((r) => setTimeout(r, 100));
      const during = await fetch(mock.url + v2, valid);
      const text = await during.text();
      expect([200, 503]).toContain(during.status);
      if (during.status === 503) expect(JSON.parse(text)).toMatchObject({ code: 9499, msg: 'Service Unavailable' });
      expect(text).not.toMatch(/"code":-1|127\.0\.0\.1|localhost|ECONNREFUSED/);
      let status = 0;
      for (let i = 0; i < 150 && status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 200));
        status = (await fetch(mock.url + v2, valid)).status;
      }
      expect(status).toBe(200);
      // Read once it answers again: on a loaded machine the exit may be seen after the first request.
      expect(lines.join('\n')).toMatch(/Prism exited unexpectedly \(code null, signal SIGKILL\); restarting it/);
      expect(mock.prismPid).not.toBe(first);
    } finally {
      await mock.close();
    }
  }, 60_000);

  it('a Prism that keeps crashing is restarted with backoff, never given up: it answers again once the crashes stop', async () => {
    const lines: string[] = [];
    const mock = await startMock({ port: 0, log: (l) => lines.push(l), limits: { memoEntries: 0 } });
    try {
      // Seven crashes in a row: five restarted at once, then waits of 0.5 s and 1 s.
      for (let crash = 0; crash < 7; crash++) {
        const pid = mock.prismPid!;
        process.kill(pid, 'SIGKILL');
        for (let i = 0; i < 100 && (mock.prismPid === pid || mock.prismPid === undefined); i++)
          await new Promise((r) => setTimeout(r, 50));
      }
      expect(lines.join('\n')).toMatch(/restarting it in 1000 ms \(7 crashes in the last minute/);
      let status = 0;
      for (let i = 0; i < 100 && status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 100));
        status = (await fetch(mock.url + v2, valid)).status;
      }
      expect(status).toBe(200);
    } finally {
      await mock.close();
    }
  }, 60_000);

  it('a body nested deeper than the limit is refused in front: 400 / 9499, and Prism is not touched', async () => {
    const mock = await startMock({ port: 0, log: () => {} });
    try {
      const pid = mock.prismPid;
      const deep = `{"members":${'['.repeat(5000)}${']'.repeat(5000)}}`;
      for (let i = 0; i < 7; i++) {
        const res = await fetch(mock.url + v2, { ...valid, body: deep });
        expect([res.status, (await res.json()).code]).toEqual([400, 9499]);
      }
      expect(mock.prismPid).toBe(pid);
      expect((await fetch(mock.url + v2, valid)).status).toBe(200);
    } finally {
      await mock.close();
    }
  });

  it('answers 503 in Feishu shape when Prism stalls, after the bounded wait', async () => {
    const mock = await startMock({ port: 0, limits: { upstreamMs: 500, memoEntries: 0 }, log: () => {} });
    const pid = mock.prismPid!;
    try {
      process.kill(pid, 'SIGSTOP');
      const t0 = Date.now();
      const res = await fetch(mock.url + v2, valid);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ code: 9499, error: { message: 'Prism did not answer within 500 ms' } });
      expect(Date.now() - t0).toBeLessThan(5000);
    } finally {
      process.kill(pid, 'SIGCONT');
      await mock.close();
    }
  });
});
