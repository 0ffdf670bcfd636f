import type { IncomingMessage, ServerResponse } from 'node:http';
import { Agent, request as httpRequest } from 'node:http';
import type { Socket } from 'node:net';
import {
  answerWith,
  documentedAnswer,
  gatewayRefusal,
  gatewayUnavailable,
  invalidFields,
  logId as newLogId,
  overStateLimit,
  type Answer as PlatformAnswer,
  REQUEST_LIMITS,
  rateLimitHeaders,
  refuseBody,
  refusedByRule,
  refuseHeaders,
  refuseTarget,
  route,
} from '@feishu-task/platform';
import { Memo } from './memo.js';
import { preferProblem } from './prefer.js';
import type { Ring } from './records.js';
import type { IndexedOperation, MockSpec } from './spec-index.js';
import { fieldViolations, parseViolations } from './violations.js';

export interface Violation {
  method: string;
  path: string;
  /** Prism's violations (location, message, code, severity); a cut list when Prism cut it. */
  violations: unknown;
}
export interface Seen {
  method: string;
  path: string;
  status: number;
  /** The `code` of the answer's envelope. */
  code?: number;
}

export interface FrontLimits {
  /** Largest request body read, in bytes (default: the platform's, 1 MiB). */
  bodyBytes: number;
  /** Longest URL (path and query), in characters (default: the platform's, 8192). */
  urlChars: number;
  /** Deepest JSON nesting of a body (default: the platform's, 100); deeper is refused before Prism. */
  nestingDepth: number;
  /** How long a body may pause before the request is answered as incomplete (default 10 s). */
  bodyIdleMs: number;
  /** How long the front waits for Prism's answer (default 10 s). */
  upstreamMs: number;
  /** How many of Prism's answers the front remembers (default 500; 0 asks Prism every time). */
  memoEntries: number;
}

export const DEFAULT_LIMITS: FrontLimits = {
  bodyBytes: REQUEST_LIMITS.bodyBytes,
  urlChars: REQUEST_LIMITS.urlChars,
  nestingDepth: REQUEST_LIMITS.nestingDepth,
  bodyIdleMs: 10_000,
  upstreamMs: 10_000,
  memoEntries: 500,
};

interface Upstream {
  port: () => number | undefined;
}

type Answer = PlatformAnswer;

const JSON_TYPE = 'application/json; charset=utf-8';

// The most a refused request's body is read (and dropped) for before its connection is closed.
const DRAIN_BYTES = 64 * 1024 * 1024;

/**
 * The front of the mock. Prism answers every request that reaches an operation; the front does what
 * Prism cannot: it answers in Feishu's envelope what Prism would answer otherwise (no operation at
 * that method and path, a body that is not JSON or too large, an Authorization scheme in another case,
 * an unknown `Prefer` example, a request Prism finds invalid), gives every answer a new X-Tt-Logid and
 * a true rate-limit reset, and bounds its wait for Prism. Nothing a client sends can throw out of it.
 */
