// Building answers: documented errors come from the operation's own examples in the spec (code, status
// and message as the page gives them), the platform's field validation included.
import type { Caller } from './journal.js';
import type { Json } from './spec.js';
import type { OperationModel } from './spec-model.js';
import type { Violation } from './validator.js';

export interface Reply {
  status: number;
  body: Json;
  headers?: Record<string, string>;
}

export interface Context {
  op: OperationModel;
  now: number;
  logId: string;
  query: Record<string, string>;
  pathParams: Record<string, string>;
  body: unknown;
  caller: Caller;
}

const troubleshooter = (logId: string, code: number) =>
  `https://open.feishu.cn/search?from=openapi&log_id=${logId}&code=${code}&method_id=emulator`;

/** The operation's documented error named `name` (an example name of the spec), with error details. */
export function documented(ctx: Pick<Context, 'op' | 'logId'>, name: string, extra: Json = {}): Reply {
  const found = ctx.op.byName.get(name);
  if (!found) {
    return {
      status: 500,
      body: {
        code: 1,
        msg: `emulator: the spec documents no ${name} answer for ${ctx.op.id}`,
        error: { log_id: ctx.logId },
      },
    };
  }
  return {
    status: found.status,
    body: {
      ...found.body,
      error: { log_id: ctx.logId, troubleshooter: troubleshooter(ctx.logId, found.code), ...extra },
    },
  };
}

/** A documented error by code (for faults that name one). */
export function documentedCode(ctx: Pick<Context, 'op' | 'logId'>, code: number): Reply | undefined {
  const found = ctx.op.errors.get(code);
  return found ? documented(ctx, found.name) : undefined;
}

/**
 * A request that fails the spec's validation, answered as the spec marks (x-feishu-error.answersInvalidFields):
 * the operation's own code when its page documents one, else the platform's; with `error.field_violations`.
 */
export function invalid(ctx: Pick<Context, 'op' | 'logId'>, violations: Violation[]): Reply {
  const answers = [...ctx.op.byName.values()].filter((e) => e.answersInvalidFields);
  const answer = answers.find((e) => e.fromPage) ?? answers[0];
  if (!answer) return documented(ctx, 'an invalid-fields', { field_violations: violations });
  return documented(ctx, answer.name, { field_violations: violations });
}

/** A success answer: `data` in the envelope, with the message of the spec's success example. */
export function success(ctx: Pick<Context, 'op'>, data: Json): Reply {
  return { status: 200, body: { code: 0, msg: String(ctx.op.successExample?.msg ?? 'success'), data } };
}

/** The platform's 429 (99991400) with the gateway's quota headers. */
export function rateLimited(ctx: Pick<Context, 'op' | 'logId'>, limit: number, resetSeconds: number): Reply {
  const reply = documented(ctx, 'PlatformRateLimited');
  reply.headers = { 'x-ogw-ratelimit-limit': String(limit), 'x-ogw-ratelimit-reset': String(resetSeconds) };
  return reply;
}
