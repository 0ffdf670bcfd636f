// The send loop: for each attempt take a token and a quota slot, make the attempt, and do what the
// retry policy decides. HTTP errors resolve as answers; failures with no usable answer throw typed errors.
// Every wait (the token, the quota, the attempt, backoff) ends when the call's signal fires or its
// deadline passes.
import { type OperationId, operations } from '@feishu-task/types';
import { sleep, within } from './abort.js';
import { type Answer, attempt, type Outgoing } from './attempt.js';
import type { TokenSource } from './auth.js';
import { FeishuQuotaWaitError } from './errors/quota-wait-error.js';
import { FeishuTimeoutError } from './errors/timeout-error.js';
import type { Log } from './logger.js';
import type { QuotaGate } from './quota/gate.js';
import type { Scrub } from './redact.js';
import { decide, type RetryOptions } from './retry.js';
import { stoppedByCaller } from './stopped.js';

export interface SendOptions {
  fetch: typeof fetch;
  timeoutMs: number;
  maxResponseBytes: number;
  retry: RetryOptions;
  /** The quota gate of an operation, if it is throttled. */
  gate: (operation: OperationId) => QuotaGate | undefined;
  maxWaitMs: number;
  tokens: TokenSource | undefined;
  log: Log | undefined;
}

export interface CallContext {
  signal?: AbortSignal | undefined;
  /** Epoch ms after which no attempt starts and no wait continues (Infinity: none). */
  deadlineAt: number;
  deadlineMs: number | undefined;
  /** The client's and this call's secrets, for an answer's body before it is cut into an error. */
  scrub?: (() => Scrub) | undefined;
}

export type Send = (operation: OperationId | undefined, out: Outgoing, ctx: CallContext) => Promise<Answer>;

export function createSend(o: SendOptions): Send {
  return async function send(operation, out, ctx) {
    const { signal, deadlineAt } = ctx;
    // The client's own token, unless the call brings one or is the token exchange itself.
    const tokens =
      out.headers.authorization === undefined && operation !== 'getTenantAccessToken' ? o.tokens : undefined;
    const declared = operation ? operations[operation].retry : { idempotent: false, replayedSuccessCodes: [] };
    const gate = operation ? o.gate(operation) : undefined;
    let outcomeUnknown = false;
    const pastDeadline = () =>
      new FeishuTimeoutError(operation, ctx.deadlineMs ?? 0, { deadline: true, inFlight: outcomeUnknown });
    const stopped = () => stoppedByCaller(operation, signal?.reason, outcomeUnknown);
    let refreshed = false;

    for (let attempts = 1; ; attempts++) {
      if (signal?.aborted) throw stopped();
      let token = tokens?.get();
      if (typeof token === 'object')
        token = await within(token, signal, deadlineAt - Date.now(), stopped, pastDeadline);
      if (token !== undefined) out.headers.authorization = `Bearer ${token}`;
      // The slot is taken right before the request leaves, so the quota counts departures exactly.
      if (gate) {
        const limit = Math.min(o.maxWaitMs, deadlineAt - Date.now());
        await gate.acquire(
          signal,
          limit,
          () => (limit < o.maxWaitMs ? pastDeadline() : new FeishuQuotaWaitError(operation ?? 'request', o.maxWaitMs)),
          stopped,
        );
      }
      const remaining = deadlineAt - Date.now();
      if (remaining <= 0) throw pastDeadline();
      if (signal?.aborted) throw stopped();
      o.log?.('debug', 'feishu request', { operation, method: out.method, attempt: attempts });
      const result = await attempt(
        o.fetch,
        operation,
        out,
        {
          timeoutMs: Math.min(o.timeoutMs, remaining),
          deadline: remaining < o.timeoutMs,
          maxBytes: o.maxResponseBytes,
        },
        signal,
        ctx.scrub,
      );
      const { outcome } = result;
      const decision = decide(
        outcome,
        {
          attempts,
          outcomeUnknown,
          canRefresh: tokens !== undefined && !refreshed,
          remainingMs: deadlineAt - Date.now(),
        },
        declared,
        o.retry,
      );
      if ((outcome.type === 'no-answer' && outcome.sent) || outcome.type === 'bad-answer') outcomeUnknown = true;

      if (decision.do === 'succeed' && result.answer)
        return { ...result.answer, attempts, replayed: decision.replayed, outcomeUnknown: false };
      if (decision.do === 'refresh' && tokens && token !== undefined && tokens.invalidate(token)) {
        refreshed = true;
        attempts--;
        o.log?.('info', 'feishu token rejected; refreshing once', { operation });
        continue;
      }
      if (decision.do === 'retry') {
        o.log?.('warn', 'feishu retry', {
          operation,
          attempt: attempts,
          delayMs: decision.delayMs,
          status: outcome.type === 'no-answer' ? undefined : outcome.status,
          code: outcome.type === 'answer' ? outcome.code : undefined,
        });
        await sleep(decision.delayMs, signal).catch(() => {
          throw stopped();
        });
        continue;
      }
      if (result.error) {
        const error = result.error;
        error.attempts = attempts;
        if (outcomeUnknown) error.outcomeUnknown = true;
        throw error;
      }
      return { ...result.answer, attempts, replayed: false, outcomeUnknown };
    }
  };
}
