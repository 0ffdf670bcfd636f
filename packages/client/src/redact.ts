// Secrets must never reach an error message, its JSON, inspect output or a log line. Each client keeps
// its own few secrets (the app secret, its static token, the last tenant tokens it fetched: a bounded
// list), and a per-call user token is scrubbed by that call only and never stored, so memory and the
// cost of building an error stay flat however many distinct tokens pass through. Token-shaped strings
// and bearer credentials are replaced by pattern too, in case a server or proxy echoes one back.

const TOKEN_SHAPES = /\b(Bearer\s+)[^\s"',;]+|\b([tu]-)[A-Za-z0-9._~+/=-]{6,}/g;
const SECRET_KEYS = /authorization|secret|token/i;

export type Scrub = (text: string) => string;

/** Replaces each of `secrets` and (unless `shapes` is false) every token shape in `text`. */
export function redactWith(secrets: (string | undefined)[], shapes?: boolean): Scrub {
  return (text) => {
    let out = text;
    for (const s of secrets) if (s && s.length >= 4 && out.includes(s)) out = out.split(s).join('[redacted]');
    if (!shapes) return out;
    // One of the two groups matched (the bearer word or the token prefix); the other is replaced by nothing.
    return out.replace(TOKEN_SHAPES, '$1$2[redacted]');
  };
}

export const redact: Scrub = redactWith([], true);

/** Redacts every string inside a JSON-like value (and any value under a secret-looking key). */
export function redactDeep<T>(value: T, scrub: Scrub = redact): T {
  if (typeof value === 'string') return scrub(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, scrub)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = SECRET_KEYS.test(k) && typeof v === 'string' ? '[redacted]' : redactDeep(v, scrub);
    }
    return out as T;
  }
  return value;
}

/** A client's own secrets: the pinned ones (app secret, static token) and at most `max` recent tokens. */
export class SecretList {
  private readonly pinned_: string[] = [];
  private readonly recent_: string[] = [];
  pin_(secret: string | undefined): void {
    if (secret) this.pinned_.push(secret);
  }
  add_(secret: string | undefined): void {
    const recent = this.recent_;
    if (secret && !recent.includes(secret) && recent.push(secret) > RECENT) recent.shift();
  }
  /**
   * A scrubber for this client's secrets plus `extra` (a call's user token); with `shapes`, every token
   * shape too. Errors take the secrets only: their server-sent parts were shape-scrubbed when built.
   */
  scrub_(extra?: string, shapes?: boolean): Scrub {
    return redactWith([...this.pinned_, ...this.recent_, extra], shapes);
  }
  get size_(): number {
    return this.pinned_.length + this.recent_.length;
  }
}

/** How many recent tokens a client keeps to scrub (the last few fetched; older ones have expired). */
const RECENT = 4;
