// The one place that talks to the emulator engine's request path: its Fetch door,
// `engine.fetch(Request)` (the platform issue's), or `handle({ method, url, headers, body })` on an
// engine that has no Fetch door yet.

import spec from 'try-it:spec';
import { createEmulator } from '@feishu-task/emulator';

export type Engine = ReturnType<typeof createEmulator>;

export interface Outgoing {
  method: string;
  /** Path and query. */
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export const newEngine = (): Engine => createEmulator({ spec });
export { spec };

/** The requests never leave the page: the URL's origin is only what a Fetch door expects to see. */
const ORIGIN = String(spec.servers?.[0]?.url ?? 'https://open.feishu.cn');

export async function send(engine: Engine, request: Outgoing): Promise<Answer> {
  const door = engine as unknown as { fetch?: (r: Request) => Promise<Response> };
  if (typeof door.fetch === 'function') {
    const response = await door.fetch(
      new Request(new URL(request.url, ORIGIN), {
        method: request.method,
        headers: request.headers,
        ...(request.body === undefined ? {} : { body: request.body }),
      }),
    );
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {}
    return { status: response.status, headers: Object.fromEntries(response.headers), body };
  }
  const answer = await engine.handle({ ...request, headers: lowerCase(request.headers) });
  return { status: answer.status, headers: answer.headers, body: answer.body };
}

const lowerCase = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
