// The HTTP door: a node:http server in front of the engine, with the control API under /__emulator.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { CONTROL_PREFIX, control } from './control.js';
import type { Emulator } from './engine.js';
import { NAMESPACE_HEADER, Namespaces } from './namespaces.js';

const MAX_BODY = 10 * 1024 * 1024;

function send(res: ServerResponse, status: number, headers: Record<string, string>, text: string, truncate = false) {
  const bytes = Buffer.from(text);
  res.writeHead(status, { ...headers, 'content-length': String(bytes.length) });
  if (truncate) {
    // Promise the whole body, send half, then cut the connection: the client sees a truncated answer.
    res.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
    setImmediate(() => res.destroy());
    return;
  }
  res.end(bytes);
}

export function createHandler(target: Emulator | Namespaces) {
  const namespaces = target instanceof Namespaces ? target : new Namespaces(target);
  return (req: IncomingMessage, res: ServerResponse) => {
    const cors = { 'access-control-allow-origin': '*', 'access-control-expose-headers': '*' };
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      res.writeHead(204, {
        'access-control-allow-origin': req.headers.origin ?? '*',
        'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
        'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
        'access-control-max-age': '600',
        vary: 'Origin',
      });
      res.end();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        send(res, 413, { 'content-type': 'application/json', ...cors }, '{"code":413,"msg":"request body too large"}');
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', async () => {
      if (res.headersSent) return;
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        const header = req.headers[NAMESPACE_HEADER];
        const { emulator, url } = namespaces.resolve(req.url ?? '/', Array.isArray(header) ? header[0] : header);
        if (url === CONTROL_PREFIX || url.startsWith(`${CONTROL_PREFIX}/`) || url.startsWith(`${CONTROL_PREFIX}?`)) {
          const parsed = new URL(url, 'http://emulator.invalid');
          const answer = control(
            emulator,
            req.method ?? 'GET',
            parsed.pathname.slice(CONTROL_PREFIX.length),
            parsed.searchParams,
            text,
          );
          send(
            res,
            answer.status,
            { 'content-type': 'application/json; charset=utf-8', ...cors },
            JSON.stringify(answer.body),
          );
          return;
        }
        const headers: Record<string, string | undefined> = {};
        for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : v;
        const answer = await emulator.handle({ method: req.method ?? 'GET', url, headers, body: text });
        if (answer.fault === 'drop') {
          req.socket.destroy();
          return;
        }
        send(
          res,
          answer.status,
          { ...answer.headers, ...cors },
          JSON.stringify(answer.body),
          answer.fault === 'truncate',
        );
      } catch (error) {
        if ((error as Error).name === 'NamespaceError') {
          const body = JSON.stringify({ code: 1, msg: `emulator: ${(error as Error).message}` });
          send(res, 400, { 'content-type': 'application/json', ...cors }, body);
          return;
        }
        // A bug of the emulator, not a Feishu answer: say so plainly instead of hanging the caller.
        send(
          res,
          500,
          { 'content-type': 'application/json', ...cors },
          JSON.stringify({ code: 1, msg: `emulator error: ${(error as Error).message}` }),
        );
      }
    });
    req.on('error', () => res.destroy());
  };
}

export function createEmulatorServer(target: Emulator | Namespaces): Server {
  const server = createServer({ keepAliveTimeout: 5000 }, createHandler(target));
  return server;
}
