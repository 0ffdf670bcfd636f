// Each rule of `pnpm spec:diff` (and of the gate, which uses the same code) held to a mutation of a copy of
// the spec: the mutation is found under that rule, at that rule's level, and the whole change needs that
// level. Every rule has a mutation here, and spec/README.md's table is exactly the rules.
import { readFileSync } from 'node:fs';
import { diffSpecs, LEVELS, loadSpec, RULES } from '@feishu-task/spec-tools';
import { describe, expect, it } from 'vitest';

const spec = loadSpec(import.meta.url, 'dereferenced');
const ADD = '/open-apis/task/v1/tasks/{task_id}/collaborators';
const DEL = '/open-apis/task/v1/tasks/{task_id}/collaborators/{collaborator_id}';
const MEM = '/open-apis/task/v2/tasklists/{tasklist_guid}/add_members';
const TOK = '/open-apis/auth/v3/tenant_access_token/internal';

type Doc = any;
const add = (d: Doc) => d.paths[ADD].post;
const del = (d: Doc) => d.paths[DEL].delete;
const mem = (d: Doc) => d.paths[MEM].post;
const tok = (d: Doc) => d.paths[TOK].post;
const json = (r: any) => r.content['application/json'];
const tasklist = (d: Doc) => json(mem(d).responses['200']).schema.properties.data.properties.tasklist;
const role = (d: Doc) => tasklist(d).properties.members.items.properties.role;
const members = (d: Doc) => json(mem(d).requestBody).schema.properties.members;
const param = (op: any, name: string) => op.parameters.find((p: any) => p.name === name);
const examples = (op: any, status: string) => json(op.responses[status]).examples;
const exampleOf = (op: any, code: number) =>
  Object.entries<any>(op.responses).flatMap(([status, r]) =>
    Object.entries<any>(r.content?.['application/json']?.examples ?? {})
      .filter(([, e]) => e['x-feishu-error']?.code === code)
      .map(([name, e]) => ({ status, name, e })),
  )[0]!;
const rename = (obj: any, from: string, to: string) => {
  obj[to] = obj[from];
  delete obj[from];
};

