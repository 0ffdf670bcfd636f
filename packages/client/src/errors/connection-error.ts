import { FeishuError } from './feishu-error.js';

// Codes that prove the request never left: nothing can have been applied.
const NOT_SENT = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'];

/** The innermost useful reason of a fetch failure: `ECONNREFUSED 127.0.0.1:4010`, `ENOTFOUND host`, `ECONNRESET`. */
export function rootCause(error: unknown): { text: string; code: string | undefined } {
  let last: unknown = error;
  // biome-ignore lint/suspicious/noExplicitAny: any error-like value, read defensively
  for (let c: any = error, depth = 0; c && depth < 6; c = c.cause, depth++) {
    const { code, hostname, address, port, errors } = c;
    if (typeof code === 'string') {
      const where = hostname ?? (address ? address + (port ? `:${port}` : '') : '');
      return { text: where ? `${code} ${where}` : code, code };
    }
    // Happy eyeballs reports every address it tried in an AggregateError.
    if (Array.isArray(errors) && errors.length) return rootCause(errors[0]);
    last = c;
  }
  return { text: last instanceof Error ? last.message : String(last), code: undefined };
}

/** The request never got an answer: DNS, refused connection, reset, TLS... */
export class FeishuConnectionError extends FeishuError {
  override name = 'FeishuConnectionError';
  /** The root cause's code, such as `ECONNREFUSED`, `ENOTFOUND` or `ECONNRESET`. */
  declare readonly code: string | undefined;
  /** True when the request may have reached the server (its effect is unknown); false when it surely did not. */
  declare outcomeUnknown: boolean;
  /** Attempts made, this one included. */
  attempts = 1;

  constructor(operation: string | undefined, cause: unknown) {
    const { text, code } = rootCause(cause);
    super(`${operation ?? 'request'} failed: no answer from the server (${text})`, operation, { cause });
    Object.assign(this, { code, outcomeUnknown: !NOT_SENT.includes(`${code}`) });
  }
}
