// Who is calling: the Authorization header checked as the platform's gateway does. Missing or not
// `Bearer <token>`: TokenMissing (99991661); neither a tenant (`t-`) nor a user (`u-`) token:
// TokenFormatInvalid; unknown or expired tenant token: TenantTokenInvalid (99991663); unknown or
// expired user token: UserTokenInvalid.
import type { Caller } from './journal.js';
import type { State } from './state.js';

export type AuthResult = { caller: Caller } | { error: string };

export function authenticate(state: State, authorization: string | undefined, now: number): AuthResult {
  const m = /^Bearer +(\S+)$/i.exec((authorization ?? '').trim());
  if (!m) return { error: 'TokenMissing' };
  const token = m[1] ?? '';
  if (token.startsWith('t-')) {
    const record = state.tenantTokens.get(token);
    if (!record || record.expiresAt <= now) return { error: 'TenantTokenInvalid' };
    return { caller: { kind: 'app', appId: record.appId, tenantKey: record.tenantKey } };
  }
  if (token.startsWith('u-')) {
    const record = state.userTokens.get(token);
    if (!record?.user || record.expiresAt <= now) return { error: 'UserTokenInvalid' };
    return { caller: { kind: 'user', appId: record.appId, tenantKey: record.tenantKey, user: record.user } };
  }
  return { error: 'TokenFormatInvalid' };
}