export function createFront(
  spec: MockSpec,
  upstream: Upstream,
  records: { violations: Ring<Violation>; requests: Ring<Seen> },
  limits: FrontLimits = DEFAULT_LIMITS,
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
) {
  const memo = new Memo<{ status: number; headers: IncomingMessage['headers']; body: Buffer }>(limits.memoEntries);
  const agent = new Agent({ keepAlive: true, maxSockets: 512, maxFreeSockets: 512, scheduling: 'lifo' });
  // The platform's answers, each with a new log id (send() sets the same one in the header).
  const gateway = (detail: string): Answer => gatewayRefusal(spec, detail, newLogId());
  const unavailable = (detail: string): Answer => gatewayUnavailable(spec, detail, newLogId());

  function send(req: IncomingMessage, res: ServerResponse, answer: Answer, path: string) {
    if (res.headersSent || res.destroyed) return;
    const logId = (answer.body.error as { log_id?: string } | undefined)?.log_id ?? newLogId();
    const body = JSON.stringify(
      answer.body.error ? { ...answer.body, error: { ...(answer.body.error as object), log_id: logId } } : answer.body,
    );
    res.writeHead(answer.status, {
      ...answer.headers,
      'content-type': JSON_TYPE,
      'content-length': Buffer.byteLength(body),
      'x-tt-logid': logId,
      'access-control-allow-origin': String(req.headers.origin ?? '*'),
      'access-control-expose-headers': '*',
    });
    res.end(body);
    const code = (answer.body as { code?: unknown }).code;
    records.requests.add({
      method: req.method ?? '',
      path,
      status: answer.status,
      code: typeof code === 'number' ? code : undefined,
    });
  }

  // Seconds until the operation's current quota window ends: the truth a 429 can tell without quotas.
  const rateHeaders = (op: IndexedOperation) => rateLimitHeaders(op.quotas, Date.now());

  function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large' | 'stalled' | 'aborted'> {
    return new Promise((resolve) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let done = false;
      const finish = (value: Buffer | 'too-large' | 'stalled' | 'aborted') => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve(value);
      };
      const timer = setTimeout(() => finish('stalled'), limits.bodyIdleMs);
      req.on('data', (chunk: Buffer) => {
        if (done) return; // draining after an answer: read and drop
        size += chunk.length;
        if (size > limit) return finish('too-large');
        chunks.push(chunk);
        timer.refresh();
      });
      req.on('end', () => finish(Buffer.concat(chunks)));
      req.on('error', () => finish('aborted'));
      req.on('close', () => finish(req.readableEnded ? Buffer.concat(chunks) : 'aborted'));
    });
  }

  function forward(
    req: IncomingMessage,
    url: string,
    headers: Record<string, string | string[] | undefined>,
    body: Buffer,
    retried = false,
  ): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer } | { error: string }> {
    const port = upstream.port();
    if (!port) return Promise.resolve({ error: 'Prism is not running' });
    return new Promise((resolve) => {
      const up = httpRequest(
        { host: '127.0.0.1', port, method: req.method, path: url, headers, agent, timeout: limits.upstreamMs },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (c: Buffer) => chunks.push(c));
          answer.on('end', () =>
            resolve({ status: answer.statusCode ?? 0, headers: answer.headers, body: Buffer.concat(chunks) }),
          );
          answer.on('error', () => resolve({ error: 'Prism broke off its answer' }));
        },
      );
      up.on('timeout', () => up.destroy(new Error('timeout')));
      up.on('error', (error: NodeJS.ErrnoException) => {
        // A kept-alive socket Prism closed at the moment it was reused: send once more on a new one.
        if (!retried && up.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE'))
          return void forward(req, url, headers, body, true).then(resolve);
        resolve({
          error:
            error.message === 'timeout'
              ? `Prism did not answer within ${limits.upstreamMs} ms`
              : 'Prism is not answering',
        });
      });
      up.end(body);
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const method = req.method ?? '';
    const url = req.url ?? '/';
    const [rawPath = '/', rawQuery = ''] = url.split('?', 2);
    const path = rawPath.slice(0, 512);
    // The gateway's refusals: read the rest of the body without keeping it, then answer (a client still
    // sending would see its connection broken otherwise). Past DRAIN_BYTES it is answered and closed.
    const drainAndSend = (answer: Answer) => {
      if (req.readableEnded) return send(req, res, answer, path);
      let drained = 0;
      const finish = () => {
        clearTimeout(timer);
        send(req, res, answer, path);
      };
      const timer = setTimeout(() => {
        res.setHeader('connection', 'close');
        finish();
      }, limits.bodyIdleMs);
      req.on('data', (chunk: Buffer) => {
        drained += chunk.length;
        timer.refresh();
        if (drained > DRAIN_BYTES && !res.headersSent) {
          res.setHeader('connection', 'close');
          finish();
          res.once('finish', () => req.destroy());
        }
      });
      req.once('end', finish);
      req.resume();
    };

    // CORS preflights: Prism answers them.
    if (method === 'OPTIONS' && req.headers['access-control-request-method'] && req.headers.origin) {
      const up = await forward(req, url, req.headers, Buffer.alloc(0));
      if ('error' in up) return send(req, res, unavailable(up.error), path);
      res.writeHead(up.status, { ...up.headers, 'x-tt-logid': newLogId() });
      return res.end(up.body);
    }
    const limited = { ...REQUEST_LIMITS, ...limits };
    const flat: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(req.headers)) flat[k] = Array.isArray(v) ? v.join(', ') : v;
    const refused = refuseTarget(url, limited) ?? refuseHeaders(flat, limited);
    if (refused) return drainAndSend(gateway(refused));
    const routed = route(spec, method, rawPath);
    if ('refused' in routed) return drainAndSend(gateway(routed.refused));
    const op = routed.op;
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > limits.bodyBytes) return drainAndSend(gateway(`the body is over ${limits.bodyBytes} bytes`));

    const body = await readBody(req, limits.bodyBytes);
    if (body === 'aborted') return;
    if (body === 'too-large') return drainAndSend(gateway(`the body is over ${limits.bodyBytes} bytes`));
    if (body === 'stalled') {
      res.setHeader('connection', 'close');
      return send(req, res, gateway(`the body stopped arriving for ${limits.bodyIdleMs} ms`), path);
    }

    const headers: Record<string, string | string[] | undefined> = { ...req.headers };
    delete headers.host;
    delete headers.connection;
    delete headers['transfer-encoding'];
    delete headers['content-length'];

    if (op.secured) {
      // The gateway reads the scheme in any case; Prism only `Bearer`.
      const token = /^\s*bearer\s+(\S+)\s*$/i.exec(String(req.headers.authorization ?? ''))?.[1];
      if (!token && op.byName.has('TokenMissing'))
        return send(req, res, documentedAnswer(op, 'TokenMissing', newLogId()), path);
      headers.authorization = `Bearer ${token}`;
    }
    const prefer = req.headers.prefer;
    if (prefer) {
      const problem = preferProblem(String(prefer), op);
      if (problem) return send(req, res, gateway(problem), path);
    }

    let parsed: unknown;
    let forwardBody = body;
    if (op.bodyPointer) {
      // Deep nesting overflows Prism's logger (a crash per request): refused here, as the emulator does.
      const deep = refuseBody(body.toString('utf8'), body.length, limited);
      if (deep) return send(req, res, gateway(deep), path);
      try {
        parsed = JSON.parse(body.toString('utf8'));
        headers['content-type'] = 'application/json';
      } catch (error) {
        const why =
          body.length === 0 ? 'the body is empty' : `the body is not JSON (${(error as Error).message.slice(0, 100)})`;
        return send(req, res, invalidAnswer(op, [{ field: 'body', description: why }]), path);
      }
      // Prism validates every item of an over-long array before it answers (2.5 s for 5,000 invalid
      // members): the documented limit is checked here first, and the answer is the one Prism would give.
      const over = op.maxItems.filter(([name, max]) => {
        const list = (parsed as Record<string, unknown> | null)?.[name];
        return Array.isArray(list) && list.length > max;
      });
      if (over.length) {
        const fields = over.map(([name, max]) => ({
          field: name,
          description: `Request body property ${name} must NOT have more than ${max} items`,
        }));
        const violations = fields.map((f) => ({
          location: ['request', 'body', f.field],
          message: f.description,
          code: 'maxItems',
          severity: 'Error',
        }));
        records.violations.add({ method, path, violations });
        const verdict = JSON.stringify(violations);
        return send(req, res, { ...invalidAnswer(op, fields), headers: { 'sl-violations': verdict } }, path);
      }
    } else {
      forwardBody = Buffer.alloc(0);
      delete headers['content-type'];
    }
    headers['content-length'] = String(forwardBody.length);

    const key = Memo.key({
      method,
      url,
      body: forwardBody,
      authorization: headers.authorization !== undefined,
      prefer: prefer === undefined ? undefined : String(prefer),
      accept: req.headers.accept,
    });
    const remembered = memo.get(key);
    const up = remembered ?? (await forward(req, url, headers, forwardBody));
    if ('error' in up) {
      log(`feishu-task-mock: ${method} ${path}: ${up.error}`);
      return send(req, res, unavailable(up.error), path);
    }
    if (!remembered) memo.set(key, up);
    const verdict = up.headers['sl-violations'];
    if (typeof verdict === 'string') {
      const { list, truncated } = parseViolations(verdict);
      records.violations.add({ method, path, violations: truncated ? { truncated, list } : list });
      if (up.status >= 400) {
        const fields = fieldViolations(list, { body: parsed, query: new URLSearchParams(rawQuery) });
        return send(req, res, { ...invalidAnswer(op, fields), headers: { 'sl-violations': verdict } }, path);
      }
    }
    let answer: { code?: unknown } | undefined;
    try {
      answer = JSON.parse(up.body.toString('utf8'));
    } catch {
      answer = undefined;
    }
    // A body the schema allows but the service refuses whatever the state (x-feishu-request-rules: a
    // member without id), once Prism found the request valid.
    const byRule = up.status < 300 ? refusedByRule(op, parsed, newLogId()) : undefined;
    if (byRule) return send(req, res, byRule, path);
    // A body naming more distinct items than a resource can hold in all can never succeed: the state
    // limit's answer (x-feishu-state-limits), once Prism found the request otherwise valid.
    const over = up.status < 300 ? overStateLimit(op, parsed) : undefined;
    if (over) return send(req, res, answerWith(over, newLogId()), path);
    if (!op.statuses.has(up.status) || typeof answer?.code !== 'number') {
      log(
        `feishu-task-mock: Prism answered ${method} ${path} with HTTP ${up.status}, which the spec does not document`,
      );
      return send(req, res, unavailable(`Prism answered HTTP ${up.status}, which the spec does not document`), path);
    }
    return send(
      req,
      res,
      {
        status: up.status,
        body: answer as Record<string, unknown>,
        headers: {
          ...(typeof verdict === 'string' ? { 'sl-violations': verdict } : {}),
          ...(up.status === 429 ? rateHeaders(op) : {}),
        },
      },
      path,
    );
  }

  const invalidAnswer = (op: IndexedOperation, fields: { field: string; value?: string; description: string }[]) =>
    invalidFields(op, fields, newLogId());

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    res.on('error', () => {});
    req.on('error', () => {});
    handle(req, res).catch((error: unknown) => {
      log(
        `feishu-task-mock: internal error on ${req.method} ${req.url?.slice(0, 200)}: ${(error as Error)?.stack ?? error}`,
      );
      try {
        send(req, res, unavailable('the mock failed on this request; see its stderr'), (req.url ?? '').slice(0, 512));
      } catch {
        res.destroy();
      }
    });
  };

  /** Answers what Node's HTTP parser rejects (a request line or headers over the limit, bad syntax). */
  const clientError = (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') return socket.destroy();
    const detail =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? 'the request line and headers are over the limit'
        : `the request cannot be parsed (${error.code ?? 'bad request'})`;
    const answer = gateway(detail);
    const body = JSON.stringify(answer.body);
    const write = () =>
      socket.writable
        ? socket.end(
            `HTTP/1.1 ${answer.status} Bad Request\r\ncontent-type: ${JSON_TYPE}\r\nx-tt-logid: ${newLogId()}\r\n` +
              `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
          )
        : socket.destroy();
    // Bytes after a request (a body sent without a length): answer that request first, then this.
    const current = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage;
    if (current && !current.writableFinished) {
      current.once('finish', write);
      current.once('close', () => setImmediate(() => socket.destroyed || write()));
      return;
    }
    write();
  };

  return { handler, clientError, close: () => agent.destroy() };
}
