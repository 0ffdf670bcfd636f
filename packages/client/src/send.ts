// The send loop: for each attempt take a token and a quota slot, make the attempt, and do what the
// retry policy decides. HTTP errors resolve as answers; failures with no usable answer throw typed errors.
// Every wait (the token, the quota, the attempt, backoff) ends when the call's signal fires or its
// deadline passes.
import type { OperationId } from '@feishu-task/types';
import { disarm, expireAfter, NONE, sleep, watchAbort, within } from './abort.js';
import { type Answer, envelope, type Failure, type Outgoing, readBody } from './attempt.js';
import type { TokenSource } from './auth.js';
import { FeishuConnectionError } from './errors/connection-error.js';
import { documentedError } from './errors/documented.js';
import { FeishuQuotaWaitError } from './errors/quota-wait-error.js';
import { FeishuResponseError } from './errors/response-error.js';
import { FeishuTimeoutError } from './errors/timeout-error.js';
import type { Log } from './logger.js';
import { specOf } from './operation.js';
import type { QuotaGate, Slot } from './quota/gate.js';
import type { Scrub } from './redact.js';
import { decide, type Outcome, type RetryOptions, resetMs } from './retry.js';
import { pastDeadline, stoppedByCaller } from './stopped.js';

export interface SendOptions {
  fetch_: typeof fetch;
  timeoutMs_: number;
  maxResponseBytes_: number;
  retry_: RetryOptions;
  /** The quota gate of an operation, if it is throttled. */
  gate_: (operation: OperationId) => QuotaGate | undefined;
  maxWaitMs_: number;
  tokens_: TokenSource | undefined;
  log_: Log | undefined;
  /** The client's secrets and a call's user token, exactly. */
  scrub_: (userToken: string | undefined) => Scrub;
}

export interface CallContext {
  signal?: AbortSignal | undefined;
  /** When (performance.now(), so stepping the wall clock moves no deadline) no attempt starts and no wait continues (Infinity: none). */
  deadlineAt_: number;
  deadlineMs: number | undefined;
  /** The call's own user token, scrubbed (with the client's secrets) from an answer's body before it is cut into an error. */
  userToken_?: string | undefined;
}

// A path the spec does not know (through the raw client): never resent after an unknown outcome.
const UNDECLARED = { idempotent: false, replayedSuccessCodes: [] };

export type Send = (operation: OperationId | undefined, out: Outgoing, ctx: CallContext) => Promise<Answer>;

const slowDownMs = (resetHeader: string | null, retry: RetryOptions, attempts: number): number =>
  Math.min(retry.maxDelayMs, resetMs(resetHeader) ?? retry.baseDelayMs * 2 ** (attempts - 1));

/** Milliseconds to the deadline. Without one, the clock is not read (about 180 ns a call on the bench's machine). */
export const msLeft = (deadlineAt: number) => (deadlineAt === NONE ? deadlineAt : deadlineAt - performance.now());

// The callbacks that make a wait's error (stopped.ts) are made where a wait needs them, not up front: a
// call that waits for nothing (a static token, no quota, no retry) allocates none.