// rule -> the mutation (and, where the rule is about a shape the spec does not have, the base it starts from).
const MUTATIONS: Record<string, { mutate: (d: Doc) => void; base?: (d: Doc) => void }> = {
  'operation-removed': { mutate: (d) => delete d.paths[DEL].delete },
  'operation-added': {
    mutate: (d) => {
      d.paths['/open-apis/task/v1/tasks/{task_id}/followers'] = {
        post: { ...add(d), operationId: 'addTaskFollowers' },
      };
    },
  },
  'operation-id-changed': { mutate: (d) => (add(d).operationId = 'createTaskCollaborators') },
  'parameter-removed': {
    mutate: (d) => (add(d).parameters = add(d).parameters.filter((p: any) => p.name !== 'user_id_type')),
  },
  'parameter-added': {
    mutate: (d) => add(d).parameters.push({ name: 'page_size', in: 'query', schema: { type: 'integer' } }),
  },
  'parameter-required': { mutate: (d) => (param(add(d), 'user_id_type').required = true) },
  // The case: user_id_type's default open_id -> user_id.
  'default-changed': { mutate: (d) => (param(add(d), 'user_id_type').schema.default = 'user_id') },
  'request-narrowed': { mutate: (d) => (members(d).maxItems = 400) },
  'request-widened': { mutate: (d) => (members(d).maxItems = 600) },
  // The case: maxLength added to a response string.
  'response-tightened': { mutate: (d) => (tasklist(d).properties.url.maxLength = 2048) },
  'response-loosened': { mutate: (d) => delete json(add(d).responses['200']).schema.properties.code.const },
  'response-type-changed': { mutate: (d) => (tasklist(d).properties.created_at.type = 'integer') },
  'response-field-removed': { mutate: (d) => delete tasklist(d).properties.url },
  'response-field-added': {
    mutate: (d) => (tasklist(d).properties.color = { type: 'string', description: 'A colour.' }),
  },
  'response-field-optional': {
    mutate: (d) => {
      const s = json(add(d).responses['200']).schema;
      s.required = s.required.filter((k: string) => k !== 'data');
    },
  },
  'response-field-required': { mutate: (d) => (tasklist(d).required = ['guid']) },
  // The case: Member.role loses its {type: string} branch.
  'open-enum-closed': { mutate: (d) => role(d).anyOf.pop() },
  // The false alarm: a known value added to an open enum is minor.
  'open-enum-value-added': { mutate: (d) => role(d).anyOf[0].enum.push('follower') },
  'open-enum-value-removed': {
    mutate: (d) => (role(d).anyOf[0].enum = role(d).anyOf[0].enum.filter((v: string) => v !== 'creator')),
  },
  'closed-enum-value-added': {
    base: (d) => (tasklist(d).properties.url = { type: 'string', enum: ['a'] }),
    mutate: (d) => tasklist(d).properties.url.enum.push('b'),
  },
  'status-removed': { mutate: (d) => delete del(d).responses['500'] },
  'status-added': {
    mutate: (d) => (add(d).responses['409'] = { description: 'Conflict.', content: { 'application/json': {} } }),
  },
  'media-type-changed': { mutate: (d) => rename(mem(d).requestBody.content, 'application/json', 'text/plain') },
  'header-removed': { mutate: (d) => delete add(d).responses['200'].headers['X-Tt-Logid'] },
  'error-code-removed': {
    mutate: (d) => {
      const { status, name } = exampleOf(add(d), 1470404);
      delete examples(add(d), status)[name];
    },
  },
  'error-code-added': {
    mutate: (d) => {
      const { status, name, e } = exampleOf(add(d), 1470404);
      examples(add(d), status)[`${name}Again`] = { ...e, 'x-feishu-error': { ...e['x-feishu-error'], code: 1470999 } };
    },
  },
  'error-status-changed': {
    mutate: (d) => {
      const { status, name, e } = exampleOf(add(d), 1470404);
      delete examples(add(d), status)[name];
      examples(add(d), '500')[name] = e;
    },
  },
  'error-kind-changed': { mutate: (d) => (exampleOf(add(d), 1470404).e['x-feishu-error'].kind = 'server') },
  'error-name-changed': {
    mutate: (d) => {
      const { status, name } = exampleOf(add(d), 1470404);
      rename(examples(add(d), status), name, 'Refused');
    },
  },
  'error-invalid-fields-changed': {
    mutate: (d) => delete exampleOf(tok(d), 10003).e['x-feishu-error'].answersInvalidFields,
  },
  'error-concurrency-changed': {
    mutate: (d) => delete exampleOf(del(d), 1470451).e['x-feishu-error'].concurrent,
  },
  // The case: a lower quota.
  'rate-limit-lowered': { mutate: (d) => (add(d)['x-feishu-rate-limit'].per_minute = 50) },
  'rate-limit-raised': { mutate: (d) => (add(d)['x-feishu-rate-limit'].per_minute = 200) },
  'scope-removed': { mutate: (d) => (add(d)['x-feishu-scopes'] = []) },
  // The case: another scope.
  'scope-added': { mutate: (d) => add(d)['x-feishu-scopes'].push('task:task:write') },
  'field-scope-added': {
    mutate: (d) =>
      add(d)['x-feishu-field-scopes'].push({ scope: 'contact:user.email:readonly', when: 'always', name: 'Email' }),
  },
  'field-scope-removed': { mutate: (d) => (add(d)['x-feishu-field-scopes'] = []) },
  // The case: a flipped x-feishu-retry.idempotent.
  'retry-changed': { mutate: (d) => (add(d)['x-feishu-retry'].idempotent = true) },
  'state-limit-tightened': { mutate: (d) => (add(d)['x-feishu-state-limits'].collaboratorsPerTask.max = 40) },
  'state-limit-loosened': { mutate: (d) => (add(d)['x-feishu-state-limits'].collaboratorsPerTask.max = 60) },
  'request-rule-added': {
    mutate: (d) =>
      (mem(d)['x-feishu-request-rules'].memberWithoutRole = {
        ...mem(d)['x-feishu-request-rules'].memberWithoutId,
        itemWithout: 'role',
      }),
  },
  // The spec's own history: a member's id was required, then optional with a rule answering its absence.
  'request-rule-replaces-required': {
    base: (d) => {
      members(d).items.required = ['id'];
      delete mem(d)['x-feishu-request-rules'];
    },
    mutate: (d) => {
      delete members(d).items.required;
      mem(d)['x-feishu-request-rules'] = structuredClone(mem(spec)['x-feishu-request-rules']);
    },
  },
  'request-rule-removed': { mutate: (d) => delete mem(d)['x-feishu-request-rules'] },
  'sdk-method-changed': { mutate: (d) => (add(d)['x-feishu-sdk-method'].method = 'task.v1.taskCollaborator.add') },
  'app-type-removed': { mutate: (d) => (add(d)['x-feishu-app-types'] = ['custom']) },
  'app-type-added': { mutate: (d) => add(d)['x-feishu-app-types'].push('personal') },
  'security-removed': { mutate: (d) => (add(d).security = [{ tenant_access_token: [] }]) },
  'security-added': { mutate: (d) => add(d).security.push({ app_access_token: [] }) },
  'server-changed': { mutate: (d) => (d.servers[1].url = 'https://open.larksuite.example') },
  'server-added': { mutate: (d) => d.servers.push({ url: 'https://open.example', 'x-deployment': 'other' }) },
  text: { mutate: (d) => (add(d).description += '\nMore.') },
  unrated: { mutate: (d) => (d['x-feishu-new'] = { anything: 1 }) },
};

