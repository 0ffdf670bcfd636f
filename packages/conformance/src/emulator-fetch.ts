// A fetch function answered by an in-process emulator: no socket, no port. Uses the emulator's own
// Fetch-style door when it has one, else its `handle()`.
import type { Emulator } from '@feishu-task/emulator';

type FetchDoor = { fetch?: (request: Request) => Promise<Response> };

export function emulatorFetch(emulator: Emulator): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const door = (emulator as unknown as FetchDoor).fetch;
    if (typeof door === 'function') return door.call(emulator, request);
    const url = new URL(request.url);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, key) => {
      headers[key] = value;
    });
    const body = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
    const answer = await emulator.handle({
      method: request.method,
      url: url.pathname + url.search,
      headers,
      ...(body ? { body } : {}),
    });
    if (answer.fault === 'drop') throw new TypeError('fetch failed: the emulator dropped the connection');
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: answer.headers });
  };
}
