// The send loop: for each attempt take a token and a quota slot, make the attempt, and do what the
// retry policy decides. HTTP errors resolve as answers; failures with no usable answer throw typed errors.
// Every wait (the token, the quota, the attempt, backoff) ends when the call's signal fires or its
// deadline passes.
import type { OperationId } from '@feishu-task/types';
import { sleep, within } from './abort.js';
import { type Answer, attempt, type Outgoing } from './attempt.js';
import type { TokenSource } from './auth.js';
import { FeishuQuotaWaitError } from './errors/quota-wait-error.js';
import { FeishuTimeoutError } from './errors/timeout-error.js';
import type { Log } from './logger.js';
import { specOf } from './operation.js';
import type { QuotaGate, Slot } from './quota/gate.js';
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
  /** The client's secrets and a call's user token, exactly. */
  scrub: (userToken: string | undefined) => Scrub;
}

export interface CallContext {
  signal?: AbortSignal | undefined;
  /** Epoch ms after which no attempt starts and no wait continues (Infinity: none). */
  deadlineAt: number;
  deadlineMs: number | undefined;
  /** The call's own user token, scrubbed (with the client's secrets) from an answer's body before it is cut into an error. */
  userToken?: string | undefined;
}

// A path the spec does not know (through the raw client): never resent after an unknown outcome.
const UNDECLARED = { idempotent: false, replayedSuccessCodes: [] };

export type Send = (operation: OperationId | undefined, out: Outgoing, ctx: CallContext) => Promise<Answer>;

function slowDownMs(resetHeader: string | null, retry: RetryOptions, attempts: number): number {
  const reset = resetHeader === null ? Number.NaN : Number(resetHeader) * 1000;
  return Math.min(
    retry.maxDelayMs,
    Number.isFinite(reset) && reset >= 0 ? reset : retry.baseDelayMs * 2 ** (attempts - 1),
  );
}

export function createSend(o: SendOptions): Send {
  return async function send(operation, out, ctx) {
    const { signal, deadlineAt } = ctx;
    // The client's own token, unless the call brings one or is the token exchange itself.
    const tokens =
      out.headers.authorization === undefined && operation !== 'getTenantAccessToken' ? o.tokens : undefined;
    const declared = specOf(operation)?.retry ?? UNDECLARED;
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
      // The slot is taken right before the request leaves and counts as "now" until the answer comes.
      let slot: Slot | undefined;
      if (gate) {
        const limit = Math.min(o.maxWaitMs, deadlineAt - Date.now());
        slot = await gate.acquire(
          signal,
          limit,
          () => (limit < o.maxWaitMs ? pastDeadline() : new FeishuQuotaWaitError(operation ?? 'request', o.maxWaitMs)),
          stopped,
        );
      }
      const remaining = deadlineAt - Date.now();
      if (remaining <= 0 || signal?.aborted) {
        if (slot) gate?.settle(slot);
        throw remaining <= 0 ? pastDeadline() : stopped();
      }
      o.log?.('debug', 'feishu request', { operation, method: out.method, attempt: attempts });
      let result: Awaited<ReturnType<typeof attempt>>;
      try {
        result = await attempt(
          o.fetch,
          operation,
          out,
          {
            timeoutMs: Math.min(o.timeoutMs, remaining),
            deadline: remaining < o.timeoutMs,
            maxBytes: o.maxResponseBytes,
          },
          signal,
          () => o.scrub(ctx.userToken),
        );
      } finally {
        // The answer is in (or none will come): the slot counts from now, when the server's arrival was at the latest.
        if (slot) gate?.settle(slot);
      }
      const { outcome } = result;
      // "Too fast" (429, or a documented rate-limit code such as 99991400 or 1470451): every client of the
      // key, in every process sharing the store, holds back for the time the server asks (else one backoff step).
      if (gate && outcome.type === 'answer' && (outcome.status === 429 || outcome.kind === 'rate_limit'))
        gate.slowDown(slowDownMs(outcome.resetHeader, o.retry, attempts));
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
