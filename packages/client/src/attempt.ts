// One attempt: fetch with a timeout and the caller's signal, read the body (at most maxResponseBytes),
// parse the envelope, and say how it ended. Failures become typed errors here; whether to try again is
// the retry policy's business.
import { watchAbort } from './abort.js';
import { FeishuConnectionError } from './errors/connection-error.js';
import { documentedError } from './errors/documented.js';
import { FeishuResponseError } from './errors/response-error.js';
import { FeishuTimeoutError } from './errors/timeout-error.js';
import type { Scrub } from './redact.js';
import type { Outcome } from './retry.js';
import { stoppedByCaller } from './stopped.js';

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

export type AttemptResult =
  /** `answer` has the final shape already (attempts 1, not replayed), so the send loop fills it in rather than copying it. */
  | { outcome: Outcome; answer: Answer; error?: undefined }
  | { outcome: Outcome; answer?: undefined; error: FeishuResponseError | FeishuConnectionError | FeishuTimeoutError };

export interface AttemptLimits {
  timeoutMs_: number;
  /** The timeout is what is left of the call's deadline. */
  deadline_: boolean;
  /** The call's deadlineMs: what a timeout that is the deadline reports (not the few ms that were left of it). */
  deadlineMs_?: number | undefined;
  maxBytes_: number;
}

const TOO_LARGE = Symbol('too large');

/** The body as text, or TOO_LARGE (left unread) when it is over `max` bytes. */
function readBody(response: Response, max: number): Promise<string | typeof TOO_LARGE> {
  const length = response.headers.get('content-length');
  // A declared length is what HTTP/1.1 reads, no more: the runtime's own text() is the fast path, its
  // promise handed on as it is (an async wrapper would cost every call another promise to resolve).
  if (length !== null && /^\d+$/.test(length)) {
    if (Number(length) <= max) return response.text();
    return cancelled(response.body?.cancel());
  }
  if (!response.body) return response.text();
  return readCapped(response.body, max);
}

async function cancelled(cancel: Promise<void> | undefined): Promise<typeof TOO_LARGE> {
  await cancel?.catch(() => {});
  return TOO_LARGE;
}

/** A body of no declared length, read chunk by chunk and given up as soon as it is over `max` bytes. */
async function readCapped(body: ReadableStream<Uint8Array>, max: number): Promise<string | typeof TOO_LARGE> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) return cancelled(reader.cancel());
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(all);
}

export async function attempt(
  fetchImpl: typeof fetch,
  operation: string | undefined,
  out: Outgoing,
  limits: AttemptLimits,
  signal: AbortSignal | undefined,
  /** Makes the scrubber for an error's body, for the call's user token: only when an error is built. */
  scrub: ((userToken: string | undefined) => Scrub) | undefined,
  userToken?: string | undefined,
): Promise<AttemptResult> {
  const { timeoutMs_: timeoutMs } = limits;
  // With neither a time limit nor a caller's signal, fetch gets no signal: one of our own would cost every
  // request the runtime's abort bookkeeping (a few percent of a local call's CPU in Node, measured by `pnpm bench`). A caller's
  // signal is never handed to fetch itself: many calls may share it (one listener each would warn).
  const limited = timeoutMs !== Number.POSITIVE_INFINITY;
  const controller = limited || signal ? new AbortController() : undefined;
  let timedOut = false;
  const timer = limited
    ? setTimeout(() => {
        timedOut = true;
        controller?.abort();
      }, timeoutMs)
    : undefined;
  const stop = controller && signal ? watchAbort(signal, () => controller.abort()) : undefined;
  let response: Response;
  let text: string | typeof TOO_LARGE;
  try {
    response = await fetchImpl(out.url, {
      method: out.method,
      headers: out.headers,
      body: out.body,
      signal: controller?.signal,
    });
    text = await readBody(response, limits.maxBytes_);
  } catch (cause) {
    if (signal?.aborted) throw stoppedByCaller(operation, signal.reason, true);
    const error = timedOut
      ? new FeishuTimeoutError(operation, limits.deadline_ ? (limits.deadlineMs_ ?? timeoutMs) : timeoutMs, {
          deadline: limits.deadline_,
        })
      : new FeishuConnectionError(operation, cause);
    return { outcome: { type: 'no-answer', sent: error.outcomeUnknown }, error };
  } finally {
    clearTimeout(timer);
    stop?.();
  }
  const { status, headers } = response;
  let json: Answer['json'] | undefined;
  if (text !== TOO_LARGE)
    try {
      const parsed = JSON.parse(text);
      // The envelope: an object with a numeric code. A gateway's own JSON (a 504 `{"message": ...}`) is not one.
      if (typeof parsed?.code === 'number' && !Array.isArray(parsed)) json = parsed;
    } catch {
      // not JSON: reported below
    }
  if (!json) {
    const error = new FeishuResponseError({
      operation,
      status,
      contentType: headers.get('content-type'),
      body: text === TOO_LARGE ? undefined : text,
      tooLarge: limits.maxBytes_,
      logId: headers.get('x-tt-logid'),
      scrub: scrub?.(userToken),
    });
    return { outcome: { type: 'bad-answer', status }, error };
  }
  // The common case, a success, skips the error tables and header lookups.
  const failed = json.code !== 0;
  return {
    outcome: {
      type: 'answer',
      status,
      code: json.code,
      kind: failed ? documentedError(operation, json.code)?.kind : undefined,
      resetHeader: failed || status !== 200 ? headers.get('x-ogw-ratelimit-reset') : null,
    },
    answer: { response, text: text as string, json, attempts: 1, replayed: false, outcomeUnknown: false },
  };
}
