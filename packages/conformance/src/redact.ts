// Credentials and tokens never reach the report, the exchanges file or the console: fields that carry
// them are replaced by key, and every secret the run knows (the app secret, the user token, every token
// an answer handed out) is replaced wherever else it appears.
export const REDACTED = '[redacted]';

const SECRET_KEYS = new Set([
  'app_secret',
  'tenant_access_token',
  'app_access_token',
  'user_access_token',
  'authorization',
]);

export class Redactor {
  private readonly secrets = new Set<string>();

  add(secret: string | undefined): void {
    // Very short strings would blank out ordinary text; no real secret or token is that short.
    if (typeof secret === 'string' && secret.length >= 6) this.secrets.add(secret);
  }

  text(value: string): string {
    let out = value;
    for (const secret of this.secrets) out = out.split(secret).join(REDACTED);
    return out;
  }

  /** A deep copy with secret fields and every known secret replaced. */
  value<T>(value: T): T {
    const walk = (v: unknown, key?: string): unknown => {
      if (key !== undefined && SECRET_KEYS.has(key.toLowerCase()) && typeof v === 'string')
        return key.toLowerCase() === 'authorization'
          ? v.replace(/^(\S+\s+)?.*$/, (_, scheme = '') => `${scheme}${REDACTED}`)
          : REDACTED;
      if (typeof v === 'string') return this.text(v);
      if (Array.isArray(v)) return v.map((x) => walk(x));
      if (v && typeof v === 'object')
        return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, walk(x, k)]));
      return v;
    };
    return walk(value) as T;
  }
}
