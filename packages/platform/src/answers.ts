// The documented answers, built the same way by both doors: an example of the spec with the answer's
// log id (and the troubleshooter link the platform adds) in `error`; the gateway's refusals with `msg`
// saying why; the invalid-fields answer with `error.field_violations`.
import type { Json } from './json.js';
import type { DocumentedAnswer, Platform, PlatformOperation } from './model.js';
import type { FieldViolation } from './violations.js';

export interface Answer {
  status: number;
  body: Json;
  headers?: Record<string, string>;
}

/** What stands for a secret in answers, journals and snapshots. */
export const REDACTED = '[redacted]';

const troubleshooter = (logId: string, code: number) =>
  `https://open.feishu.cn/search?from=openapi&log_id=${logId}&code=${code}`;

/** A documented answer with this answer's log id; `msg` replaces the example's, `error` adds to it. */
export function answerWith(
  documented: DocumentedAnswer,
  logId: string,
  extra: { msg?: string; error?: Json } = {},
): Answer {
  const { value } = documented;
  return {
    status: documented.status,
    body: {
      ...value,
      ...(extra.msg ? { msg: extra.msg } : {}),
      error: {
        ...(value.error ?? {}),
        ...extra.error,
        log_id: logId,
        troubleshooter: troubleshooter(logId, documented.code),
      },
    },
  };
}

/** The operation's documented answer named `name`; an unknown name is a bug of the caller (it throws). */
export function documentedAnswer(op: PlatformOperation, name: string, logId: string, error?: Json): Answer {
  const found = op.byName.get(name);
  if (!found) throw new Error(`the spec documents no ${name} answer for ${op.id}`);
  return answerWith(found, logId, error ? { error } : {});
}

/** The gateway's refusal of a request it cannot route or read (HTTP 400, 9499), `msg` saying why. */
export function gatewayRefusal(platform: Platform, detail: string, logId: string): Answer {
  const bad = platform.gateway.badRequest;
  return answerWith(bad, logId, { msg: `${bad.value.msg}: ${detail}` });
}

/** The gateway's answer when the service behind it did not answer (HTTP 503, 9499). */
export function gatewayUnavailable(platform: Platform, detail: string, logId: string): Answer {
  return answerWith(platform.gateway.unavailable, logId, { error: { message: detail } });
}

/**
 * A request that fails validation: the operation's invalid-fields answer (its own page's code when it
 * documents one), always with `error.field_violations` naming what is wrong; the value of a secret
 * field (`format: password`, `writeOnly`) is never echoed.
 */
export function invalidFields(op: PlatformOperation, violations: FieldViolation[], logId: string): Answer {
  const shown = violations.map((v) =>
    v.value !== undefined && op.secretFields.some((f) => v.field === f || v.field.startsWith(`${f}.`))
      ? { ...v, value: REDACTED }
      : v,
  );
  return answerWith(op.invalid, logId, { error: { field_violations: shown } });
}
