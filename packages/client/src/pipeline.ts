import { type OperationId, operations } from '@feishu-task/types';
import type { TokenSource } from './auth.js';
import { FeishuAbortedError } from './errors/aborted-error.js';
import { FeishuConnectionError } from './errors/connection-error.js';
import { documentedError } from './errors/documented.js';
import { FeishuResponseError } from './errors/response-error.js';
import { FeishuTimeoutError } from './errors/timeout-error.js';
import type { Log } from './logger.js';
import { matchOperation } from './operation-match.js';
import { isRetryable, type RetryOptions, retryDelay, sleep } from './retry.js';
import type { Throttle } from './throttle.js';

export interface PipelineOptions {
  fetch: typeof fetch;
  timeoutMs: number;
  retry: RetryOptions;
  throttle: Throttle | undefined;
  tokens: TokenSource | undefined;
  log: Log;
}

export interface Outgoing {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | undefined;
  signal?: AbortSignal | undefined;
}

export interface Answer {
  response: Response;
  text: string;
  /** The parsed envelope: always a JSON object (anything else is a FeishuResponseError). */
  json: { code?: unknown; msg?: unknown; data?: unknown; [key: string]: unknown };
}

const aborted = (operation: string | undefined) => (reason: unknown) => {
  throw new FeishuAbortedError(operation, reason);
};

/**
 * Sends one call: throttle, authenticate, time out each attempt, parse, and retry what may be retried
 * (rate limits, server failures, network errors; a rejected token once, after a refresh). HTTP
 * errors resolve as answers; failures with no usable answer throw typed errors.
 */
export function createSend(o: PipelineOptions) {
  async function attemptOnce(
    operation: string | undefined,
    out: Outgoing,
  ): Promise<{ response: Response; text: string }> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, o.timeoutMs);
    const signal = out.signal;
    const onAbort = () => controller.abort(signal!.reason);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const response = await o.fetch(out.url, {
        method: out.method,
        headers: out.headers,
        body: out.body,
        signal: controller.signal,
      });
      return { response, text: await response.text() };
    } catch (cause) {
      if (timedOut) throw new FeishuTimeoutError(operation, o.timeoutMs);
      if (signal?.aborted) throw new FeishuAbortedError(operation, signal.reason);
      throw new FeishuConnectionError(operation, cause);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  return async function send(operation: OperationId | undefined, out: Outgoing): Promise<Answer> {
    const ownAuth =
      o.tokens !== undefined && out.headers.authorization === undefined && operation !== 'getTenantAccessToken';
    const rateLimit = operation ? operations[operation].rateLimit : undefined;
    let refreshed = false;

    for (let attempt = 0; ; attempt++) {
      const wait = o.throttle && operation ? o.throttle.delayFor(operation, rateLimit) : 0;
      if (wait > 0) {
        o.log('debug', 'feishu throttle wait', { operation, waitMs: wait });
        await sleep(wait, out.signal).catch(aborted(operation));
      }
      let token: string | undefined;
      if (ownAuth) {
        token = await o.tokens!.get();
        out.headers.authorization = `Bearer ${token}`;
      }
      o.log('debug', 'feishu request', { operation, method: out.method, attempt });

      let raw: { response: Response; text: string } | undefined;
      let failure: unknown;
      let json: Answer['json'] | undefined;
      try {
        raw = await attemptOnce(operation, out);
      } catch (error) {
        if (error instanceof FeishuAbortedError) throw error;
        failure = error;
      }
      if (raw) {
        try {
          const parsed: unknown = JSON.parse(raw.text);
          if (typeof parsed !== 'object' || parsed === null) throw new TypeError('not an object');
          json = parsed as Answer['json'];
        } catch {
          const h = raw.response.headers;
          failure = new FeishuResponseError({
            operation,
            status: raw.response.status,
            contentType: h.get('content-type'),
            body: raw.text,
            logId: h.get('x-tt-logid'),
          });
        }
      }
      const status = raw?.response.status ?? 0;
      if (raw && json?.code === 0 && raw.response.ok) return { response: raw.response, text: raw.text, json };

      const kind = json ? documentedError(operation, json.code)?.kind : undefined;
      if (kind === 'token' && ownAuth && !refreshed && o.tokens!.invalidate(token!)) {
        refreshed = true;
        attempt--;
        o.log('info', 'feishu token rejected; refreshing once', { operation, code: json?.code });
        continue;
      }
      if ((raw === undefined || isRetryable(status, kind)) && attempt < o.retry.maxRetries) {
        const delay = retryDelay(attempt, raw?.response.headers.get('x-ogw-ratelimit-reset') ?? null, o.retry);
        if (delay !== undefined) {
          o.log('warn', 'feishu retry', { operation, attempt: attempt + 1, delayMs: delay, status, code: json?.code });
          await sleep(delay, out.signal).catch(aborted(operation));
          continue;
        }
      }
      if (failure !== undefined) throw failure;
      return { response: raw!.response, text: raw!.text, json: json! };
    }
  };
}

/** The fetch openapi-fetch calls for raw typed calls: the same pipeline, answers rebuilt as Responses. */
export function fetchAdapter(send: ReturnType<typeof createSend>): (request: Request) => Promise<Response> {
  return async (request) => {
    const headers: Record<string, string> = {};
    request.headers.forEach((value, key) => {
      headers[key] = value;
    });
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
    const answer = await send(matchOperation(request.method, new URL(request.url).pathname), {
      method: request.method,
      url: request.url,
      headers,
      body: hasBody ? await request.text() : undefined,
      signal: request.signal,
    });
    const { response } = answer;
    return new Response(answer.text, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}
