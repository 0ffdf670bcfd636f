// The one local HTTP server every client in the benchmark talks to: fixed answers, keep-alive.
import { createServer } from 'node:http';

const tasklist = JSON.stringify({
  code: 0,
  msg: 'success',
  data: {
    tasklist: {
      guid: 'cc371766-6584-cf50-a222-c22cd9055004',
      name: 'bench',
      members: [{ id: 'ou_1', type: 'user', role: 'editor' }],
      created_at: '1675742789470',
      updated_at: '1675742789470',
    },
  },
});
const token = JSON.stringify({ code: 0, msg: 'ok', tenant_access_token: 't-bench-token-0123456789', expire: 7200 });

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const body = req.url.includes('tenant_access_token') ? token : tasklist;
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'x-tt-logid': 'bench',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
