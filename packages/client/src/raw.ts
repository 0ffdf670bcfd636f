// @feishu-task/client/raw: openapi-fetch's own client, with one middleware that hands each request to the
// client's send loop (auth, quota, retries). openapi-fetch tells the middleware which path template it
// called (schemaPath), so the operation is a table lookup, and the answer goes back with the envelope
// already parsed (no second JSON.parse). Its own entry, so apps that only make named calls never bundle
// openapi-fetch. Error classes come through the client's internals, so this entry holds no copy of them.
import type { paths } from '@feishu-task/types';
import createFetchClient, { type Client as FetchClient, type Middleware } from 'openapi-fetch';
import type { Answer } from './attempt.js';
import type { FeishuTaskClient } from './client.js';
import { type ClientInternals, INTERNALS } from './internals.js';
import { operationAt } from './operation.js';

/**
 * The typed openapi-fetch client of `client`: `raw.POST('/open-apis/...', {...})` resolves with
 * `{ data, error, response }`, sharing the client's auth, quota and retries.
 */
export function createRawClient(client: FeishuTaskClient): FetchClient<paths> {
  const internals = (client as unknown as Record<symbol, ClientInternals | undefined>)[INTERNALS];
  if (!internals?.routesAll_) throw new TypeError('createRawClient: expected a client made by createClient()');
  const { baseUrl_: baseUrl, send_: send, context_: context, guard_: guard, inputError_: inputError } = internals;
  const raw = createFetchClient<paths>({ baseUrl });
  const middleware: Middleware = {
    async onRequest({ request, schemaPath }) {
      // Request() already resolved a '.' or '..' path parameter away: the URL names another resource.
      if (new URL(request.url).pathname.split('/').length !== schemaPath.split('/').length)
        throw inputError(
          operationAt(request.method, schemaPath) ?? schemaPath,
          'params.path',
          "must not hold '.' or '..' (a URL drops it)",
        );
      const headers: Record<string, string> = {};
      request.headers.forEach((value, key) => {
        headers[key] = value;
      });
      const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.text();
      const userToken = headers.authorization?.replace(/^Bearer\s+/i, '');
      const answer = await guard(
        () =>
          send(
            operationAt(request.method, schemaPath),
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
