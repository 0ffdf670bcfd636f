// The MSW door: request handlers (msw 3) that answer from an emulator engine in the same process, so
// browser and in-process tests need no server. Faults behave as on the wire: a dropped connection is a
// network error, a truncated body fails while it is read.
import { HttpResponse, http, type RequestHandler } from 'msw';
import { CONTROL_PREFIX, control } from './control.js';
import { Emulator, type EmulatorOptions } from './engine.js';

export interface EmulatorHandlersOptions {
  /** Base URLs to answer for (default: the spec's servers, https://open.feishu.cn and https://open.larksuite.com). */
  baseUrl?: string | string[];
}

function toResponse(status: number, headers: Record<string, string>, text: string, truncate: boolean) {
  if (!truncate) return new HttpResponse(text, { status, headers });
  // Half the body, then the stream fails: the caller cannot read a complete answer (under msw/node the
  // fetch itself may reject, as the mocked socket closes).
  const bytes = new TextEncoder().encode(text);
  let sent = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent) return controller.error(new TypeError('emulator: connection closed before the body was complete'));
      sent = true;
      controller.enqueue(bytes.subarray(0, Math.floor(bytes.length / 2)));
    },
  });
  return new HttpResponse(stream, { status, headers });
}

/** MSW handlers answering from `emulator` (or from a new one made with `options`). */
export function emulatorHandlers(
  emulator: Emulator | EmulatorOptions = {},
  options: EmulatorHandlersOptions = {},
): RequestHandler[] & { emulator: Emulator } {
  const engine = emulator instanceof Emulator ? emulator : new Emulator(emulator);
  const servers: string[] = (engine.spec.servers ?? []).map((s: { url: string }) => s.url);
  const bases = [options.baseUrl ?? servers].flat().map((b) => b.replace(/\/$/, ''));
  const handlers = bases.flatMap((base) => [
    http.all(`${base}${CONTROL_PREFIX}/*`, async ({ request }) => {
      const url = new URL(request.url);
      const answer = control(
        engine,
        request.method,
        url.pathname.slice(CONTROL_PREFIX.length),
        url.searchParams,
        await request.text(),
      );
      return HttpResponse.json(answer.body as never, { status: answer.status });
    }),
    http.all(`${base}/*`, async ({ request }) => {
      const url = new URL(request.url);
      const headers: Record<string, string> = {};
      request.headers.forEach((value, key) => {
        headers[key] = value;
      });
      const answer = await engine.handle({
        method: request.method,
        url: url.pathname + url.search,
        headers,
        body: request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text(),
      });
      if (answer.fault === 'drop') return HttpResponse.error();
      return toResponse(answer.status, answer.headers, JSON.stringify(answer.body), answer.fault === 'truncate');
    }),
  ]);
  return Object.assign(handlers as RequestHandler[], { emulator: engine });
}
