// The Fetch-style door: a standard Request in, a standard Response out, so any server or interceptor
// that speaks Fetch (srvx on Node, MSW, a service worker, a browser page) serves the engine the same
// way. A dropped connection is Response.error(); a truncated answer promises the whole length, sends
// half, then fails the stream.
import { gatewayUnavailable, logId, REQUEST_LIMITS } from '@feishu-task/platform';
import { CONTROL_PREFIX, control } from './control.js';
import type { Emulator } from './engine.js';
import type { EmulatorAnswer, EmulatorRequest } from './pipeline.js';

const JSON_TYPE = 'application/json; charset=utf-8';

export async function fromFetchRequest(request: Request, url = new URL(request.url)): Promise<EmulatorRequest> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, key) => {
    headers[key] = value;
  });
  const target = url.pathname + url.search;
  if (request.method === 'GET' || request.method === 'HEAD') return { method: request.method, url: target, headers };
  // A body over the limit is read and dropped, not kept (the limits phase refuses it by its size); a
  // client still sending it would see its connection broken if it were left unread.
  const announced = Number(headers['content-length'] ?? 0);
  if (announced > REQUEST_LIMITS.bodyBytes)
    return { method: request.method, url: target, headers, ...(await drain(request)) };
  return { method: request.method, url: target, headers, body: await request.text() };
}

const DRAIN_BYTES = 64 * 1024 * 1024;

async function drain(request: Request): Promise<{ body: string; bodyBytes: number }> {
  let bytes = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > DRAIN_BYTES) {
      await reader.cancel().catch(() => {});
      break;
    }
  }
  return { body: '', bodyBytes: bytes };
}

/** Makes a Response from text (a server adapter may pass its own, cheaper Response class). */
export type MakeResponse = (text: string, init: { status: number; headers: Record<string, string> }) => Response;
const standard: MakeResponse = (text, init) => new Response(text, init);

export function toFetchResponse(
  answer: EmulatorAnswer,
  extraHeaders: Record<string, string> = {},
  make: MakeResponse = standard,
): Response {
  if (answer.fault === 'drop') return Response.error();
  const text = JSON.stringify(answer.body);
  const headers = { ...answer.headers, ...extraHeaders };
  if (answer.fault !== 'truncate') return make(text, { status: answer.status, headers });
  const bytes = new TextEncoder().encode(text);
  let sent = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (sent) {
        // A moment for the half already written to leave, so the caller sees the headers and a cut body.
        await new Promise((r) => setTimeout(r, 20));
        return controller.error(new TypeError('emulator: connection closed before the body was complete'));
      }
      sent = true;
      controller.enqueue(bytes.subarray(0, Math.floor(bytes.length / 2)));
    },
  });
  return new Response(stream, {
    status: answer.status,
    headers: { ...headers, 'content-length': String(bytes.length) },
  });
}

const CORS = { 'access-control-allow-origin': '*', 'access-control-expose-headers': '*' };

/**
 * The whole HTTP surface as one Fetch handler: the control API under /__emulator, CORS preflights (with
 * `cors`), and every other request through the engine.
 */
export function createFetchHandler(emulator: Emulator, options: { cors?: boolean; makeResponse?: MakeResponse } = {}) {
  const cors = options.cors ? CORS : {};
  return async (request: Request): Promise<Response> => {
    if (options.cors && request.method === 'OPTIONS' && request.headers.get('access-control-request-method'))
      return new Response(null, {
        status: 204,
        headers: {
          'access-control-allow-origin': request.headers.get('origin') ?? '*',
          'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
          'access-control-allow-headers': request.headers.get('access-control-request-headers') ?? '*',
          'access-control-max-age': '600',
          vary: 'Origin',
        },
      });
    const url = new URL(request.url);
    if (url.pathname === CONTROL_PREFIX || url.pathname.startsWith(`${CONTROL_PREFIX}/`)) {
      const answer = control(
        emulator,
        request.method,
        url.pathname.slice(CONTROL_PREFIX.length),
        url.searchParams,
        await request.text(),
      );
      return new Response(JSON.stringify(answer.body), {
        status: answer.status,
        headers: { 'content-type': JSON_TYPE, ...cors },
      });
    }
    let answer: EmulatorAnswer;
    try {
      answer = await emulator.handle(await fromFetchRequest(request, url));
    } catch (error) {
      // The engine answers its own bugs (pipeline.ts); this is the door's last word, never a hang.
      const id = logId();
      const refusal = gatewayUnavailable(emulator.platform, `emulator internal error: ${String(error)}`, id);
      answer = { status: refusal.status, headers: { 'content-type': JSON_TYPE, 'x-tt-logid': id }, body: refusal.body };
    }
    return toFetchResponse(answer, cors, options.makeResponse);
  };
}
