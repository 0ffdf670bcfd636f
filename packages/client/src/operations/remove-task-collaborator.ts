// @feishu-task/client/remove-task-collaborator: one operation, its generated spec and nothing else.
import { removeTaskCollaborator as spec } from '@feishu-task/types/operations';
import type { FeishuCore } from '../core.js';
import { internalsOf } from '../internals.js';
import type { CallInput, CallOptions, CallResult } from '../types.js';

/** Removes a collaborator from a task through `core` (createCore). */
export function removeTaskCollaborator(
  core: FeishuCore,
  input: CallInput<'removeTaskCollaborator'>,
  options?: CallOptions,
): Promise<CallResult<'removeTaskCollaborator'>> {
  return internalsOf(core, 'removeTaskCollaborator').call(spec, input, options) as Promise<
    CallResult<'removeTaskCollaborator'>
  >;
}
