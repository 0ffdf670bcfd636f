// @feishu-task/client/add-task-collaborators: one operation, its generated spec and nothing else.
import { addTaskCollaborators as spec } from '@feishu-task/types/operations';
import type { FeishuCore } from '../core.js';
import { internalsOf } from '../internals.js';
import { taskWrites } from '../task-writes.js';
import type { CallInput, CallOptions, CallResult } from '../types.js';

// Writes to one task go one at a time where the spec marks the operation (x-feishu-error.concurrent).
const serial = taskWrites(spec);

/** Adds collaborators to a task through `core` (createCore). */
export function addTaskCollaborators(
  core: FeishuCore,
  input: CallInput<'addTaskCollaborators'>,
  options?: CallOptions,
): Promise<CallResult<'addTaskCollaborators'>> {
  return internalsOf(core, 'addTaskCollaborators').call_(spec, input, options, undefined, serial) as Promise<
    CallResult<'addTaskCollaborators'>
  >;
}
