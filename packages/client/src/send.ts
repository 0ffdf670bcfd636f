// The send loop: for each attempt take a token and a quota slot, make the attempt, and do what the
// retry policy decides. HTTP errors resolve as answers; failures with no usable answer throw typed errors.
import { type OperationId, operations } from '@feishu-task/types';
import { sleep } from './abort.js';
import { type Answer, attempt, type Outgoing } from './attempt.js';
import type { TokenSource } from './auth.js';
import { FeishuAbortedError } from './errors/aborted-error.js';
import { FeishuQuotaWaitError } from './errors/quota-wait-error.js';
import { FeishuTimeoutError } from './errors/timeout-error.js';
import type { Log } from './logger.js';
import type { QuotaGate } from './quota/gate.js';
import { decide, type RetryOptions } from './retry.js';

export interface SendOptions {
  fetch: typeof fetch;
  timeoutMs: number;
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
    const pastDeadline = (inFlight: boolean) =>
      new FeishuTimeoutError(operation, ctx.deadlineMs ?? 0, { deadline: true, inFlight });
    let outcomeUnknown = false;
    let refreshed = false;

    for (let attempts = 1; ; attempts++) {
      let token = tokens?.get();
      if (typeof token === 'object') token = await token;
      if (token !== undefined) out.headers.authorization = `Bearer ${token}`;
      // The slot is taken right before the request leaves, so the quota counts departures exactly.
      if (gate) {
        const limit = Math.min(o.maxWaitMs, deadlineAt - Date.now());
        await gate
          .acquire(signal, limit, () =>
            limit < o.maxWaitMs
              ? pastDeadline(outcomeUnknown)
              : new FeishuQuotaWaitError(operation ?? 'request', o.maxWaitMs),
          )
          .catch((error) => {
            throw error instanceof Error && error.name.startsWith('Feishu')
              ? error
              : new FeishuAbortedError(operation, error, outcomeUnknown);
          });
      }
      const remaining = deadlineAt - Date.now();
      if (remaining <= 0) throw pastDeadline(outcomeUnknown);
      o.log?.('debug', 'feishu request', { operation, method: out.method, attempt: attempts });
      const result = await attempt(
        o.fetch,
        operation,
        out,
        Math.min(o.timeoutMs, remaining),
        remaining < o.timeoutMs,
        signal,
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
      if (outcome.type === 'no-answer' && outcome.sent) outcomeUnknown = true;

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
        await sleep(decision.delayMs, signal).catch((reason) => {
          throw new FeishuAbortedError(operation, reason, outcomeUnknown);
        });
        continue;
      }
      if (result.error) {
        const error = result.error as { attempts?: number; outcomeUnknown?: boolean };
        error.attempts = attempts;
        if ('outcomeUnknown' in error && outcomeUnknown) error.outcomeUnknown = true;
        throw result.error;
      }
      return { ...result.answer, attempts, replayed: false, outcomeUnknown };
    }
  };
}
