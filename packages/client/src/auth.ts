import { fingerprint } from './fingerprint.js';
import type { SecretList } from './redact.js';

/** How the client authenticates. Every token is sent as `Authorization: Bearer <token>`. */
export type AuthOption =
  | { tenantAccessToken: string }
  | { userAccessToken: string }
  /** Called before each request; `refresh` is true after the server rejected the last token. */
  | { tokenProvider: (context: { refresh: boolean }) => string | Promise<string> }
  /** App credentials, exchanged for a tenant_access_token that is cached until shortly before it expires. */
  | { appId: string; appSecret: string; refreshMarginMs?: number };

export interface TokenSource {
  /** A token, synchronously when one is at hand (most calls: no promise to wait on). */
  get(): string | Promise<string>;
  /** Drops `token` if it is the current one; returns false when a new token cannot be had. */
  invalidate(token: string): boolean;
}

export type ExchangeCredentials = (
  appId: string,
  appSecret: string,
) => Promise<{ token: string; expiresInSeconds: number | undefined }>;

/**
 * Lifetime assumed when a token answer carries no `expire`: 30 minutes, the least a token the endpoint
 * hands out can have left (it issues a new one only when less than 30 minutes remain).
 */
export const DEFAULT_EXPIRE_SECONDS = 1800;

// Tenant tokens are shared by every client of one app in the process (same transport, domain, app id,
// secret and margin): short-lived clients then make one exchange, not one each. An entry lives until its
// token expires; entries of other apps are swept when a new one is made.
const DEFAULT_TRANSPORT = {};
const shared = new WeakMap<object, Map<string, TenantTokenCache>>();

function sharedCache(transport: object | undefined, name: string, make: () => TenantTokenCache): TenantTokenCache {
  let byName = shared.get(transport ?? DEFAULT_TRANSPORT);
  if (!byName) {
    byName = new Map();
    shared.set(transport ?? DEFAULT_TRANSPORT, byName);
  }
  let cache = byName.get(name);
  if (!cache) {
    for (const [other, c] of byName) if (c.idle()) byName.delete(other);
    cache = make();
    byName.set(name, cache);
  }
  return cache;
}

/**
 * `share`: where the tenant token of app credentials is shared (the fetch given, or the global one, and
 * the domain); undefined keeps it to this client.
 */
export function createTokenSource(
  auth: AuthOption,
  exchange: ExchangeCredentials,
  secrets: SecretList,
  share?: { transport: object | undefined; domain: string },
): TokenSource {
  if ('tenantAccessToken' in auth || 'userAccessToken' in auth) {
    const token = 'tenantAccessToken' in auth ? auth.tenantAccessToken : auth.userAccessToken;
    secrets.pin(token);
    return { get: () => token, invalidate: () => false };
  }
  if ('tokenProvider' in auth) {
    let refresh = false;
    return {
      async get() {
        const token = await auth.tokenProvider({ refresh });
        refresh = false;
        secrets.add(token);
        return token;
      },
      invalidate: () => {
        refresh = true;
        return true;
      },
    };
  }
  secrets.pin(auth.appSecret);
  const margin = auth.refreshMarginMs ?? 5 * 60_000;
  const make = () => new TenantTokenCache(auth.appId, auth.appSecret, margin, exchange);
  const cache = share
    ? sharedCache(share.transport, [share.domain, auth.appId, fingerprint(auth.appSecret), margin].join('\u0000'), make)
    : make();
  // Each client scrubs the tokens it was handed, wherever they came from.
  let seen: string | undefined;
  const note = (token: string) => {
    if (token !== seen) {
      seen = token;
      secrets.add(token);
    }
    return token;
  };
  return {
    get() {
      const token = cache.get();
      return typeof token === 'string' ? note(token) : token.then(note);
    },
    invalidate: (token) => cache.invalidate(token),
  };
}

/** Caches the tenant token; all concurrent callers share one exchange (single flight). */
class TenantTokenCache implements TokenSource {
  private token: string | undefined;
  private expiresAt = 0;
  private inflight: Promise<string> | undefined;

  constructor(
    private readonly appId: string,
    private readonly appSecret: string,
    private readonly marginMs: number,
    private readonly exchange: ExchangeCredentials,
  ) {}

  /** No token worth keeping and no exchange under way. */
  idle(): boolean {
    return !this.inflight && (this.token === undefined || performance.now() >= this.expiresAt - this.marginMs);
  }

  get(): string | Promise<string> {
    if (this.token !== undefined && performance.now() < this.expiresAt - this.marginMs) return this.token;
    if (!this.inflight) {
      this.inflight = this.exchange(this.appId, this.appSecret)
        .then(({ token, expiresInSeconds }) => {
          this.token = token;
          // On the monotonic clock: stepping the wall clock must not keep or drop a token.
          this.expiresAt = performance.now() + (expiresInSeconds ?? DEFAULT_EXPIRE_SECONDS) * 1000;
          return token;
        })
        .finally(() => {
          this.inflight = undefined;
        });
    }
    return this.inflight;
  }

  invalidate(token: string): boolean {
    if (this.token === token) this.token = undefined;
    return true;
  }
}