function mutated(mutate: (d: Doc) => void, base?: (d: Doc) => void) {
  const before = structuredClone(spec);
  base?.(before);
  const after = structuredClone(before);
  mutate(after);
  expect(JSON.stringify(after), 'the mutation changed nothing').not.toBe(JSON.stringify(before));
  return diffSpecs(before, after);
}

describe('spec:diff rules', () => {
  it('an unchanged spec needs no release', () => {
    expect(diffSpecs(spec, structuredClone(spec))).toEqual({ level: 'none', changes: [] });
  });

  it('every rule has a mutation here', () => {
    expect(Object.keys(MUTATIONS).sort()).toEqual(Object.keys(RULES).sort());
  });

  for (const [rule, { mutate, base }] of Object.entries(MUTATIONS)) {
    const { level } = RULES[rule]!;
    it(`${rule}: ${level}`, () => {
      const result = mutated(mutate, base);
      expect(result.changes.filter((c) => c.rule === rule).map((c) => c.level)).toContain(level);
      expect(LEVELS.indexOf(result.level), result.changes.map((c) => `${c.rule} ${c.where}`).join('\n')).toBe(
        LEVELS.indexOf(level),
      );
    });
  }

  it('names where the change is', () => {
    const { changes } = mutated(MUTATIONS['open-enum-closed']!.mutate);
    expect(changes).toEqual([
      {
        rule: 'open-enum-closed',
        level: 'major',
        where: `POST ${MEM}: responses.200.application/json.data.tasklist.members.items.role.anyOf`,
        message: 'the open enum is closed',
      },
    ]);
  });

  it('a reordered enum or a renamed example is no more than a patch', () => {
    expect(mutated((d) => role(d).anyOf[0].enum.reverse()).level).toBe('patch');
    expect(
      mutated((d) => (examples(add(d), '400')[Object.keys(examples(add(d), '400'))[0]!].summary = 'x')).level,
    ).toBe('patch');
  });
});

describe("spec/README.md's table of rules", () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const rows = [...readme.matchAll(/^ *\| `([a-z-]+)` \| (major|minor|patch) \| (.+) \|$/gm)].map((m) => [
    m[1],
    m[2],
    m[3],
  ]);

  it('is exactly the rules, with their levels and reasons', () => {
    expect(rows).toEqual(Object.entries(RULES).map(([rule, r]) => [rule, r.level, r.why]));
  });
});
