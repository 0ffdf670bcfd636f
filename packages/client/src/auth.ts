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

export function createTokenSource(auth: AuthOption, exchange: ExchangeCredentials, secrets: SecretList): TokenSource {
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
  return new TenantTokenCache(auth.appId, auth.appSecret, auth.refreshMarginMs ?? 5 * 60_000, exchange, secrets);
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
    private readonly secrets: SecretList,
  ) {}

  get(): string | Promise<string> {
    if (this.token !== undefined && Date.now() < this.expiresAt - this.marginMs) return this.token;
    if (!this.inflight) {
      this.inflight = this.exchange(this.appId, this.appSecret)
        .then(({ token, expiresInSeconds }) => {
          this.secrets.add(token);
          this.token = token;
          this.expiresAt = Date.now() + (expiresInSeconds ?? DEFAULT_EXPIRE_SECONDS) * 1000;
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
