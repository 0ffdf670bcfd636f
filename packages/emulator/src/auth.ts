// Who is calling: the Authorization header checked as the platform's gateway does. Missing or not
// `Bearer <token>`: TokenMissing (99991661); an app access token (`a-`) where the operation's page
// documents "wrong kind of identity token" (Task v1's 1470403): IdentityTokenIncorrect; neither a tenant
// (`t-`) nor a user (`u-`) token: TokenFormatInvalid; unknown or expired tenant token:
// TenantTokenInvalid (99991663); unknown or expired user token: UserTokenInvalid. With `lenient`, any
// well-formed `t-` / `u-` token is accepted (for tests that never fetch one).
import type { Caller } from './journal.js';
import { DEFAULT_APP, DEFAULT_TENANT, deriveUser, type State } from './state.js';

export type AuthResult = { caller: Caller } | { error: string };

export interface AuthOptions {
  /** Accept unknown `t-` tokens as the default app's, unknown `u-<name>` tokens as user `ou_<name>`'s. */
  lenient?: boolean;
  /** The operation's documented answers by name (to answer a wrong kind of token as its page does). */
  documents?: { has(name: string): boolean };
}

export function authenticate(
  state: State,
  authorization: string | undefined,
  now: number,
  options: AuthOptions = {},
): AuthResult {
  const m = /^Bearer +(\S+)$/i.exec((authorization ?? '').trim());
  if (!m) return { error: 'TokenMissing' };
  const token = m[1] ?? '';
  if (token.startsWith('t-')) {
    const record = state.tenantTokens.get(token);
    if (record && record.expiresAt > now)
      return { caller: { kind: 'app', appId: record.appId, tenantKey: record.tenantKey } };
    if (options.lenient && !record && token.length > 2)
      return { caller: { kind: 'app', appId: DEFAULT_APP, tenantKey: DEFAULT_TENANT } };
    return { error: 'TenantTokenInvalid' };
  }
  if (token.startsWith('u-')) {
    const record = state.userTokens.get(token);
    if (record?.user && record.expiresAt > now)
      return { caller: { kind: 'user', appId: record.appId, tenantKey: record.tenantKey, user: record.user } };
    if (options.lenient && !record && token.length > 2) {
      const derived = deriveUser(`ou_${token.slice(2)}`, 'open_id');
      const user = state.findUser(derived.open_id, 'open_id') ?? state.addUser(derived);
      return { caller: { kind: 'user', appId: DEFAULT_APP, tenantKey: DEFAULT_TENANT, user: user.open_id } };
    }
    return { error: 'UserTokenInvalid' };
  }
  if (token.startsWith('a-') && options.documents?.has('IdentityTokenIncorrect'))
    return { error: 'IdentityTokenIncorrect' };
  return { error: 'TokenFormatInvalid' };
}
