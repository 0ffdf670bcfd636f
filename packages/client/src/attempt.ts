// One attempt: fetch with a timeout and the caller's signal, read the body, parse the envelope, and say
// how it ended. Failures become typed errors here; whether to try again is the retry policy's business.
import { watchAbort } from './abort.js';
import { FeishuAbortedError } from './errors/aborted-error.js';
import { FeishuConnectionError } from './errors/connection-error.js';
import { documentedError } from './errors/documented.js';
import { FeishuResponseError } from './errors/response-error.js';
import { FeishuTimeoutError } from './errors/timeout-error.js';
import type { Outcome } from './retry.js';

export interface Outgoing {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | undefined;
}

/** A parsed answer: the envelope is always a JSON object (anything else is a FeishuResponseError). */
export interface Answer {
  response: Response;
  text: string;
  json: { code?: unknown; msg?: unknown; data?: unknown; [key: string]: unknown };
  /** Attempts the call took. */
  attempts: number;
  /** True when a resend after an unknown outcome was answered with a code the spec says means "already applied". */
  replayed: boolean;
  /** For a failure: an earlier attempt got no answer, so the call may have been applied all the same. */
  outcomeUnknown: boolean;
}

export type AttemptResult =
  | { outcome: Outcome; answer: Omit<Answer, 'attempts' | 'replayed' | 'outcomeUnknown'>; error?: undefined }
  | { outcome: Outcome; answer?: undefined; error: FeishuResponseError | FeishuConnectionError | FeishuTimeoutError };

export async function attempt(
  fetchImpl: typeof fetch,
  operation: string | undefined,
  out: Outgoing,
  timeoutMs: number,
  deadline: boolean,
  signal: AbortSignal | undefined,
): Promise<AttemptResult> {
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
  const stop = controller ? watchAbort(signal, () => controller.abort(signal?.reason)) : undefined;
  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(out.url, {
      method: out.method,
      headers: out.headers,
      body: out.body,
      signal: controller?.signal,
    });
    text = await response.text();
  } catch (cause) {
    if (signal?.aborted) throw new FeishuAbortedError(operation, signal.reason, true);
    const error = timedOut
      ? new FeishuTimeoutError(operation, timeoutMs, { deadline })
      : new FeishuConnectionError(operation, cause);
    return { outcome: { type: 'no-answer', sent: error.outcomeUnknown }, error };
  } finally {
    clearTimeout(timer);
    stop?.();
  }
  const { status, headers } = response;
  let json: Answer['json'] | undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) json = parsed as Answer['json'];
  } catch {
    // not JSON: reported below
  }
  if (!json) {
    const error = new FeishuResponseError({
      operation,
      status,
      contentType: headers.get('content-type'),
      body: text,
      logId: headers.get('x-tt-logid'),
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
    answer: { response, text, json },
  };
}
