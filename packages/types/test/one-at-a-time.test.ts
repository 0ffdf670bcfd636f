// What an operation's requests go one at a time per is generated from the spec's error examples
// (x-feishu-error.concurrent), never named by hand: the client and the emulator read only this field.
import { loadSpec, operations as walk } from '@feishu-task/spec-tools';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the generator is plain JavaScript without types
import { buildPerOperation, buildTables } from '../scripts/tables.mjs';
import * as perOperation from '../src/generated/per-operation.js';
import { operations } from '../src/index.js';

const spec = loadSpec(import.meta.url, 'dereferenced');

// Read straight from the spec, not through the generator's helper.
function marked(operation: any) {
  return Object.values<any>(operation.responses).flatMap((r) =>
    Object.values<any>(r.content?.['application/json']?.examples ?? {})
      .filter((e) => e['x-feishu-error']?.concurrent)
      .map((e) => ({
        per: e['x-feishu-error'].concurrent.per,
        code: e['x-feishu-error'].code,
        source: (e['x-feishu-error'].concurrent['x-source'] ?? e['x-source']).kind,
      })),
  );
}

describe('oneAtATime (generated from x-feishu-error.concurrent)', () => {
  for (const { id, operation } of walk(spec)) {
    it(`${id}: the generated field is what the spec's error examples say`, () => {
      const [found, ...more] = marked(operation);
      expect(more).toEqual([]);
      const single = (perOperation as Record<string, { oneAtATime?: unknown }>)[id];
      expect(single?.oneAtATime).toEqual(found && { per: found.per, code: found.code });
      expect((operations as Record<string, { oneAtATime: unknown }>)[id]?.oneAtATime).toEqual(found ?? null);
    });
  }

  it('writes to one task go one at a time: the two v1 collaborator operations, per task_id, 1470451', () => {
    expect(perOperation.addTaskCollaborators.oneAtATime).toEqual({ per: 'task_id', code: 1470451 });
    expect(perOperation.removeTaskCollaborator.oneAtATime).toEqual({ per: 'task_id', code: 1470451 });
    expect(perOperation.addTasklistMembers).not.toHaveProperty('oneAtATime');
    // The add page says only "too frequent" for the same task: its concurrency is read from the remove page.
    expect(operations.addTaskCollaborators.oneAtATime?.source).toBe('unsourced');
    expect(operations.removeTaskCollaborator.oneAtATime?.source).toBe('page');
  });

  it('the generator refuses a parameter the path does not have', () => {
    const copy = structuredClone(spec);
    const remove = copy.paths['/open-apis/task/v1/tasks/{task_id}/collaborators/{collaborator_id}'].delete;
    remove.responses['400'].content['application/json'].examples.TaskRequestsTooFrequent[
      'x-feishu-error'
    ].concurrent.per = 'task_guid';
    const message =
      'removeTaskCollaborator: TaskRequestsTooFrequent\'s concurrent.per "task_guid" is not a path parameter of /open-apis/task/v1/tasks/{task_id}/collaborators/{collaborator_id}';
    expect(() => buildPerOperation(copy)).toThrow(message);
    expect(() => buildTables(copy)).toThrow(message);
  });
});
