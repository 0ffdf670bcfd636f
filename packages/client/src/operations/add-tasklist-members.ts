// @feishu-task/client/add-tasklist-members: one operation, its generated spec and nothing else.
import { addTasklistMembers as spec } from '@feishu-task/types/operations';
import { addInChunks } from '../bulk.js';
import type { FeishuCore } from '../core.js';
import { internalsOf, type Split } from '../internals.js';
import type { CallInput, CallOptions, CallResult } from '../types.js';

const members: Split = { field: 'members', run: addInChunks as unknown as Split['run'] };

/**
 * Adds members to a tasklist through `core` (createCore). Duplicates are dropped; more members than the
 * spec's `maxItems` for `members` go as consecutive requests; the last answer is returned.
 */
export function addTasklistMembers(
  core: FeishuCore,
  input: CallInput<'addTasklistMembers'>,
  options?: CallOptions,
): Promise<CallResult<'addTasklistMembers'>> {
  return internalsOf(core, 'addTasklistMembers').call(spec, input, options, members) as Promise<
    CallResult<'addTasklistMembers'>
  >;
}