export function createSend(o: SendOptions): Send {
  // The last token's header value, kept: one string for every call with that token, not a new
  // concatenation that fetch must flatten and check again on each request.
  let lastToken: string | undefined;
  let lastBearer = '';
  return async function send(operation, out, ctx) {
    const { signal, deadlineAt_: deadlineAt } = ctx;
    // The client's own token, unless the call brings one or is the token exchange itself.
    const tokens =
      out.headers.authorization === undefined && operation !== 'getTenantAccessToken' ? o.tokens_ : undefined;
    const gate = operation ? o.gate_(operation) : undefined;
    let outcomeUnknown = false;
    let refreshed = false;

    for (let attempts = 1; ; attempts++) {
      if (signal?.aborted) throw stoppedByCaller(operation, signal.reason, outcomeUnknown, attempts - 1);
      let token = tokens?.get();
      if (typeof token === 'object')
        token = await within(
          // A failed token source's error (each call's own copy) speaks of this call's requests, not the exchange's.
          token.catch((error) => {
            throw marked(error, outcomeUnknown, attempts - 1);
          }),
          signal,
          msLeft(deadlineAt),
          () => stoppedByCaller(operation, signal?.reason, outcomeUnknown, attempts - 1),
          () => pastDeadline(operation, ctx, outcomeUnknown, attempts - 1),
        );
      if (token !== undefined) {
        if (token !== lastToken) {
          lastToken = token;
          lastBearer = `Bearer ${token}`;
        }
        out.headers.authorization = lastBearer;
      }
      // The slot is taken right before the request leaves and counts as "now" until the answer comes.
      let slot: Slot | undefined;
      if (gate) {
        const limit = Math.min(o.maxWaitMs_, msLeft(deadlineAt));
        try {
          slot = await gate.acquire(
            signal,
            limit,
            () =>
              limit < o.maxWaitMs_
                ? pastDeadline(operation, ctx, outcomeUnknown, attempts - 1)
                : new FeishuQuotaWaitError(operation ?? 'request', o.maxWaitMs_),
            () => stoppedByCaller(operation, signal?.reason, outcomeUnknown, attempts - 1),
          );
        } catch (error) {
          // The quota's errors (a wait too long, the store's failure) speak of this call's requests too:
          // after an unknown outcome, a retry that never left still leaves the call "maybe applied".
          throw marked(error, outcomeUnknown, attempts - 1);
        }
      }
      const remaining = msLeft(deadlineAt);
      if (remaining <= 0 || signal?.aborted) {
        if (slot) gate?.settle(slot);
        throw remaining <= 0
          ? pastDeadline(operation, ctx, outcomeUnknown, attempts - 1)
          : stoppedByCaller(operation, signal?.reason, outcomeUnknown, attempts - 1);
      }
      o.log_?.('debug', 'feishu request', { operation, method: out.method, attempt: attempts });
      // The attempt. With neither a time limit nor a caller's signal, fetch gets no signal: one of our own
      // would cost every request the runtime's abort bookkeeping (a few percent of a local call's CPU in
      // Node). A caller's signal is never handed to fetch itself: many calls may share it (one listener each would warn).
      const timeoutMs = Math.min(o.timeoutMs_, remaining);
      const limited = timeoutMs !== NONE;
      const controller = limited || signal ? new AbortController() : undefined;
      const expiry = limited ? expireAfter(timeoutMs, controller as AbortController) : undefined;
      const stop = controller && signal ? watchAbort(signal, () => controller.abort()) : undefined;
      let result: Answer | Failure;
      try {
        const response = await o.fetch_(out.url, {
          method: out.method,
          headers: out.headers,
          body: out.body,
          signal: controller?.signal,
        });
        result = envelope(o, operation, ctx, response, await readBody(response, o.maxResponseBytes_));
      } catch (cause) {
        if (signal?.aborted) throw stoppedByCaller(operation, signal.reason, true, attempts);
        // Aborted, and not by the caller: the time limit. When that was what was left of the deadline, it
        // reports the call's deadlineMs, not the few ms left of it.
        result = controller?.signal.aborted
          ? remaining < o.timeoutMs_
            ? pastDeadline(operation, ctx, true, attempts)
            : new FeishuTimeoutError(operation, timeoutMs)
          : new FeishuConnectionError(operation, cause);
      } finally {
        if (expiry) disarm(expiry);
        stop?.();
        // The answer is in (or none will come): the slot counts from now, when the server's arrival was at the latest.
        if (slot) gate?.settle(slot);
      }
      const answer = result instanceof Error ? undefined : result;
      // The common case, a success, skips the error tables, header lookups and the retry policy.
      if (answer?.json.code === 0 && answer.response.ok) return finish(answer, attempts, false, false);
      const outcome: Outcome = answer
        ? {
            type_: 'answer',
            status_: answer.response.status,
            code_: answer.json.code,
            kind_: documentedError(operation, answer.json.code)?.kind,
            resetHeader_: answer.response.headers.get('x-ogw-ratelimit-reset'),
          }
        : result instanceof FeishuResponseError
          ? { type_: 'bad-answer', status_: result.status }
          : { type_: 'no-answer', sent_: (result as Failure).outcomeUnknown };
      // "Too fast" (429, or a documented rate-limit code such as 99991400 or 1470451): every client of the
      // key, in every process sharing the store, holds back for the time the server asks (else one backoff step).
      if (gate && outcome.type_ === 'answer' && (outcome.status_ === 429 || outcome.kind_ === 'rate_limit'))
        gate.slowDown(slowDownMs(outcome.resetHeader_, o.retry_, attempts - +refreshed));
      const decision = decide(
        outcome,
        {
          attempts_: attempts - +refreshed,
          outcomeUnknown_: outcomeUnknown,
          canRefresh_: tokens !== undefined && !refreshed,
          remainingMs_: msLeft(deadlineAt),
        },
        specOf(operation)?.retry ?? UNDECLARED,
        o.retry_,
      );
      // No readable answer after the request was sent (a bad answer, or none): it may have been applied.
      if (!answer && result.outcomeUnknown) outcomeUnknown = true;

      if (decision.do_ === 'succeed' && answer) return finish(answer, attempts, decision.replayed_, false);
      if (decision.do_ === 'refresh' && tokens && token !== undefined && tokens.invalidate(token)) {
        // The request with the rejected token was sent (attempts counts it), but it costs no retry.
        refreshed = true;
        o.log_?.('info', 'feishu token rejected; refreshing once', { operation });
        continue;
      }
      if (decision.do_ === 'retry') {
        o.log_?.('warn', 'feishu retry', {
          operation,
          attempt: attempts,
          delayMs: decision.delayMs_,
          // Each undefined where the outcome has none.
          status: (outcome as { status_?: number }).status_,
          code: (outcome as { code_?: unknown }).code_,
        });
        await sleep(decision.delayMs_, signal).catch(() => {
          throw stoppedByCaller(operation, signal?.reason, outcomeUnknown, attempts);
        });
        continue;
      }
      if (!answer) {
        const error = result as Failure;
        error.attempts = attempts;
        if (outcomeUnknown) error.outcomeUnknown = true;
        throw error;
      }
      return finish(answer, attempts, false, outcomeUnknown);
    }
  };
}

/** An error of this call (or its own copy of a shared one), marked with what became of the call's requests. */
const marked = (error: unknown, outcomeUnknown: boolean, attempts: number): unknown =>
  Object.assign(error as object, { outcomeUnknown, attempts });

/** The attempt's answer object, filled in (not copied: it is the call's alone). */
function finish(answer: Answer, attempts: number, replayed: boolean, outcomeUnknown: boolean): Answer {
  answer.attempts = attempts;
  answer.replayed = replayed;
  answer.outcomeUnknown = outcomeUnknown;
  return answer;
}
