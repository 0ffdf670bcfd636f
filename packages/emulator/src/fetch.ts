// The Fetch-style door: a standard Request in, a standard Response out, so any server or interceptor
// that speaks Fetch (node HTTP adapters, MSW, a service worker, a browser page) can serve the engine.
// A dropped connection is Response.error(); a truncated answer promises the whole length, sends half,
// then fails the stream.
import type { EmulatorAnswer, EmulatorRequest } from './pipeline.js';

export async function fromFetchRequest(request: Request): Promise<EmulatorRequest> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, key) => {
    headers[key] = value;
  });
  const bodyless = request.method === 'GET' || request.method === 'HEAD';
  return {
    method: request.method,
    url: url.pathname + url.search,
    headers,
    body: bodyless ? '' : await request.text(),
  };
}

export function toFetchResponse(answer: EmulatorAnswer): Response {
  if (answer.fault === 'drop') return Response.error();
  const text = JSON.stringify(answer.body);
  if (answer.fault !== 'truncate') return new Response(text, { status: answer.status, headers: answer.headers });
  const bytes = new TextEncoder().encode(text);
  let sent = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent) return controller.error(new TypeError('emulator: connection closed before the body was complete'));
      sent = true;
      controller.enqueue(bytes.subarray(0, Math.floor(bytes.length / 2)));
    },
  });
  return new Response(stream, {
    status: answer.status,
    headers: { ...answer.headers, 'content-length': String(bytes.length) },
  });
}
