// Where a call's token comes from: a static token or the caller's provider. App credentials (the token
// exchange and its cache) are in app-credentials.ts, its own entry, so apps with a static token do not
// bundle them; they plug in through the APP_TOKENS hook on the auth option.
import type { Answer } from './attempt.js';
import { FeishuError } from './errors/feishu-error.js';
import type { SecretList } from './redact.js';
import type { CallContext, Send } from './send.js';

export const APP_TOKENS = Symbol.for('@feishu-task/client.app-tokens');

/** How a client or core authenticates without app credentials. Every token is sent as `Authorization: Bearer <token>`. */
export type TokenAuth =
  | { tenantAccessToken: string }
  | { userAccessToken: string }
  /** Called before each request; `refresh` is true after the server rejected the last token. */
  | { tokenProvider: (context: { refresh: boolean }) => string | Promise<string> };

/** App credentials, exchanged for a tenant_access_token that is cached until shortly before it expires. */
export interface AppCredentialsOption {
  appId: string;
  appSecret: string;
  refreshMarginMs?: number;
}

/** createClient's auth. */
export type AuthOption = TokenAuth | AppCredentialsOption;

/** What app credentials need from the core they serve: its send loop, to exchange them for a token. */
export interface TokenDeps {
  send_: Send;
  baseUrl_: string;
  /** The fetch the core was given (undefined: the global one): tokens are shared per fetch and domain. */
  transport_: object | undefined;
  secrets_: SecretList;
  context_: (signal?: AbortSignal) => CallContext;
  /** The FeishuApiError of a failed answer. */
  fail_: (operation: string, answer: Answer) => Error;
}

/** How app credentials make their token source from the core they serve (internal: not in the public types). */
export type AppTokens = (deps: TokenDeps) => TokenSource;

/**
 * App credentials made by appCredentials() (@feishu-task/client/app-credentials). What they carry for the
 * core is opaque: its internal names are shortened in the published bundle.
 */
export type AppCredentials = AppCredentialsOption & { readonly [APP_TOKENS]: unknown };

/** createCore's auth. */
export type CoreAuthOption = TokenAuth | AppCredentials;

export interface TokenSource {
  /** A token, synchronously when one is at hand (most calls: no promise to wait on). */
  get(): string | Promise<string>;
  /** Drops `token` if it is the current one; returns false when a new token cannot be had. */
  invalidate(token: string): boolean;
}

export function createTokenSource(auth: CoreAuthOption, secrets: SecretList, deps: () => TokenDeps): TokenSource {
  const token =
    (auth as { tenantAccessToken?: string }).tenantAccessToken ??
    (auth as { userAccessToken?: string }).userAccessToken;
  if (token) {
    secrets.pin_(token);
    return { get: () => token, invalidate: () => false };
  }
  if ('tokenProvider' in auth) {
    let refresh = false;
    return {
      async get() {
        let token: unknown;
        try {
          token = await auth.tokenProvider({ refresh });
        } catch (cause) {
          // The caller's provider failed: a FeishuError like every other failure (scrubbed on the way out).
          throw new FeishuError(`the token provider failed: ${(cause as Error)?.message ?? cause}`, undefined, {
            cause,
          });
        }
        if (typeof token !== 'string' || !token)
          throw new FeishuError('the token provider returned no token (a non-empty string)', undefined);
        refresh = false;
        secrets.add_(token);
        return token;
      },
      invalidate: () => {
        refresh = true;
        return true;
      },
    };
  }
  return ((auth as AppCredentials)[APP_TOKENS] as AppTokens)(deps());
}
