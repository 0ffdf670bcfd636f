// @feishu-task/client/add-task-collaborators: one operation, its generated spec and nothing else.
import { addTaskCollaborators as spec } from '@feishu-task/types/operations';
import type { FeishuCore } from '../core.js';
import { internalsOf } from '../internals.js';
import type { CallInput, CallOptions, CallResult } from '../types.js';

/** Adds collaborators to a task through `core` (createCore). */
export function addTaskCollaborators(
  core: FeishuCore,
  input: CallInput<'addTaskCollaborators'>,
  options?: CallOptions,
): Promise<CallResult<'addTaskCollaborators'>> {
  return internalsOf(core, 'addTaskCollaborators').call(spec, input, options) as Promise<
    CallResult<'addTaskCollaborators'>
  >;
}
