// What one attempt gets back: the body read (at most maxResponseBytes) and the envelope parsed, or a
// typed error. The send loop makes the request itself: an async function of its own here cost every
// call another promise and frame (`pnpm bench`, CPU per call).
import type { FeishuConnectionError } from './errors/connection-error.js';
import { FeishuResponseError } from './errors/response-error.js';
import type { FeishuTimeoutError } from './errors/timeout-error.js';
import type { CallContext, SendOptions } from './send.js';

export interface Outgoing {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | undefined;
}

/** A parsed answer: the envelope is always a JSON object with a numeric `code` (anything else is a FeishuResponseError). */
export interface Answer {
  response: Response;
  text: string;
  json: { code: number; msg?: unknown; data?: unknown; [key: string]: unknown };
  /** Attempts the call took. */
  attempts: number;
  /** True when a resend after an unknown outcome was answered with a code the spec says means "already applied". */
  replayed: boolean;
  /** For a failure: an earlier attempt got no readable answer, so the call may have been applied all the same. */
  outcomeUnknown: boolean;
}

export type Failure = FeishuResponseError | FeishuConnectionError | FeishuTimeoutError;

/** The body as text, or undefined (left unread, the stream cancelled) when it is over `max` bytes. */
export function readBody(response: Response, max: number): Promise<string | undefined> | undefined {
  const length = response.headers.get('content-length');
  const declared = length === null ? NaN : +length;
  const { body } = response;
  // A declared length is what HTTP/1.1 reads, no more: the runtime's own text() is the fast path, its
  // promise handed on as it is (an async wrapper would cost every call another promise to resolve).
  if (declared <= max || !body) return response.text();
  if (declared > max) return void body.cancel().catch(() => {});
  return readCapped(body.getReader(), max);
}

/** A body of no declared length, read chunk by chunk and given up as soon as it is over `max` bytes. */
async function readCapped(
  reader: ReadableStreamDefaultReader<Uint8Array<ArrayBuffer>>,
  max: number,
): Promise<string | undefined> {
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) return void reader.cancel().catch(() => {});
    chunks.push(value);
  }
  return new Blob(chunks).text();
}

/**
 * What an answer's body says: the envelope (a JSON object with a numeric `code`), or a FeishuResponseError
 * (not JSON, a gateway's own JSON such as a 504 `{"message": ...}`, or over maxResponseBytes: `text` undefined).
 */
export function envelope(
  o: SendOptions,
  operation: string | undefined,
  ctx: CallContext,
  response: Response,
  text: string | undefined,
): Answer | FeishuResponseError {
  if (text !== undefined)
    try {
      const json = JSON.parse(text);
      if (typeof json?.code === 'number' && !Array.isArray(json))
        return { response, text, json, attempts: 1, replayed: false, outcomeUnknown: false };
    } catch {
      // not JSON: reported below
    }
  const { headers } = response;
  return new FeishuResponseError({
    operation,
    status: response.status,
    contentType: headers.get('content-type'),
    body: text,
    tooLarge: o.maxResponseBytes_,
    logId: headers.get('x-tt-logid'),
    scrub: o.scrub_(ctx.userToken_),
  });
}
