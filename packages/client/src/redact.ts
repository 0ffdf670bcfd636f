// Secrets must never reach an error message, its JSON, inspect output or a log line. Known secrets
// (the app secret, every token this client handled) are replaced by value; token-shaped strings and
// bearer credentials are replaced by pattern, in case a server or proxy echoes one back.

const known = new Set<string>();
const TOKEN_SHAPES = /\b(Bearer\s+)[^\s"',;]+|\b([tu]-)[A-Za-z0-9._~+/=-]{6,}/g;

/** Registers a secret so that `redact` removes it wherever it appears. */
export function rememberSecret(secret: string | undefined): void {
  if (secret && secret.length >= 4) known.add(secret);
}

export function redact(text: string): string {
  let out = text;
  for (const secret of known) if (out.includes(secret)) out = out.split(secret).join('[redacted]');
  return out.replace(TOKEN_SHAPES, (_m, bearer: string | undefined, prefix: string | undefined) =>
    bearer ? `${bearer}[redacted]` : `${prefix}[redacted]`,
  );
}

/** Redacts every string inside a JSON-like value. */
export function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map(redactDeep) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = /authorization|secret|token/i.test(k) && typeof v === 'string' ? '[redacted]' : redactDeep(v);
    }
    return out as T;
  }
  return value;
}
