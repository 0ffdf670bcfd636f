import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { IndexedOperation } from './spec-index.js';

export interface Violation {
  method: string;
  path: string;
  violations: unknown;
}
export interface Seen {
  method: string;
  path: string;
  status: number;
}

/**
 * The front of the mock: everything goes to Prism, except the two requests Prism cannot answer in
 * Feishu's shape. A body that is not JSON gets the operation's first documented 400 example (Prism
 * never answers it); a missing token gets the platform's 99991661 answer under HTTP 400, as the real
 * gateway does (Prism would answer a problem document under 401). Both answers come from the spec.
 * A body sent to an operation that takes none (the official SDK sends `{}` with DELETE) is dropped,
 * as the real gateway ignores it.
 */
export function createFront(
  operations: IndexedOperation[],
  prismPort: number,
  state: { violations: Violation[]; requests: Seen[] },
) {
  const find = (method: string, path: string) => operations.find((o) => o.method === method && o.pattern.test(path));

  function answer(res: ServerResponse, status: number, body: unknown) {
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'x-tt-logid': 'mock-front',
      'access-control-allow-origin': '*',
    });
    res.end(JSON.stringify(body));
  }

  return (req: IncomingMessage, res: ServerResponse) => {
    // Browsers: answer CORS preflights here, naming the requested headers (a `*` does not cover
    // Authorization), so that a page on another origin can call the mock.
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      res.writeHead(204, {
        'access-control-allow-origin': req.headers.origin ?? '*',
        'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
        'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
        'access-control-max-age': '600',
        vary: 'Origin',
      });
      return res.end();
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const path = (req.url ?? '/').split('?')[0]!;
      const op = find(req.method ?? 'GET', path);
      const record = (status: number) => state.requests.push({ method: req.method ?? 'GET', path, status });

      if (op && req.method !== 'OPTIONS') {
        if (op.secured && !/^Bearer\s+\S+/i.test(req.headers.authorization ?? '')) {
          const missing = op.examples.get(400)?.find((e) => e.name === 'TokenMissing');
          if (missing) return (record(400), answer(res, 400, missing.value));
        }
        if (body.length > 0 && /json/i.test(req.headers['content-type'] ?? '')) {
          try {
            JSON.parse(body.toString('utf8'));
          } catch {
            const first = op.examples.get(400)?.[0];
            if (first) return (record(400), answer(res, 400, first.value));
          }
        }
      }

      const headers = { ...req.headers, host: `127.0.0.1:${prismPort}` };
      let forward = body;
      if (op && !op.hasBody && body.length > 0) {
        forward = Buffer.alloc(0);
        delete headers['content-type'];
        delete headers['content-length'];
      }
      const upstream = httpRequest(
        { host: '127.0.0.1', port: prismPort, method: req.method, path: req.url, headers },
        (up) => {
          const violations = up.headers['sl-violations'];
          if (violations)
            state.violations.push({ method: req.method ?? 'GET', path, violations: JSON.parse(String(violations)) });
          record(up.statusCode ?? 0);
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on('error', (error) =>
        answer(res, 502, { code: -1, msg: `mock: Prism is not answering (${error.message})` }),
      );
      upstream.end(forward);
    });
  };
}
