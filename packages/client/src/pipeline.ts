import { errors, operations, type OperationId } from '@feishu-task/types';
import type { TokenSource } from './auth.js';
import type { ErrorKind } from './errors/api-error.js';
import { FeishuAbortedError } from './errors/aborted-error.js';
import { FeishuConnectionError } from './errors/connection-error.js';
import { FeishuResponseError } from './errors/response-error.js';
import { FeishuTimeoutError } from './errors/timeout-error.js';
import type { Log } from './logger.js';
import { matchOperation } from './operation-match.js';
import { isRetryable, retryDelay, sleep, type RetryOptions } from './retry.js';
import type { Throttle } from './throttle.js';

export interface PipelineOptions {
  fetch: typeof fetch;
  timeoutMs: number;
  retry: RetryOptions;
  throttle: Throttle | undefined;
  tokens: TokenSource | undefined;
  log: Log;
}

/** The parsed JSON of each answer the pipeline returns, so named methods do not parse twice. */
export const parsedBodies = new WeakMap<Response, unknown>();

interface Answer { response: Response; text: string }

const kindOf = (operation: OperationId | undefined, code: unknown): ErrorKind | undefined =>
  operation && typeof code === 'number' ? (errors[operation] as Record<number, { kind: ErrorKind }>)[code]?.kind : undefined;

/**
 * The fetch that openapi-fetch calls: throttle, authenticate, time out, parse, and retry what may be
 * retried. HTTP errors come back as Responses (openapi-fetch turns them into `error`); failures with
 * no usable answer throw typed errors.
 */
export function createPipeline(o: PipelineOptions): (request: Request) => Promise<Response> {
  async function attemptOnce(operation: string | undefined, url: string, init: RequestInit, signal: AbortSignal): Promise<Answer> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, o.timeoutMs);
    const onAbort = () => controller.abort(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    try {
      const response = await o.fetch(url, { ...init, signal: controller.signal });
      return { response, text: await response.text() };
    } catch (cause) {
      if (timedOut) throw new FeishuTimeoutError(operation, o.timeoutMs);
      if (signal.aborted) throw new FeishuAbortedError(operation, signal.reason);
      throw new FeishuConnectionError(operation, cause);
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    }
  }

  return async function feishuFetch(request: Request): Promise<Response> {
    const operation = matchOperation(request.method, new URL(request.url).pathname);
    const headers = new Headers(request.headers);
    const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.text();
    const init: RequestInit = { method: request.method, headers, body, redirect: 'follow' };
    const signal = request.signal;
    const ownAuth = o.tokens !== undefined && !headers.has('authorization') && operation !== 'getTenantAccessToken';
    const rateLimit = operation ? operations[operation].rateLimit : undefined;
    let refreshed = false;

    for (let attempt = 0; ; attempt++) {
      const wait = o.throttle && operation ? o.throttle.delayFor(operation, rateLimit) : 0;
      if (wait > 0) {
        o.log('debug', 'feishu throttle wait', { operation, waitMs: wait });
        await sleep(wait, signal).catch((reason) => {
          throw new FeishuAbortedError(operation, reason);
        });
      }
      let token: string | undefined;
      if (ownAuth) {
        token = await o.tokens!.get();
        headers.set('authorization', `Bearer ${token}`);
      }
      o.log('debug', 'feishu request', { operation, method: request.method, attempt });

      let answer: Answer | undefined;
      let failure: unknown;
      let json: { code?: unknown } | undefined;
      let retryable: boolean;
      try {
        answer = await attemptOnce(operation, request.url, init, signal);
      } catch (error) {
        if (error instanceof FeishuAbortedError) throw error;
        failure = error;
      }
      if (answer) {
        const { response, text } = answer;
        try {
          json = JSON.parse(text) as { code?: unknown };
          if (typeof json !== 'object' || json === null) throw new TypeError('not an object');
        } catch {
          json = undefined;
          failure = new FeishuResponseError({
            operation,
            status: response.status,
            contentType: response.headers.get('content-type'),
            body: text,
            logId: response.headers.get('x-tt-logid'),
          });
        }
      }
      const status = answer?.response.status ?? 0;
      const kind = kindOf(operation, json?.code);

      if (kind === 'token' && ownAuth && !refreshed && o.tokens!.invalidate(token!)) {
        refreshed = true;
        attempt--;
        o.log('info', 'feishu token rejected; refreshing once', { operation, code: json?.code });
        continue;
      }
      const failed = failure !== undefined || !answer!.response.ok || json?.code !== 0;
      retryable = failed && (answer === undefined || isRetryable(status, kind));
      if (retryable && attempt < o.retry.maxRetries) {
        const delay = retryDelay(attempt, answer?.response.headers.get('x-ogw-ratelimit-reset') ?? null, o.retry);
        if (delay !== undefined) {
          o.log('warn', 'feishu retry', { operation, attempt: attempt + 1, delayMs: delay, status, code: json?.code });
          await sleep(delay, signal).catch((reason) => {
            throw new FeishuAbortedError(operation, reason);
          });
          continue;
        }
      }
      if (failure !== undefined) throw failure;
      const { response, text } = answer!;
      const out = new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
      parsedBodies.set(out, json);
      return out;
    }
  };
}
