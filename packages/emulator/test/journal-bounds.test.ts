// The journal is bounded and loud about it: each entry keeps at most JOURNAL_BOUNDS of its body and
// answer, says what it cut, and stays readable whatever was sent.
import { REQUEST_LIMITS } from '@feishu-task/platform';
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../src/index.js';
import { JOURNAL_BOUNDS } from '../src/journal.js';
import { caller } from './call.js';
import { contractProblems, TASKLIST, workflowFixture } from './helpers.js';

describe('journal bounds', () => {
  it('a 3,000-member tasklist answered 20 times costs the journal a few KB per entry', async () => {
    const members = Array.from({ length: 3000 }, (_, i) => ({ id: `ou_big${i}`, role: 'viewer' as const }));
    const engine = createEmulator({
      fixture: { ...workflowFixture, tasklists: [{ guid: TASKLIST, owner: { id: 'ou_owner' }, members }] },
    });
    const { call, tenantToken } = caller(engine);
    const token = (await tenantToken()).tenant_access_token;
    const path = `/open-apis/task/v2/tasklists/${TASKLIST}/add_members`;
    for (let i = 0; i < 20; i++) {
      const answer = await call('POST', path, { members: [{ id: 'ou_big1', role: 'viewer' }] }, token);
      expect(answer.body.data.tasklist.members).toHaveLength(3000);
    }
    const entries = engine.journal({ operation: 'addTasklistMembers' });
    const size = JSON.stringify(entries).length;
    expect(size / entries.length).toBeLessThan(16 * 1024);
    const last = entries.at(-1)!;
    expect(last.cut).toEqual([`answer.data.tasklist.members: first ${JOURNAL_BOUNDS.items} of 3000 items kept`]);
    // A cut answer keeps the spec's shape.
    expect(contractProblems('POST', path, last.status, last.answer)).toEqual([]);
  });

  it('nesting within the platform limit is journaled cut to 8 levels; beyond it, refused and not journaled', async () => {
    const engine = createEmulator({ fixture: workflowFixture });
    const { tenantToken } = caller(engine);
    const token = (await tenantToken()).tenant_access_token;
    const send = (levels: number) =>
      engine.handle({
        method: 'POST',
        url: `/open-apis/task/v2/tasklists/${TASKLIST}/add_members`,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: `{"members":[{"id":"ou_d","x":${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}}]}`,
      });
    await send(REQUEST_LIMITS.nestingDepth - 10);
    expect(engine.journal().at(-1)?.cut?.[0]).toMatch(/nested deeper than 8 levels/);
    const before = engine.journal().length;
    const refused = await send(5000);
    expect(refused.status).toBe(400);
    // Refused by the request limits: in Feishu's shape, and not journaled.
    expect(refused.body).toMatchObject({ code: 9499 });
    expect(engine.journal()).toHaveLength(before);
  });
});
