// Secrets never reach the journal or an answer: app secrets (fields the spec marks `format: password`
// or `writeOnly`) and the tokens the emulator issues.
export const REDACTED = '[redacted]';

export function redactTokens(body: unknown): unknown {
  if (!body || typeof body !== 'object') return body;
  const copy: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const key of Object.keys(copy)) if (key.endsWith('access_token')) copy[key] = REDACTED;
  return copy;
}

/** The body with its secret fields replaced (a secret sent as text that is not JSON is not kept at all). */
export function redact(body: unknown, fields: string[]): unknown {
  if (typeof body === 'string') return REDACTED;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const copy: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const f of fields) if (f in copy) copy[f] = REDACTED;
  return copy;
}
