// No request can crash or hang the mock: 2,000 malformed requests across every operation (wrong types,
// missing and unknown fields, 45 and 5,000 invalid members, unicode and emoji ids, huge and slow bodies,
// bad headers, odd paths and methods). Every answer comes within 2 s, is `{code, msg}` with a code the
// spec documents for that operation or for the platform, under its documented status, and the mock
// process (the CLI, in its own process) is still up at the end.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { errorExamples, HTTP_METHODS, loadSpec, operations } from '@feishu-task/spec-tools';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raw } from './raw.js';

const spec = loadSpec(import.meta.url, 'dereferenced');
const ops = [...operations(spec)];
const gatewayPairs = Object.entries<any>(spec['x-feishu-gateway-responses']).map(([status, r]) => {
  const value = Object.values<{ value: { code: number } }>(r.content['application/json'].examples)[0]!.value;
  return `${status}/${value.code}`;
});
const documented = new Map(
  ops.map((o) => [
    o,
    new Set([
      ...errorExamples(o.operation).map((e) => `${e.status}/${e.code}`),
      ...Object.keys(o.operation.responses)
        .filter((s) => s.startsWith('2'))
        .map((s) => `${s}/0`),
    ]),
  ]),
);
const templateOf = (op: (typeof ops)[number]) => new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '[^/?]+')}(\\?|$)`);

let child: ChildProcess;
let base: string;
beforeAll(async () => {
  const bin = fileURLToPath(new URL('../bin/feishu-task-mock.js', import.meta.url));
  child = spawn(process.execPath, [bin, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  base = /listening on (\S+)/.exec(line)![1]!;
}, 90_000);
afterAll(() => {
  child?.kill('SIGTERM');
});

const printable = fc.string({
  unit: fc.constantFrom(
    ...' !#$%&()*+-.0123456789:;<=>@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~'.split(''),
  ),
  maxLength: 40,
});
const weirdText = fc.oneof(
  fc.string({ maxLength: 120 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('', '..', '.', '🙂🙃', 'ou_\u0000', '\u202e', 'x'.repeat(5000), 'ou_😀'.repeat(30)),
);
const idSegment = fc.oneof(
  weirdText.map(encodeURIComponent),
  fc.constantFrom('..', '%2e%2E', '%00', '%ZZ', 'a;b', 'ou_1'),
);
const badMember = fc.record(
  {
    id: fc.oneof(weirdText, fc.integer(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 })),
    type: fc.oneof(fc.constantFrom('user', 'chat', 'app', 'group', 'USER', ''), fc.integer()),
    role: fc.oneof(fc.constantFrom('editor', 'viewer', 'owner', 'creator', ''), fc.boolean()),
    extra: fc.jsonValue({ maxDepth: 2 }),
  },
  { requiredKeys: [] },
);
const members = (min: number, max: number) => fc.array(badMember, { minLength: min, maxLength: max });
const bodyValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record({ members: fc.oneof(members(0, 5), fc.jsonValue({ maxDepth: 2 })) }, { requiredKeys: [] }),
  members(45, 45).map((m) => ({ members: m.map((x) => ({ ...x, role: 'owner' })) })),
  fc.record(
    {
      id_list: fc.oneof(fc.array(weirdText, { maxLength: 60 }), fc.jsonValue({ maxDepth: 2 })),
      id: fc.jsonValue({ maxDepth: 1 }),
      unknown: fc.jsonValue({ maxDepth: 1 }),
    },
    { requiredKeys: [] },
  ),
  fc.record({ app_id: fc.jsonValue({ maxDepth: 1 }), app_secret: fc.jsonValue({ maxDepth: 1 }) }, { requiredKeys: [] }),
);
const body = fc.oneof(
  { weight: 6, arbitrary: bodyValue.map((v) => JSON.stringify(v) ?? '') },
  { weight: 2, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)) },
  { weight: 1, arbitrary: fc.constantFrom('{"members":[', '{', '[]', 'null', '"x"', '{"members":null}') },
);
const header = fc.record(
  {
    authorization: fc.oneof(
      fc.constantFrom('Bearer t-1', 'bearer t-1', 'BEARER  u-2', 'Bearer', 'Basic dTpw', '', 'Bearer t-1 extra'),
      printable,
    ),
    'content-type': fc.oneof(
      fc.constantFrom('application/json', 'text/plain', 'application/json; charset=utf-8', 'multipart/form-data', ''),
      printable,
    ),
    prefer: fc.oneof(
      fc.constantFrom(
        'code=400',
        'code=999',
        'example=Nope',
        'code=400, example=TokenMissing',
        'code=abc',
        'dynamic=true',
      ),
      printable,
    ),
    'x-odd': printable,
  },
  { requiredKeys: [] },
);
const request = fc.record({
  op: fc.constantFrom(...ops.map((o) => o.id)),
  method: fc.oneof(
    { weight: 8, arbitrary: fc.constant('') },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        ...HTTP_METHODS.filter((m) => m !== 'head').map((m) => m.toUpperCase()),
        'PROPFIND',
        'PURGE',
      ),
    },
  ),
  path: fc.oneof(
    { weight: 8, arbitrary: fc.constant('') },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '/',
        '/open-apis',
        '/open-apis/task/v1/tasks//collaborators',
        '//open-apis/task/v2',
        '/open-apis/auth/v3/tenant_access_token/internal/..',
        `/${'%41'.repeat(3000)}`,
      ),
    },
  ),
  ids: fc.array(idSegment, { minLength: 2, maxLength: 2 }),
  query: fc.oneof(
    fc.constant(''),
    fc.constantFrom(
      '?user_id_type=email',
      '?user_id_type=open_id',
      '?user_id_type=',
      '?a=%ZZ&&=',
      '?user_id_type=union_id&user_id_type=x',
    ),
  ),
  headers: header,
  body: fc.oneof({ weight: 9, arbitrary: body }, { weight: 1, arbitrary: fc.constant(undefined) }),
  shape: fc.constantFrom(
    'plain',
    'plain',
    'plain',
    'plain',
    'plain',
    'plain',
    'plain',
    'plain',
    'plain',
    'slow',
    'huge',
    'many',
  ),
});

describe('fuzz: malformed requests across every operation', () => {
  it('2,000 requests: each answered within 2 s in a documented envelope; the process stays up', async () => {
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const target = ops.find((o) => o.id === r.op)!;
        let i = 0;
        const method = r.method || target.method.toUpperCase();
        const path = r.path || target.path.replace(/\{[^}]+\}/g, () => r.ids[i++]!) + r.query;
        let payload: Buffer | string | undefined = r.body;
        if (r.shape === 'huge') payload = Buffer.alloc(2 * 1024 * 1024 + 1, 'a');
        if (r.shape === 'many')
          payload = JSON.stringify({
            members: Array.from({ length: 5000 }, (_, k) => ({ id: k, type: 'group', role: 'owner' })),
          });
        const answer = await raw(base, {
          method,
          path,
          headers: r.headers as Record<string, string>,
          body: payload,
          chunkDelayMs: r.shape === 'slow' ? 100 : 0,
          timeoutMs: 2000 + (r.shape === 'slow' ? 600 : 0),
        });
        const parsed = JSON.parse(answer.text);
        expect(typeof parsed.code).toBe('number');
        expect(typeof parsed.msg).toBe('string');
        const pair = `${answer.status}/${parsed.code}`;
        const op = ops.find((o) => o.method.toUpperCase() === method && templateOf(o).test(path));
        const allowed = new Set([...gatewayPairs, ...(op ? documented.get(op)! : [])]);
        expect(allowed.has(pair), `${method} ${path.slice(0, 120)} -> ${pair} ${answer.text.slice(0, 200)}`).toBe(true);
        expect(pair, `the mock lost Prism: ${answer.text.slice(0, 300)}`).not.toBe(gatewayPairs[1]);
        seen.set(pair, (seen.get(pair) ?? 0) + 1);
      }),
      { numRuns: 2000, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31), endOnFailure: true },
    );
    expect(child.exitCode).toBeNull();
    const after = await raw(base, {
      method: 'POST',
      path: '/open-apis/auth/v3/tenant_access_token/internal',
      headers: { 'content-type': 'application/json' },
      body: '{"app_id":"cli_1","app_secret":"s"}',
    });
    expect(JSON.parse(after.text).code).toBe(0);
    // The corpus reached the validation answers, not only the gateway's.
    expect([...seen.keys()].length).toBeGreaterThan(4);
  }, 600_000);
});
