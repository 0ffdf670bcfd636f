// Redaction lives in each client and in each call: however many distinct user tokens pass through, the
// client holds the same few secrets, so the work of scrubbing an error does not grow with them, and each
// call's token is still scrubbed from its own error. (The heap figure for 200,000 tokens is in `pnpm bench`.)
import { describe, expect, it } from 'vitest';
import { type ClientInternals, INTERNALS } from '../src/internals.js';
import { createClient } from './helpers/client-form.js';
import { addCollaborators } from './helpers/inputs.js';

describe('redaction in bounded memory', () => {
  it('500 distinct user tokens: the secrets looked for stay the same, each token scrubbed from its error', async () => {
    // Every call fails with an answer that echoes the caller's token glued to a word, where no token
    // pattern sees it: only the call's own scrubbing can remove it.
    const fetch = (async (_url: string, init: RequestInit) => {
      const token = new Headers(init.headers).get('authorization')!.slice('Bearer '.length);
      return new Response(JSON.stringify({ code: 1470404, msg: `refused forX${token}` }), { status: 400 });
    }) as typeof globalThis.fetch;
    const client = createClient({
      domain: 'http://feishu.test',
      auth: { tenantAccessToken: 't-static' },
      throttle: false,
      fetch,
    });
    const secrets = (client as unknown as Record<symbol, ClientInternals>)[INTERNALS]!.secretCount;
    const call = (i: number) =>
      client.addTaskCollaborators(addCollaborators, { userAccessToken: `u-user-token-${i}` }).catch((e) => e);

    const first = await call(0);
    expect(first.message).toContain('refused forX[redacted]');
    const before = secrets();
    const errors = await Promise.all(Array.from({ length: 500 }, (_, i) => call(i + 1)));
    expect(secrets()).toBe(before);
    errors.forEach((error, i) => {
      expect(error.message).not.toContain(`user-token-${i + 1}`);
      expect(error.message).toContain('refused forX[redacted]');
    });
  });
});
