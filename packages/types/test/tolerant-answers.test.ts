// Answers are tolerant: the DELETE answer's empty `data` accepts any fields, so a key read from it is
// `unknown`, not `never`. The type-level half is checked by the package's `tsc --noEmit` over test/.
import { describe, expect, it } from 'vitest';
import type { paths } from '../src/index.js';

type RemoveAnswer =
  paths['/open-apis/task/v1/tasks/{task_id}/collaborators/{collaborator_id}']['delete']['responses']['200']['content']['application/json'];
type Data = RemoveAnswer['data'];

// With `Record<string, never>` this assignment fails: a field the server adds is tolerated.
const data: Data = { added_later: 1 };
// A key read from it is unknown (with Record<string, never> it would be never, assignable to anything).
// @ts-expect-error: unknown is not a number until checked
const n: number = data.added_later;

describe('tolerant answers', () => {
  it('the DELETE answer carries its data object as is', () => {
    expect(data).toEqual({ added_later: 1 });
    expect(n).toBe(1);
  });
});
