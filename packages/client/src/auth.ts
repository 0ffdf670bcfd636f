import { rememberSecret } from './redact.js';

/** How the client authenticates. Every token is sent as `Authorization: Bearer <token>`. */
export type AuthOption =
  | { tenantAccessToken: string }
  | { userAccessToken: string }
  /** Called before each request; `refresh` is true after the server rejected the last token. */
  | { tokenProvider: (context: { refresh: boolean }) => string | Promise<string> }
  /** App credentials, exchanged for a tenant_access_token that is cached until shortly before it expires. */
  | { appId: string; appSecret: string; refreshMarginMs?: number };

export interface TokenSource {
  get(): Promise<string>;
  /** Drops `token` if it is the current one; returns false when a new token cannot be had. */
  invalidate(token: string): boolean;
}

export type ExchangeCredentials = (
  appId: string,
  appSecret: string,
) => Promise<{ token: string; expiresInSeconds: number }>;

export function createTokenSource(auth: AuthOption, exchange: ExchangeCredentials): TokenSource {
  if ('tenantAccessToken' in auth || 'userAccessToken' in auth) {
    const token = 'tenantAccessToken' in auth ? auth.tenantAccessToken : auth.userAccessToken;
    rememberSecret(token);
    return { get: async () => token, invalidate: () => false };
  }
  if ('tokenProvider' in auth) {
    let refresh = false;
    return {
      async get() {
        const token = await auth.tokenProvider({ refresh });
        refresh = false;
        rememberSecret(token);
        return token;
      },
      invalidate: () => (refresh = true),
    };
  }
  return new TenantTokenCache(auth.appId, auth.appSecret, auth.refreshMarginMs ?? 5 * 60_000, exchange);
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
  ) {
    rememberSecret(appSecret);
  }

  get(): Promise<string> {
    if (this.token !== undefined && Date.now() < this.expiresAt - this.marginMs) return Promise.resolve(this.token);
    return (this.inflight ??= this.exchange(this.appId, this.appSecret)
      .then(({ token, expiresInSeconds }) => {
        rememberSecret(token);
        this.token = token;
        this.expiresAt = Date.now() + expiresInSeconds * 1000;
        return token;
      })
      .finally(() => {
        this.inflight = undefined;
      }));
  }

  invalidate(token: string): boolean {
    if (this.token === token) this.token = undefined;
    return true;
  }
}
