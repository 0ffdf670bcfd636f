// Handlers name errors by their operation's generated documented names: a typo, or another operation's
// name, does not compile (`tsc --noEmit` runs before vitest in this package's test script).
import { expect, it } from 'vitest';
import { createEmulator } from '../src/index.js';
import { type Context, documented } from '../src/reply.js';

it('a documented name of another operation, or a typo, is a compile error', () => {
  const emulator = createEmulator({ fixture: 'empty' });
  const op = emulator.operations.find((o) => o.id === 'addTasklistMembers')!;
  const ctx = { op, logId: 'L' } as Pick<Context<'addTasklistMembers'>, 'op' | 'logId'>;
  expect(documented(ctx, 'TasklistNotFound').body.code).toBe(1470404);
  // @ts-expect-error: InvalidTaskId is a name of the v1 task operations, not of add_members
  expect(() => documented(ctx, 'InvalidTaskId')).toThrow(/documents no InvalidTaskId answer/);
  // @ts-expect-error: a typo
  expect(() => documented(ctx, 'TasklistNotFund')).toThrow(/documents no TasklistNotFund answer/);
});
