// A small stateful stand-in for the Task API over real sockets, behind a flaky gateway: it applies each
// request, and can then drop the connection instead of answering, or answer what a gateway answers
// (HTML 502, a JSON 504 without the envelope, a broken 200, a reset half-way through the body): outcomes
// the client cannot read. Or it resets before applying.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startServer } from './http-server.js';

/** Answers a gateway gives after the request was applied, none of them the Feishu envelope. */
export const GATEWAY_FAULTS = ['html-502', 'json-504', 'broken-200', 'reset-mid-body'] as const;
export type Fault = 'drop-after-apply' | 'reset-before-apply' | (typeof GATEWAY_FAULTS)[number] | undefined;

export async function startTaskServer() {
  const collaborators = new Map<string, Set<string>>();
  const members = new Map<string, Set<string>>();
  const faults: Fault[] = [];
  const arrivals: string[] = [];

  const answer = (res: ServerResponse, status: number, body: object) =>
    res.writeHead(status, { 'content-type': 'application/json', 'x-tt-logid': 'LOG-T' }).end(JSON.stringify(body));

  const server = await startServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const fault = faults.shift();
      arrivals.push(`${req.method} ${req.url}`);
      if (fault === 'reset-before-apply') return req.socket.resetAndDestroy();
      const body = raw ? JSON.parse(raw) : {};
      const parts = req.url!.split('?')[0]!.split('/');
      let reply: [number, object];
      if (req.url!.includes('/add_members')) {
        const set = members.get(parts[5]!) ?? new Set();
        members.set(parts[5]!, set);
        for (const m of body.members) set.add(m.id);
        reply = [
          200,
          {
            code: 0,
            msg: 'success',
            data: {
              tasklist: { guid: parts[5], members: [...set].map((id) => ({ id, type: 'user', role: 'editor' })) },
            },
          },
        ];
      } else {
        const task = parts[5]!;
        const set = collaborators.get(task) ?? new Set();
        collaborators.set(task, set);
        if (req.method === 'POST') {
          const ids: string[] = body.id_list;
          if (ids.every((id) => set.has(id))) reply = [400, { code: 1470431, msg: 'all collaborators already exist' }];
          else {
            for (const id of ids) set.add(id);
            reply = [200, { code: 0, msg: 'success', data: { collaborator: { id_list: ids } } }];
          }
        } else if (!set.delete(parts[7]!)) reply = [404, { code: 1470700, msg: 'task collaborator not found' }];
        else reply = [200, { code: 0, msg: 'success', data: {} }];
      }
      if (fault === 'drop-after-apply') return req.socket.destroy();
      if (fault === 'html-502')
        return res.writeHead(502, { 'content-type': 'text/html' }).end('<html><body>502 Bad Gateway</body></html>');
      if (fault === 'json-504')
        return res.writeHead(504, { 'content-type': 'application/json' }).end('{"message":"upstream timed out"}');
      if (fault === 'broken-200')
        return res.writeHead(200, { 'content-type': 'application/json' }).end('{"code":0,"msg":"succ');
      if (fault === 'reset-mid-body') {
        const text = JSON.stringify(reply[1]);
        res.writeHead(reply[0], { 'content-type': 'application/json', 'content-length': String(text.length + 100) });
        res.write(text.slice(0, 10));
        return setTimeout(() => req.socket.resetAndDestroy(), 20);
      }
      answer(res, ...reply);
    });
  });
  return { ...server, collaborators, members, faults, arrivals };
}

/** A task server for a test file: started before its tests, its faults and arrivals cleared before each. */
export function useTaskServer() {
  const holder = {} as { server: Awaited<ReturnType<typeof startTaskServer>> };
  beforeAll(async () => {
    holder.server = await startTaskServer();
  });
  afterAll(() => holder.server.close());
  beforeEach(() => {
    holder.server.faults.length = 0;
    holder.server.arrivals.length = 0;
  });
  return holder;
}
