import type { components, OperationId, operationErrors } from '@feishu-task/types';
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
const HIDDEN_HEADERS = /^(authorization|cookie|set-cookie|proxy-authorization)$/i;

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
  outcomeUnknown = false;
  /** The answer's headers (authorization and cookies removed). */
  declare readonly headers: Record<string, string>;

  constructor(init: {
    operation: Op;
    status: number;
    code: number;
    msg: string;
    logId?: string | undefined;
    detail?: ErrorDetail | undefined;
    headers?: Headers | undefined;
    attempts?: number;
    /** Looks up the advice of a documented code (none without it). */
    advice?: Advice | undefined;
  }) {
    const doc = documentedError(init.operation, init.code);
    const advice = doc && init.advice?.(init.operation, init.code, doc.name);
    const kind: ErrorKind =
      doc?.kind ?? (init.status === 429 ? 'rate_limit' : init.status >= 500 ? 'server' : 'unknown');
    super(
      `${init.operation} failed: ${init.code}${doc ? ` ${doc.name}` : ''} (HTTP ${init.status}): ${init.msg}` +
        // The field the server names is the most useful part of a validation answer: in the message too.
        (init.detail?.field_violations?.length
          ? ` Fields: ${init.detail.field_violations
              .slice(0, 3)
              .map((v) => `${v.field}${v.description ? ` (${v.description})` : ''}`)
              .join('; ')}.`
          : '') +
        (advice ? ` Advice: ${advice}` : '') +
        (init.headers?.get('x-ogw-ratelimit-reset')
          ? ` Retry after ${init.headers.get('x-ogw-ratelimit-reset')} s.`
          : '') +
        (init.logId ? ` [log id ${init.logId}]` : ''),
      init.operation,
    );
    this.status = init.status;
    this.code = init.code as DocumentedCode<Op>;
    this.msg = redact(init.msg);
    this.codeName = doc?.name as DocumentedName<Op> | undefined;
    this.kind = kind;
    this.advice = advice;
    this.logId = init.logId;
    this.documented = doc !== undefined && doc.status === init.status;
    this.detail = redactDeep(init.detail);
    this.headers = {};
    init.headers?.forEach((value, key) => {
      if (!HIDDEN_HEADERS.test(key)) this.headers[key] = redact(value);
    });
    const reset = Number(this.headers['x-ogw-ratelimit-reset'] ?? Number.NaN);
    this.retryAfterMs = Number.isFinite(reset) && reset >= 0 ? reset * 1000 : undefined;
    this.attempts = init.attempts ?? 1;
  }
}

/** Narrows `error` to a FeishuApiError, optionally of one operation (so `code` narrows too). */
export function isFeishuApiError<Op extends OperationId = OperationId>(
  error: unknown,
  operation?: Op,
): error is FeishuApiError<Op> {
  return error instanceof FeishuApiError && (operation === undefined || error.operation === operation);
}
