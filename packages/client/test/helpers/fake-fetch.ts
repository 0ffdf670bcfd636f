// An injected fetch: answers from a script of handlers and records every request it was given.
export interface Seen {
  method: string;
  url: URL;
  /** The URL exactly as the client passed it (before URL parsing normalizes it). */
  href: string;
  headers: Headers;
  body: any;
}
export type Handler = (req: Seen, index: number) => Response | Promise<Response>;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'x-tt-logid': 'LOGID-1', ...headers },
  });
}

export const ok = (data: unknown = {}) => json(200, { code: 0, msg: 'success', data });
export const tokenAnswer = (token: string, expire = 7200) =>
  json(200, { code: 0, msg: 'ok', tenant_access_token: token, expire });

/** Each request goes to `route(req)`; the token endpoint answers `t-token-N` unless routed itself. */
export function fakeFetch(route: Handler) {
  const seen: Seen[] = [];
  let tokens = 0;
  const fetch = async (input: string | URL | Request, init: RequestInit = {}) => {
    const href = String(input instanceof Request ? input.url : input);
    const url = new URL(href);
    const text = init.body === undefined || init.body === null ? undefined : String(init.body);
    const req: Seen = {
      method: init.method ?? 'GET',
      url,
      href,
      headers: new Headers(init.headers),
      body: text ? JSON.parse(text) : undefined,
    };
    seen.push(req);
    if (init.signal?.aborted) throw init.signal.reason ?? new Error('aborted');
    const answer = await route(req, seen.length - 1);
    return answer ?? tokenAnswer(`t-token-${++tokens}`);
  };
  return {
    fetch: fetch as typeof globalThis.fetch,
    seen,
    calls: (path: string) => seen.filter((s) => s.url.pathname.includes(path)),
  };
}

export const isToken = (req: Seen) => req.url.pathname.endsWith('/tenant_access_token/internal');
