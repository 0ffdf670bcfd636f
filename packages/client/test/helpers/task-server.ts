// A small stateful stand-in for the Task API over real sockets: it applies each request, and can then drop
// the connection instead of answering (the outcome the client cannot know), or reset it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startServer } from './http-server.js';

export type Fault = 'drop-after-apply' | 'reset-before-apply' | undefined;

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
      answer(res, ...reply);
    });
  });
  return { ...server, collaborators, members, faults, arrivals };
}
