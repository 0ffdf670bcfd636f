import type { components, OperationId, operationErrors } from '@feishu-task/types';
import type { Answer } from '../attempt.js';
import type { Advice } from '../options.js';
import { redact, redactDeep } from '../redact.js';
import { documentedError } from './documented.js';
import { FeishuError } from './feishu-error.js';

type Table = typeof operationErrors;
type Num<K> = K extends `${infer N extends number}` ? N : K extends number ? K : never;
/** The error codes an operation's page documents. */
export type DocumentedCode<Op extends OperationId> = Num<keyof Table[Op]>;
/** The documented names of an operation's error codes (the spec's example names). */
export type DocumentedName<Op extends OperationId> = {
  [K in keyof Table[Op]]: Table[Op][K] extends readonly [number, infer N] ? N : never;
}[keyof Table[Op]];
export type ErrorKind =
  | 'validation'
  | 'conflict'
  | 'permission'
  | 'auth'
  | 'token'
  | 'not_found'
  | 'rate_limit'
  | 'server'
  | 'unknown';
type ErrorDetail = components['schemas']['ErrorDetail'];
// authorization, proxy-authorization, cookie, set-cookie
const HIDDEN_HEADERS = /authorization$|cookie$/i;

/** Feishu answered with a non-zero `code`: the documented meaning and advice travel with it. */
export class FeishuApiError<Op extends OperationId = OperationId> extends FeishuError {
  override name = 'FeishuApiError';
  declare readonly operation: Op;
  /** HTTP status of the answer. */
  declare readonly status: number;
  /** Feishu's error code; one of the operation's documented codes, or another the server sent. */
  declare readonly code: DocumentedCode<Op> | (number & {});
  /** The server's message (`msg`). */
  declare readonly msg: string;
  /** The documented name of the code for this operation (the spec's example name), if documented. */
  declare readonly codeName: DocumentedName<Op> | undefined;
  /** validation, conflict, permission, auth, token, not_found, rate_limit, server, or unknown. */
  declare readonly kind: ErrorKind;
  /** The documented troubleshooting advice, when the core was given `advice` (createClient: always English). */
  declare readonly advice: string | undefined;
  /** The request's log id (`X-Tt-Logid`): quote it to Feishu support. */
  declare readonly logId: string | undefined;
  /** True when the operation's page documents this code. */
  declare readonly documented: boolean;
  /** The optional `error` details of the answer. */
  declare readonly detail: ErrorDetail | undefined;
  /** From `x-ogw-ratelimit-reset`: how long the server asks to wait before the quota resets. */
  declare readonly retryAfterMs: number | undefined;
  /** Attempts made, this one included. */
  declare attempts: number;
  /** True when an earlier attempt got no answer: the call may have been applied all the same. */
  declare outcomeUnknown: boolean;
  /** The answer's headers (authorization and cookies removed). */
  declare readonly headers: Record<string, string>;

  /** The answer of a failed call; `advice` looks up a documented code's advice (none without it). */
  constructor(operation: Op, { response, json, attempts, outcomeUnknown }: Answer, advice?: Advice) {
    const { status, headers } = response;
    const code = json.code;
    const msg = typeof json.msg === 'string' ? json.msg : '';
    const detail = json.error as ErrorDetail | undefined;
    const logId = headers.get('x-tt-logid') ?? undefined;
    const reset = headers.get('x-ogw-ratelimit-reset');
    const doc = documentedError(operation, code);
    const codeName = doc?.name;
    const text = doc && advice?.(operation, code, doc.name);
    const violations = detail?.field_violations;
    super(
      `${operation} failed: ${code}${doc ? ` ${codeName}` : ''} (HTTP ${status}): ${msg}` +
        // The field the server names is the most useful part of a validation answer: in the message too.
        (violations?.length
          ? ` Fields: ${violations
              .slice(0, 3)
              .map((v) => v.field + (v.description ? ` (${v.description})` : ''))
              .join('; ')}.`
          : '') +
        (text ? ` Advice: ${text}` : '') +
        (reset ? ` Retry after ${reset} s.` : '') +
        (logId ? ` [log id ${logId}]` : ''),
      operation,
    );
    const shown: Record<string, string> = {};
    headers.forEach((value, key) => {
      if (!HIDDEN_HEADERS.test(key)) shown[key] = redact(value);
    });
    const seconds = reset ? Number(reset) : Number.NaN;
    Object.assign(this, {
      status,
      code,
      msg: redact(msg),
      codeName,
      kind: doc ? doc.kind : status === 429 ? 'rate_limit' : status >= 500 ? 'server' : 'unknown',
      advice: text,
      logId,
      documented: doc?.status === status,
      detail: redactDeep(detail),
      headers: shown,
      retryAfterMs: Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined,
      attempts,
      outcomeUnknown,
    });
  }
}

/** Narrows `error` to a FeishuApiError, optionally of one operation (so `code` narrows too). */
export function isFeishuApiError<Op extends OperationId = OperationId>(
  error: unknown,
  operation?: Op,
): error is FeishuApiError<Op> {
  return error instanceof FeishuApiError && (operation === undefined || error.operation === operation);
}
