// @feishu-task/client/remove-task-collaborator: one operation, its generated spec and nothing else.
import { removeTaskCollaborator as spec } from '@feishu-task/types/operations';
import type { FeishuCore } from '../core.js';
import { internalsOf } from '../internals.js';
import { taskWrites } from '../task-writes.js';
import type { CallInput, CallOptions, CallResult } from '../types.js';

// Writes to one task go one at a time where the spec marks the operation (x-feishu-error.concurrent).
const serial = taskWrites(spec);

/** Removes a collaborator from a task through `core` (createCore). */
export function removeTaskCollaborator(
  core: FeishuCore,
  input: CallInput<'removeTaskCollaborator'>,
  options?: CallOptions,
): Promise<CallResult<'removeTaskCollaborator'>> {
  return internalsOf(core, 'removeTaskCollaborator').call_(spec, input, options, undefined, serial) as Promise<
    CallResult<'removeTaskCollaborator'>
  >;
}
