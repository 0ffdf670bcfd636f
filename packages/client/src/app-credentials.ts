// @feishu-task/client/app-credentials: app credentials exchanged for a tenant_access_token (the spec's
// getTenantAccessToken), cached until shortly before it expires. An entry of its own: apps with a static
// token or a token provider never bundle the exchange. createClient uses it for `{ appId, appSecret }`.
import { getTenantAccessToken } from '@feishu-task/types/operations';
import {
  APP_TOKENS,
  type AppCredentials,
  type AppCredentialsOption,
  type TokenDeps,
  type TokenSource,
} from './auth.js';
import { ownCopy } from './errors/own-copy.js';
import { fingerprint } from './fingerprint.js';
import { note } from './operation.js';

/**
 * Lifetime assumed when a token answer carries no `expire`: 30 minutes, the least a token the endpoint
 * hands out can have left (it issues a new one only when less than 30 minutes remain).
 */
export const DEFAULT_EXPIRE_SECONDS = 1800;

type Exchange = (appId: string, appSecret: string) => Promise<{ token: string; expiresInSeconds: number | undefined }>;

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

/** `{ appId, appSecret }` for createCore's `auth`: the core exchanges them for a tenant token as needed. */
export function appCredentials(credentials: AppCredentialsOption): AppCredentials {
  return { ...credentials, [APP_TOKENS]: (deps: TokenDeps) => tokenSource(credentials, deps) };
}

function tokenSource(auth: AppCredentialsOption, deps: TokenDeps): TokenSource {
  const { secrets_: secrets } = deps;
  secrets.pin_(auth.appSecret);
  note(getTenantAccessToken);
  const exchange: Exchange = async (app_id, app_secret) => {
    const op = getTenantAccessToken;
    const answer = await deps.send_(
      op.id,
      {
        method: op.method,
        url: deps.baseUrl_ + op.path,
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify({ app_id, app_secret }),
      },
      deps.context_(),
    );
    const { tenant_access_token: token, expire } = answer.json as { tenant_access_token?: unknown; expire?: unknown };
    if (!answer.response.ok || answer.json.code !== 0 || typeof token !== 'string') throw deps.fail_(op.id, answer);
    return { token, expiresInSeconds: typeof expire === 'number' ? expire : undefined };
  };
  const margin = auth.refreshMarginMs ?? 5 * 60_000;
  const cache = sharedCache(
    deps.transport_,
    [deps.baseUrl_, auth.appId, fingerprint(auth.appSecret), margin].join('\u0000'),
    () => new TenantTokenCache(auth.appId, auth.appSecret, margin, exchange),
  );
  // Each client scrubs the tokens it was handed, wherever they came from.
  let seen: string | undefined;
  const noteToken = (token: string) => {
    if (token !== seen) {
      seen = token;
      secrets.add_(token);
    }
    return token;
  };
  return {
    get() {
      const token = cache.get();
      return typeof token === 'string'
        ? noteToken(token)
        : token.then(noteToken, (error) => {
            // One exchange's failure reaches every call that waited for it: each gets a copy of its own.
            throw ownCopy(error);
          });
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
    private readonly exchange: Exchange,
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
