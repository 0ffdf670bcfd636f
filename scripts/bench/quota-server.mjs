// A local stand-in for Feishu's gateway that enforces add_members' quota in fixed windows (as the
// x-ogw-ratelimit-reset header suggests the real one does) and counts every arrival and answer.
// Forked by the quota section: it gets `{ windows: [{ limit, windowMs }] }` over IPC and answers
// `stats` messages with what it saw.
import { createServer } from 'node:http';

let windows = [];
const used = new Map(); // `${windowMs}:${index}` -> accepted requests
let stats;
const reset = () => {
  used.clear();
  stats = { arrivals: 0, ok: 0, limited: 0, first: 0, last: 0 };
};
reset();

const tasklist = (guid) =>
  JSON.stringify({
    code: 0,
    msg: 'success',
    data: { tasklist: { guid, members: [{ id: 'ou_1', type: 'user', role: 'editor' }] } },
  });
const token = JSON.stringify({ code: 0, msg: 'ok', tenant_access_token: 't-quota-bench-0123456789', expire: 7200 });

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    if (req.url.includes('tenant_access_token')) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(token);
      return;
    }
    const now = Date.now();
    stats.arrivals++;
    stats.first ||= now;
    stats.last = now;
    const full = windows.find((w) => (used.get(`${w.windowMs}:${Math.floor(now / w.windowMs)}`) ?? 0) >= w.limit);
    if (full) {
      stats.limited++;
      const resetS = Math.ceil(((Math.floor(now / full.windowMs) + 1) * full.windowMs - now) / 1000);
      res
        .writeHead(429, {
          'content-type': 'application/json',
          'x-ogw-ratelimit-limit': String(full.limit),
          'x-ogw-ratelimit-reset': String(resetS),
        })
        .end(JSON.stringify({ code: 99991400, msg: 'request trigger frequency limit' }));
      return;
    }
    for (const w of windows) {
      const key = `${w.windowMs}:${Math.floor(now / w.windowMs)}`;
      used.set(key, (used.get(key) ?? 0) + 1);
    }
    stats.ok++;
    res.writeHead(200, { 'content-type': 'application/json' }).end(tasklist(req.url.split('/')[5]));
  });
});
server.keepAliveTimeout = 60_000;
process.on('message', (m) => {
  if (m.windows) {
    windows = m.windows;
    reset();
    process.send({ ready: true });
  }
  if (m === 'stats') process.send({ stats });
});
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
