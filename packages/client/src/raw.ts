// client.raw: openapi-fetch's own client, with one middleware that hands each request to the send loop.
// openapi-fetch tells the middleware which path template it called (schemaPath), so the operation is a
// table lookup, and the answer goes back with the envelope already parsed (no second JSON.parse).
import { type OperationId, operations, type paths } from '@feishu-task/types';
import createFetchClient, { type Client as FetchClient, type Middleware } from 'openapi-fetch';
import type { Answer } from './attempt.js';
import type { CallContext, Send } from './send.js';

const routes = new Map<string, OperationId>(
  Object.entries(operations).map(([id, op]) => [`${op.method} ${op.path}`, id as OperationId]),
);

export function createRaw(
  baseUrl: string,
  send: Send,
  context: (signal: AbortSignal | undefined) => CallContext,
  guard: <T>(run: () => Promise<T>, userToken?: string) => Promise<T>,
): FetchClient<paths> {
  const raw = createFetchClient<paths>({ baseUrl });
  const middleware: Middleware = {
    async onRequest({ request, schemaPath }) {
      const headers: Record<string, string> = {};
      request.headers.forEach((value, key) => {
        headers[key] = value;
      });
      const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.text();
      const userToken = headers.authorization?.replace(/^Bearer\s+/i, '');
      const answer = await guard(
        () =>
          send(
            routes.get(`${request.method} ${schemaPath}`),
            { method: request.method, url: request.url, headers, body: body || undefined },
            context(request.signal),
          ),
        userToken,
      );
      return toResponse(answer);
    },
  };
  raw.use(middleware);
  return raw;
}

function toResponse(answer: Answer): Response {
  const headers = new Headers(answer.response.headers);
  // openapi-fetch reads response.json() when a length is given; ours returns the envelope parsed once.
  if (!headers.has('content-length'))
    headers.set('content-length', String(new TextEncoder().encode(answer.text).length));
  const response = new Response(answer.text, {
    status: answer.response.status,
    statusText: answer.response.statusText,
    headers,
  });
  const json = answer.json;
  Object.defineProperty(response, 'json', { value: () => Promise.resolve(json) });
  return response;
}
