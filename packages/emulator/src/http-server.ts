// The HTTP door: srvx serves the engine's Fetch handler on node:http (srvx: no dependencies, a Fetch
// handler in, a node request listener out, streamed bodies that cut the connection when they fail).
// Two things only a Node door can see are done here: the request target as sent (a `..` segment is
// gone once a Request is built from it) and the dropped-connection fault (the socket is destroyed).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { gatewayRefusal, logId, refuseTarget } from '@feishu-task/platform';
import { FastResponse, toNodeHandler } from 'srvx/node';
import type { Emulator } from './engine.js';
import { createFetchHandler } from './fetch.js';
import { NAMESPACE_HEADER, Namespaces, namespaceRefusal } from './namespaces.js';

type NodeContext = { runtime?: { node?: { req: IncomingMessage; res: ServerResponse } } };

const json = (res: ServerResponse, status: number, headers: Record<string, string>, body: unknown) => {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
};

/**
 * The door for one emulator, or for the namespaces of one server: the namespace (header or `/__ns/<name>`
 * prefix) picks the emulator, and the rest of the request goes to that emulator's door as it is.
 */
export function createHandler(target: Emulator | Namespaces) {
  if (!(target instanceof Namespaces)) return emulatorHandler(target);
  const doors = new WeakMap<Emulator, ReturnType<typeof emulatorHandler>>();
  return (req: IncomingMessage, res: ServerResponse) => {
    const header = req.headers[NAMESPACE_HEADER];
    let found: { emulator: Emulator; url: string };
    try {
      found = target.resolve(req.url ?? '/', Array.isArray(header) ? header[0] : header);
    } catch (error) {
      req.resume();
      const refusal = namespaceRefusal(error);
      json(res, refusal.status, { ...refusal.headers, 'access-control-allow-origin': '*' }, refusal.body);
      return;
    }
    let door = doors.get(found.emulator);
    if (!door) {
      door = emulatorHandler(found.emulator);
      doors.set(found.emulator, door);
    }
    req.url = found.url;
    door(req, res);
  };
}

function emulatorHandler(emulator: Emulator) {
  // srvx's FastResponse writes straight to the Node response (a standard Response costs ~40% of the
  // throughput here, measured with autocannon at 16 connections).
  const fetchHandler = createFetchHandler(emulator, {
    cors: true,
    makeResponse: (text, init) => new FastResponse(text, init) as unknown as Response,
  });
  const listener = toNodeHandler(async (request: Request) => {
    const response = await fetchHandler(request);
    if (response.type !== 'error') return response;
    // The drop fault: close the connection without an answer.
    (request as Request & NodeContext).runtime?.node?.req.socket.destroy();
    return new Response(null);
  });
  return (req: IncomingMessage, res: ServerResponse) => {
    req.on('error', () => res.destroy());
    const target = req.url ?? '/';
    if (refuseTarget(target)) {
      // Answered from the target as sent (the engine's limits phase refuses it and journals it).
      const headers: Record<string, string | undefined> = {};
      for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : v;
      req.resume();
      emulator
        .handle({ method: req.method ?? 'GET', url: target, headers })
        .then((answer) =>
          json(res, answer.status, { ...answer.headers, 'access-control-allow-origin': '*' }, answer.body),
        )
        .catch(() => res.destroy());
      return;
    }
    // srvx types its listener for HTTP/1 and HTTP/2 requests at once; node:http gives HTTP/1 ones.
    listener(req as never, res as never);
  };
}

export function createEmulatorServer(target: Emulator | Namespaces): Server {
  const server = createServer({ keepAliveTimeout: 5000 }, createHandler(target));
  const platform = (target instanceof Namespaces ? target.root : target).platform;
  // What Node's parser refuses (a request line and headers over 16 KiB, bad syntax) gets the gateway's
  // 400 / 9499 too, as from the mock, not Node's bare 431 or 400.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') return socket.destroy();
    const detail =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? 'the request line and headers are over the limit'
        : `the request cannot be parsed (${error.code ?? 'bad request'})`;
    const id = logId();
    const answer = gatewayRefusal(platform, detail, id);
    const body = JSON.stringify(answer.body);
    socket.end(
      `HTTP/1.1 ${answer.status} Bad Request\r\ncontent-type: application/json; charset=utf-8\r\nx-tt-logid: ${id}\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
  return server;
}
