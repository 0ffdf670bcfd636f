// The state change "Try it" shows: records matched by id, id lists compared as sets.
import { describe, expect, it } from 'vitest';
import { diff, formatChanges } from '../try-it/src/diff.ts';

describe('try-it state diff', () => {
  it('names the record and the ids a request added or removed, not shifted indexes', () => {
    const before = {
      tasks: [
        { id: 't1', collaborators: ['a', 'b'] },
        { id: 't2', collaborators: [] },
      ],
    };
    const after = {
      tasks: [
        { id: 't2', collaborators: [] },
        { id: 't1', collaborators: ['b', 'c'] },
      ],
    };
    expect(formatChanges(diff(before, after))).toBe('- tasks[t1].collaborators a\n+ tasks[t1].collaborators c');
  });
  it('shows new and removed records whole, and changed values', () => {
    const before = { tasklists: [{ guid: 'l1', name: 'x', members: [] }], restrictApps: false };
    const after = { tasklists: [{ guid: 'l2', name: 'y', members: [] }], restrictApps: true };
    expect(formatChanges(diff(before, after))).toBe(
      [
        '- tasklists[l1] {"guid":"l1","name":"x","members":[]}',
        '+ tasklists[l2] {"guid":"l2","name":"y","members":[]}',
        '~ restrictApps: false → true',
      ].join('\n'),
    );
  });
  it('finds nothing when nothing changed', () => {
    const state = { tasks: [{ id: 't1', collaborators: ['a'] }], users: [{ open_id: 'ou_1' }] };
    expect(diff(state, structuredClone(state))).toEqual([]);
  });
});
