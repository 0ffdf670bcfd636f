// Building answers: every documented answer comes from the platform model (the spec's examples with
// this answer's log id), so the emulator and the mock answer alike. Handlers name errors by the
// generated documented names of their operation: a typo is a compile error.
import {
  type Answer,
  documentedAnswer,
  type ErrorName,
  type FieldViolation,
  invalidFields,
  type Json,
  type PlatformOperation,
  rateLimitHeaders,
} from '@feishu-task/platform';
import type { OperationId } from '@feishu-task/types';
import type { Caller } from './journal.js';

export type Reply = Answer;

export interface Context<Op extends OperationId = OperationId> {
  op: PlatformOperation & { id: Op };
  now: number;
  logId: string;
  query: Record<string, string>;
  pathParams: Record<string, string>;
  body: unknown;
  caller: Caller;
}

type Named<Op extends OperationId> = Pick<Context<Op>, 'op' | 'logId'>;

/** The operation's documented answer named `name` (a generated documented name of that operation). */
export function documented<Op extends OperationId>(ctx: Named<Op>, name: ErrorName<Op>, extra?: Json): Reply {
  return documentedAnswer(ctx.op, name, ctx.logId, extra);
}

/** A documented error by code (for faults that name one). */
export function documentedCode(ctx: Named<OperationId>, code: number): Reply | undefined {
  const found = ctx.op.errors.get(code);
  return found ? documentedAnswer(ctx.op, found.name, ctx.logId) : undefined;
}

/** A request that fails the spec's validation: the operation's invalid-fields answer, with field_violations. */
export function invalid(ctx: Named<OperationId>, violations: FieldViolation[]): Reply {
  return invalidFields(ctx.op, violations, ctx.logId);
}

/** A success answer: `data` in the envelope, with the message of the spec's success example. */
export function success(ctx: Pick<Context, 'op'>, data: Json): Reply {
  return { status: 200, body: { code: 0, msg: String(ctx.op.successExample?.msg ?? 'success'), data } };
}

/** The platform's 429 (99991400) with the gateway's quota headers. */
export function rateLimited(ctx: Named<OperationId>, limit: number, resetSeconds: number): Reply {
  const reply = documentedAnswer(ctx.op, 'PlatformRateLimited', ctx.logId);
  reply.headers = rateLimitHeaders([], 0, { limit, resetSeconds });
  return reply;
}
