// A fuzz corpus generated from the spec's operations (fast-check, fixed seed): wrong types, missing and
// unknown fields, 45 and 5,000 members, unicode and emoji ids, bad JSON, bad headers, odd query values.
// Every answer arrives, carries a code documented for the operation (or the platform's 99992402), and
// validates against the spec's schema for its status.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEmulator,
  type Emulator,
  type EmulatorRequest,
  type RunningEmulator,
  startEmulator,
} from '../src/index.js';
import { contractProblems, dereferenced, operationOf, TASK, TASKLIST, workflowFixture } from './helpers.js';

const documentedCodes = (operationId: string) => {
  const codes = new Set<number>([0, 99992402]);
  for (const item of Object.values<any>(dereferenced.paths))
    for (const op of Object.values<any>(item))
      if (op?.operationId === operationId)
        for (const response of Object.values<any>(op.responses))
          for (const ex of Object.values<any>(response.content?.['application/json']?.examples ?? {}))
            if (typeof ex.value?.code === 'number') codes.add(ex.value.code);
  return codes;
};

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('', ' ', '😀👩‍👩‍👧', 'ou_中文', 'x'.repeat(101), '../..', '%00', 'ou_1'),
);
const anyJson = fc.jsonValue({ maxDepth: 3 });
const member = fc.record(
  {
    id: fc.oneof(text, fc.integer(), fc.constant(null)),
    type: fc.oneof(fc.constantFrom('user', 'chat', 'app'), text),
    role: fc.oneof(fc.constantFrom('editor', 'viewer', 'owner'), text),
  },
  { requiredKeys: [] },
);
const validMember = fc.record(
  {
    id: fc.constantFrom('ou_f1', 'ou_f2', 'oc_f3', 'cli_f4', 'ou_owner'),
    type: fc.constantFrom('user', 'chat', 'app'),
    role: fc.constantFrom('editor', 'viewer'),
  },
  { requiredKeys: ['id'] },
);
const members = fc.oneof(
  { weight: 3, arbitrary: fc.array(validMember, { minLength: 1, maxLength: 3 }) },
  fc.array(member, { maxLength: 5 }),
  fc.constant(Array.from({ length: 45 }, (_, i) => ({ id: i, role: 'boss' }))),
  fc.constant(Array.from({ length: 5000 }, (_, i) => ({ id: `ou_${i}`, type: 'robot' }))),
  anyJson,
);
const bodies: Record<string, fc.Arbitrary<unknown>> = {
  addTaskCollaborators: fc.oneof(
    fc.record(
      { id_list: fc.oneof(fc.array(text, { maxLength: 60 }), anyJson), id: fc.oneof(text, fc.integer()) },
      { requiredKeys: [] },
    ),
    anyJson,
  ),
  removeTaskCollaborator: anyJson,
  addTasklistMembers: fc.oneof(
    { weight: 3, arbitrary: fc.record({ members }) },
    fc.record({ members, extra: anyJson }, { requiredKeys: [] }),
    anyJson,
  ),
  getTenantAccessToken: fc.oneof(
    fc.record({ app_id: fc.oneof(text, fc.integer()), app_secret: fc.oneof(text, fc.boolean()) }, { requiredKeys: [] }),
    anyJson,
  ),
};
const rawBody = (op: string) =>
  fc.oneof(
    { weight: 6, arbitrary: bodies[op]!.map((b) => JSON.stringify(b)) },
    { weight: 1, arbitrary: fc.constantFrom('', '{', '{"members":[', 'null', '[]', '\u0000', '😀') },
  );
const paths: Record<string, fc.Arbitrary<string>> = {
  addTaskCollaborators: fc
    .oneof(fc.constant(TASK), text)
    .map((t) => `/open-apis/task/v1/tasks/${encodeURIComponent(t)}/collaborators`),
  removeTaskCollaborator: fc
    .tuple(fc.oneof(fc.constant(TASK), text), text)
    .map(([t, c]) => `/open-apis/task/v1/tasks/${encodeURIComponent(t)}/collaborators/${encodeURIComponent(c)}`),
  addTasklistMembers: fc
    .oneof(fc.constant(TASKLIST), text)
    .map((g) => `/open-apis/task/v2/tasklists/${encodeURIComponent(g)}/add_members`),
  getTenantAccessToken: fc.constant('/open-apis/auth/v3/tenant_access_token/internal'),
};
const methods: Record<string, string> = {
  addTaskCollaborators: 'POST',
  removeTaskCollaborator: 'DELETE',
  addTasklistMembers: 'POST',
  getTenantAccessToken: 'POST',
};

