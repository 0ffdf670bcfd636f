// Ready means ready: from the moment startMock() is called, no socket on the requested port accepts
// and closes, or answers anything but a correct answer. Polled over raw TCP (a fetch would hide a
// connection closed without an answer), over ten starts.
import { connect } from 'node:net';
import { expect, it } from 'vitest';
import { startMock } from '../src/index.js';
import { freePort } from './helpers.js';

const REQUEST =
  'POST /open-apis/task/v2/tasklists/g/add_members HTTP/1.1\r\nhost: x\r\nauthorization: Bearer t-1\r\n' +
  'content-type: application/json\r\ncontent-length: 27\r\nconnection: close\r\n\r\n{"members":[{"id":"ou_1"}]}';

/** One raw attempt: 'refused', or the status line the port answered, or 'closed without an answer'. */
function attempt(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let text = '';
    let connected = false;
    socket.on('connect', () => {
      connected = true;
      socket.write(REQUEST);
    });
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      if (!connected) return resolve('refused');
      resolve(text ? (text.split('\r\n')[0] ?? '') : 'closed without an answer');
    });
  });
}

it('the port neither accepts nor closes a connection before the mock answers correctly (ten starts)', async () => {
  const seen = new Map<string, number>();
  for (let start = 0; start < 10; start++) {
    const port = await freePort();
    let done = false;
    const poll = (async () => {
      while (!done) {
        const outcome = await attempt(port);
        seen.set(outcome, (seen.get(outcome) ?? 0) + 1);
        if (outcome !== 'refused') return;
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
    const mock = await startMock({ port, log: () => {} });
    await poll;
    done = true;
    await mock.close();
  }
  // Every attempt was refused (nothing bound) or answered 200; at least one poll got through per start.
  expect([...seen.keys()].filter((o) => o !== 'refused' && o !== 'HTTP/1.1 200 OK')).toEqual([]);
  expect(seen.get('HTTP/1.1 200 OK')).toBe(10);
}, 120_000);
