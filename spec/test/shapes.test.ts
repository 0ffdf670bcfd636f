// Responses are tolerant (what the server and the official SDK may send validates), requests exact
// (what the pages forbid fails): checked on the bundled spec with the same validator the mock uses.
import { createSpecValidator, loadSpec, operationById, requestSchema } from '@feishu-task/spec-tools';
import { describe, expect, it } from 'vitest';

const spec = loadSpec(import.meta.url, 'bundled');
const deref = loadSpec(import.meta.url, 'dereferenced');
const validator = createSpecValidator(spec);
const at = (id: string, ...rest: string[]) => {
  const { path, method } = operationById(deref, id);
  return ['paths', path, method, ...rest];
};
const body = (id: string) => at(id, 'requestBody', 'content', 'application/json', 'schema');
const ok = (id: string) => at(id, 'responses', '200', 'content', 'application/json', 'schema');
const valid = (parts: string[], value: unknown) => validator.errorsAt(parts, value).length === 0;

describe('responses are tolerant', () => {
  it('a tasklist member with an unknown role, an unknown type, no id and a name validates', () => {
    const answer = {
      code: 0,
      msg: 'success',
      data: {
        tasklist: {
          name: 'x',
          archive_msec: '0',
          owner: { type: 'department', role: 'commenter', name: 'Ann' },
          members: [{}],
          some_future_field: true,
        },
      },
    };
    expect(validator.errorsAt(ok('addTasklistMembers'), answer)).toEqual([]);
  });

  it('keeps the known role and type values documented, with a note per value in both languages', () => {
    const member = deref.components.schemas.Member.properties;
    for (const [field, known] of [
      ['role', ['editor', 'viewer', 'owner', 'creator']],
      ['type', ['user', 'chat', 'app']],
    ] as const) {
      expect(member[field].anyOf[0].enum).toEqual(known);
      expect(Object.keys(member[field]['x-enum-descriptions'])).toEqual(known);
      expect(Object.keys(member[field]['x-i18n'].zh['x-enum-descriptions'])).toEqual(known);
    }
  });

  it('a collaborator answer with only id_list validates', () => {
    expect(
      valid(ok('addTaskCollaborators'), { code: 0, msg: 'success', data: { collaborator: { id_list: ['a'] } } }),
    ).toBe(true);
  });

  it('the check can fail: a wrong type in an answer is still rejected', () => {
    expect(
      valid(ok('addTasklistMembers'), { code: 0, msg: 'success', data: { tasklist: { members: [{ role: 5 }] } } }),
    ).toBe(false);
  });
});

describe('requests are exact', () => {
  const v1 = body('addTaskCollaborators');
  const v2 = body('addTasklistMembers');

  it('v1: id_list, the deprecated id, or both validate; unknown fields are accepted and ignored', () => {
    expect(valid(v1, { id_list: ['ou_1'] })).toBe(true);
    expect(valid(v1, { id: 'ou_1' })).toBe(true);
    expect(valid(v1, { id: 'ou_1', id_list: ['ou_2'] })).toBe(true);
    expect(valid(v1, { id_list: ['ou_1'], extra: 1 })).toBe(true);
  });

  it('v1: an empty body, a misspelt field alone, an empty id_list, an empty id are rejected', () => {
    expect(valid(v1, {})).toBe(false);
    expect(valid(v1, { idlist: ['ou_1'] })).toBe(false);
    expect(valid(v1, { id_list: [] })).toBe(false);
    // 51 ids are no schema error (that would be 99992402): the 50 cap is the task's, 1470429.
    expect(valid(v1, { id_list: Array.from({ length: 51 }, (_, i) => `ou_${i}`) })).toBe(true);
    expect(valid(v1, { id: '' })).toBe(false);
  });

  it('v1: id is deprecated, and request and response use separate schemas', () => {
    const op = operationById(deref, 'addTaskCollaborators').operation;
    expect(requestSchema(op).properties.id.deprecated).toBe(true);
    expect(requestSchema(op).properties.id_list).toMatchObject({ minItems: 1 });
    expect(requestSchema(op).properties.id_list).not.toHaveProperty('maxItems');
    expect(op['x-feishu-state-limits'].collaboratorsPerTask).toMatchObject({
      field: 'id_list',
      max: 50,
      code: 1470429,
    });
    const bundledOp = operationById(spec, 'addTaskCollaborators').operation;
    const reqRef = bundledOp.requestBody.content['application/json'].schema.$ref;
    const resRef =
      bundledOp.responses['200'].content['application/json'].schema.properties.data.properties.collaborator.$ref;
    expect(reqRef).toBe('#/components/schemas/CollaboratorInput');
    expect(resRef).toBe('#/components/schemas/Collaborator');
  });

  it("v2: an SDK-typed member (with name) validates; the page's limits hold", () => {
    expect(valid(v2, { members: [{ id: 'ou_1', type: 'user', role: 'editor', name: 'Ann' }] })).toBe(true);
    expect(valid(v2, { members: [] })).toBe(false);
    expect(valid(v2, { members: Array.from({ length: 501 }, (_, i) => ({ id: `ou_${i}` })) })).toBe(false);
    expect(valid(v2, { members: [{ id: 'x'.repeat(101) }] })).toBe(false);
    expect(valid(v2, { members: [{ id: 'ou_1', role: 'owner' }] })).toBe(false);
    expect(valid(v2, { members: [{ id: 'ou_1', type: 'group' }] })).toBe(false);
  });
});