function requests(tenant: string, user: string): fc.Arbitrary<{ op: string; request: EmulatorRequest }> {
  return fc.constantFrom(...Object.keys(methods)).chain((op) =>
    fc
      .record({
        path: paths[op]!,
        query: fc.option(fc.oneof(fc.constantFrom('open_id', 'union_id', 'user_id'), text), { nil: undefined }),
        auth: fc.constantFrom(
          `Bearer ${tenant}`,
          `Bearer ${tenant}`,
          `Bearer ${user}`,
          undefined,
          '',
          'Bearer',
          'Basic abc',
          'Bearer t-unknown',
          'Bearer u-unknown',
          'Bearer 12345',
          `bearer  ${tenant}`,
        ),
        body: rawBody(op),
        contentType: fc.constantFrom('application/json', 'text/plain', undefined),
      })
      .map(({ path, query, auth, body, contentType }) => ({
        op,
        request: {
          method: methods[op]!,
          url: query === undefined ? path : `${path}?user_id_type=${encodeURIComponent(query)}`,
          headers: { authorization: auth, 'content-type': contentType },
          body,
        },
      })),
  );
}

describe('fuzz corpus', () => {
  let engine: Emulator;
  let tenant: string;
  let user: string;
  beforeAll(async () => {
    // Quotas off here so that the corpus reaches validation and the operations, not only the 429.
    engine = createEmulator({ fixture: workflowFixture, quotas: false, taskFrequency: false });
    const answer = await engine.handle({
      method: 'POST',
      url: '/open-apis/auth/v3/tenant_access_token/internal',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ app_id: 'cli_fuzz', app_secret: 'fuzz' }),
    });
    tenant = (answer.body as { tenant_access_token: string }).tenant_access_token;
    user = engine.issueUserToken('ou_editor').token;
  });

  it('2,500 generated requests: documented codes, documented statuses, bodies valid for their status', async () => {
    const problems: string[] = [];
    const codes = new Map<string, Set<number>>();
    await fc.assert(
      fc.asyncProperty(requests('t-placeholder', 'u-placeholder'), async ({ op, request }) => {
        const headers = {
          ...request.headers,
          authorization: request.headers.authorization?.replace('t-placeholder', tenant).replace('u-placeholder', user),
        };
        const answer = await engine.handle({ ...request, headers });
        const path = new URL(request.url, 'http://x').pathname;
        const code = (answer.body as { code?: number }).code;
        // An empty path segment names no operation: the gateway's documented 400 / 9499, as for any unknown path.
        if (!operationOf(request.method, path)) {
          if (answer.status !== 400 || code !== 9499)
            problems.push(`${request.method} ${path}: ${answer.status} / ${code} for an unknown path`);
          return;
        }
        if (!documentedCodes(op).has(code as number)) problems.push(`${op}: undocumented code ${code}`);
        problems.push(...contractProblems(request.method, path, answer.status, answer.body));
        if (!codes.has(op)) codes.set(op, new Set());
        codes.get(op)!.add(code as number);
      }),
      { numRuns: 2500, seed: 20261121 },
    );
    expect(problems.slice(0, 10)).toEqual([]);
    expect(engine.contractViolations()).toEqual([]);
    // The corpus reaches deep: validation, tokens and the operations' own errors.
    expect([...codes.get('addTasklistMembers')!]).toEqual(
      expect.arrayContaining([0, 1470400, 1470404, 99991661, 99991663, 99991668, 99991671]),
    );
    expect([...codes.get('addTaskCollaborators')!]).toEqual(expect.arrayContaining([0, 99992402, 1470602, 1470431]));
    expect([...codes.get('getTenantAccessToken')!]).toEqual(expect.arrayContaining([0, 10003, 10014]));
  }, 120_000);
});

describe('fuzz over HTTP', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ fixture: workflowFixture });
  });
  afterAll(() => emu.close());

  it('odd methods, paths, headers and bodies: every answer within 2 s, the server stays up', async () => {
    const odd: [string, string, RequestInit?][] = [
      ['GET', '/open-apis/task/v1/tasks/x/collaborators'],
      ['PUT', '/open-apis/task/v2/tasklists/x/add_members'],
      ['POST', '/open-apis/task/v2/tasklists//add_members'],
      ['POST', '/open-apis/task/v2/tasklists/%E0%A4%A/add_members'],
      ['POST', '/'],
      ['POST', `/open-apis/task/v2/tasklists/${'a'.repeat(5000)}/add_members`],
      ['POST', '/open-apis/task/v2/tasklists/x/add_members', { headers: { authorization: 'Bearer '.repeat(500) } }],
      ['POST', '/open-apis/task/v2/tasklists/x/add_members', { body: 'x'.repeat(2_000_000) }],
      ['DELETE', '/open-apis/task/v1/tasks/x/collaborators/y', { body: '{}' }],
      ['POST', '/__emulator/nothing'],
      ['POST', '/__emulator/faults', { body: '{"operation":"nope"}' }],
    ];
    for (const [method, path, init] of odd) {
      const started = performance.now();
      const response = await fetch(emu.url + path, { method, ...init, signal: AbortSignal.timeout(2000) });
      const body = await response.json();
      expect(performance.now() - started).toBeLessThan(2000);
      expect(body).toBeTypeOf('object');
      if (!path.startsWith('/__emulator'))
        expect(body).toMatchObject({ code: expect.any(Number), msg: expect.any(String) });
    }
    const health = await fetch(`${emu.url}/__emulator/health`);
    expect(await health.json()).toEqual({ ok: true });
  });
});
