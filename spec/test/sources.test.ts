// Every fact carries its source in the bundle, retry semantics are the brief's, and every extension
// value in the bundle matches its JSON Schema (the same schemas the Redocly rule uses).
import { readdirSync, readFileSync } from 'node:fs';
import { errorExamples, loadSpec, operations } from '@feishu-task/spec-tools';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';

const spec = loadSpec(import.meta.url, 'dereferenced');
const ops = Object.fromEntries([...operations(spec)].map((o) => [o.id, o.operation]));
const dir = new URL('../extensions/', import.meta.url);
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
const schemaIds = new Map<string, string>();
for (const file of readdirSync(dir).filter((f) => f.endsWith('.schema.json'))) {
  const schema = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
  ajv.addSchema(schema);
  schemaIds.set(file.replace('.schema.json', ''), schema.$id);
}

// Every `x-…` key of the bundle with where it is, skipping example values (data, not description).
function* extensions(node: unknown, path: string[] = []): Generator<[string, unknown, string]> {
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'value' && path.at(-2) === 'examples') continue;
    if (key.startsWith('x-')) yield [key, value, [...path, key].join('/')];
    yield* extensions(value, [...path, key]);
  }
}

describe('sources', () => {
  it.each(Object.keys(ops))('%s names the page or platform doc it comes from', (id) => {
    expect(ops[id]['x-source'].kind).toMatch(/^(page|platform)$/);
    expect(ops[id]['x-source'].url).toMatch(/^https:\/\/open\.feishu\.cn\/document\//);
  });

  it('every error example carries an x-source; platform and unsourced ones say so', () => {
    const kinds = new Map<number, string>();
    for (const op of Object.values(ops))
      for (const e of errorExamples(op)) {
        expect(e.example['x-source']?.kind, `${op.operationId} ${e.name}`).toMatch(/^(page|platform|unsourced)$/);
        kinds.set(e.code, e.example['x-source'].kind);
      }
    expect(kinds.get(99992402)).toBe('platform');
    expect(kinds.get(99991663)).toBe('platform');
    expect(kinds.get(10003)).toBe('unsourced');
    expect(kinds.get(10014)).toBe('unsourced');
    expect(kinds.get(1470700)).toBe('page');
  });

  it('the v2 examples whose msg is only the page description say so', () => {
    for (const e of errorExamples(ops.addTasklistMembers).filter((x) => x.example['x-source'].kind === 'page'))
      expect(e.example['x-source'].note.en, e.name).toMatch(/only a description/);
  });

  it('body errors (no code on the pages) are answered with the platform field-validation error', () => {
    for (const id of ['addTaskCollaborators', 'addTasklistMembers']) {
      const e = errorExamples(ops[id]).find((x) => x.code === 99992402);
      expect(e, id).toMatchObject({ status: 400, kind: 'validation', message: 'field validation failed' });
      expect(e?.example.value.error.field_violations.length).toBeGreaterThan(0);
    }
  });

  it('the token HTTP 400 and the SDK-only fields are marked unsourced or platform, with a note', () => {
    const member = spec.components.schemas.Member.properties;
    expect(member.name['x-source']).toMatchObject({ kind: 'unsourced', note: { en: expect.stringMatching(/SDK/) } });
    expect(spec.components.schemas.Tasklist.properties.archive_msec['x-source'].kind).toBe('unsourced');
    const token = errorExamples(ops.removeTaskCollaborator).find((x) => x.code === 99991661);
    expect(token?.example['x-source'].note.en).toMatch(/HTTP status/);
  });
});

describe('x-feishu-retry', () => {
  it('is exactly the documented retry safety of each operation', () => {
    const retry = (op: any) => ({
      idempotent: op['x-feishu-retry'].idempotent,
      replayedSuccessCodes: op['x-feishu-retry'].replayedSuccessCodes,
    });
    expect(Object.fromEntries(Object.entries(ops).map(([id, op]) => [id, retry(op)]))).toEqual({
      addTaskCollaborators: { idempotent: false, replayedSuccessCodes: [1470431] },
      removeTaskCollaborator: { idempotent: false, replayedSuccessCodes: [1470700] },
      addTasklistMembers: { idempotent: true, replayedSuccessCodes: [] },
      getTenantAccessToken: { idempotent: true, replayedSuccessCodes: [] },
    });
  });

  it('is marked unsourced everywhere: no page states retry safety', () => {
    for (const op of Object.values(ops)) {
      expect(op['x-feishu-retry']['x-source']?.kind, op.operationId).toBe('unsourced');
      expect(op['x-feishu-retry']['x-source'].note.en, op.operationId).toMatch(/^Inferred/);
    }
  });

  it('names only codes the operation documents', () => {
    for (const op of Object.values(ops)) {
      const codes = errorExamples(op).map((e) => e.code);
      for (const code of op['x-feishu-retry'].replayedSuccessCodes) expect(codes).toContain(code);
    }
  });
});

describe('extension shapes', () => {
  const found = [...extensions(spec)];

  it('every x-feishu-* key in the bundle has a JSON Schema', () => {
    const keys = new Set(found.map(([k]) => k).filter((k) => k.startsWith('x-feishu-')));
    expect(keys.size).toBeGreaterThanOrEqual(8);
    for (const key of keys) expect(schemaIds.has(key), key).toBe(true);
  });

  it('every extension value with a schema matches it', () => {
    let checked = 0;
    for (const [key, value, where] of found) {
      const id = schemaIds.get(key);
      if (!id) continue;
      const validate = ajv.getSchema(id)!;
      expect(validate(value) ? [] : validate.errors, where).toEqual([]);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('x-feishu-field-scopes has one shape on the parameter and on the operations', () => {
    const param = spec.components.parameters.UserIdTypeV1['x-feishu-field-scopes'];
    expect(param).toEqual(ops.addTaskCollaborators['x-feishu-field-scopes']);
  });

  it('the schemas reject the old shapes', () => {
    const check = (key: string, value: unknown) => ajv.getSchema(schemaIds.get(key)!)!(value);
    expect(check('x-feishu-rate-limit', { documented: false })).toBe(false);
    expect(check('x-feishu-field-scopes', { user_id: ['contact:user.employee_id:readonly'] })).toBe(false);
    expect(check('x-feishu-retry', { idempotent: true })).toBe(false);
    expect(check('x-source', { kind: 'unsourced' })).toBe(false);
    expect(check('x-feishu-sdk-method', 'task.v1.taskCollaborator.create')).toBe(false);
  });

  it('x-source kind observed needs the date it was observed, and only it has one', () => {
    const check = (value: unknown) => ajv.getSchema(schemaIds.get('x-source')!)!(value);
    const note = { en: 'Seen in answers of the service.', zh: '在服务的应答中观察到。' };
    expect(check({ kind: 'observed', observed: '2026-12-05', note })).toBe(true);
    expect(check({ kind: 'observed', note })).toBe(false);
    expect(check({ kind: 'unsourced', observed: '2026-12-05', note })).toBe(false);
    expect(check({ kind: 'observed', observed: '5 Dec', note })).toBe(false);
  });
});

describe('inferences are marked, and no unsourced tightening of an answer', () => {
  const body = (id: string) => ops[id].requestBody.content['application/json'];
  const unsourced = (node: any) => node?.['x-source']?.kind === 'unsourced';

  it('the SDK method of an operation whose page shows no call example is unsourced', () => {
    for (const id of ['removeTaskCollaborator', 'getTenantAccessToken'])
      expect(unsourced(ops[id]['x-feishu-sdk-method']), id).toBe(true);
    for (const id of ['addTaskCollaborators', 'addTasklistMembers'])
      expect(ops[id]['x-feishu-sdk-method']).not.toHaveProperty('x-source');
  });

  it('every request example that is not the page’s own is marked', () => {
    expect(unsourced(body('addTasklistMembers').examples.chatAndApp)).toBe(true);
  });

  it('the 50-collaborator cap: the page’s word, and the answer to one request over it inferred', () => {
    const cap = ops.addTaskCollaborators['x-feishu-state-limits'].collaboratorsPerTask;
    expect(cap).toMatchObject({ max: 50, code: 1470429, 'x-source': { kind: 'page' } });
    expect(cap.oneRequestOverMax).toMatchObject({ code: 1470429, 'x-source': { kind: 'unsourced' } });
    // Prose and schema agree: no text still sends more than 50 IDs to 99992402.
    const texts = JSON.stringify([ops.addTaskCollaborators.description, body('addTaskCollaborators').schema]);
    expect(texts).not.toMatch(/more than 50 IDs[^.]*99992402/);
    expect(body('addTaskCollaborators').schema.properties.id_list).not.toHaveProperty('maxItems');
  });

  it('every state limit names a body field of its operation and codes the operation documents', () => {
    for (const op of Object.values(ops))
      for (const [name, l] of Object.entries<any>(op['x-feishu-state-limits'] ?? {})) {
        expect(body(op.operationId).schema.properties, name).toHaveProperty(l.field);
        const codes = errorExamples(op).map((e) => e.code);
        expect(codes, name).toContain(l.code);
        expect(codes, name).toContain(l.oneRequestOverMax.code);
      }
  });

  it('a tasklist member’s id: optional as the page says, and the answer to a member without one inferred', () => {
    const member = body('addTasklistMembers').schema.properties.members.items;
    expect(member.required ?? []).not.toContain('id');
    expect(member.properties.id['x-source']).toMatchObject({ kind: 'page' });
    const rule = ops.addTasklistMembers['x-feishu-request-rules'].memberWithoutId;
    expect(rule).toMatchObject({
      field: 'members',
      itemWithout: 'id',
      code: 1470400,
      'x-source': { kind: 'unsourced' },
    });
  });

  it('every request rule names an array body field of its operation, an optional key of its items, a documented code', () => {
    for (const op of Object.values(ops))
      for (const [name, r] of Object.entries<any>(op['x-feishu-request-rules'] ?? {})) {
        const field = body(op.operationId).schema.properties[r.field];
        expect(field?.type, name).toBe('array');
        expect(field.items.properties, name).toHaveProperty(r.itemWithout);
        expect(field.items.required ?? [], name).not.toContain(r.itemWithout);
        expect(
          errorExamples(op).map((e) => e.code),
          name,
        ).toContain(r.code);
      }
  });

  it('Tasklist timestamps and url are read as the page gives them: plain strings', () => {
    const t = spec.components.schemas.Tasklist.properties;
    for (const key of ['created_at', 'updated_at', 'url']) {
      expect(t[key], key).not.toHaveProperty('pattern');
      expect(t[key], key).not.toHaveProperty('format');
    }
  });

  it('the user_id field scope sits on the v1 parameter, not on the enum the v2 parameter shares', () => {
    const scope = 'contact:user.employee_id:readonly';
    expect(JSON.stringify(spec.components.schemas.UserIdType)).not.toContain(scope);
    expect(spec.components.parameters.UserIdTypeV1.description).toContain(scope);
    expect(JSON.stringify(spec.components.parameters.UserIdTypeV2)).not.toContain(scope);
  });

  it('a response whose text says it is unsourced is marked so', () => {
    const token400 = ops.getTenantAccessToken.responses['400'];
    expect(token400['x-source'].kind).toBe('unsourced');
    for (const op of Object.values(ops))
      for (const [status, r] of Object.entries<any>(op.responses))
        for (const [name, ex] of Object.entries<any>(r.content?.['application/json']?.examples ?? {}))
          if (/^Unsourced\b/m.test(ex.description ?? ''))
            // The whole answer, or (a platform code whose status no page states) its status.
            expect([ex['x-source'].kind, ex['x-source'].status?.kind], `${op.operationId} ${status} ${name}`).toContain(
              'unsourced',
            );
  });
});
