// addTasklistMembers beyond the spec's maxItems: duplicates dropped, consecutive requests of at most
// maxItems, and on failure an exact account of which members were applied, not applied, or unknown.
import { operations } from '@feishu-task/types';
import { FeishuBulkError } from './errors/bulk-error.js';
import type { CallInput } from './types.js';

type Input = CallInput<'addTasklistMembers'>;
type Member = Input['body']['members'][number];

/** Members of the same id and type are one member: the first occurrence is kept. */
export function uniqueMembers(members: Member[]): Member[] {
  if (members.length < 2) return members;
  const seen = new Set<string>();
  return members.filter((m) => {
    const key = `${m.type ?? 'user'}\u0000${m.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const mayHaveApplied = (error: unknown) => (error as { outcomeUnknown?: unknown })?.outcomeUnknown === true;

export function addInChunks<R>(input: Input, callOne: (input: Input) => Promise<R>): Promise<R> {
  const max = operations.addTasklistMembers.arrayLimits.members.maxItems;
  const members = uniqueMembers(input.body.members);
  // One request (the common case) is handed straight on: no chunk bookkeeping, no extra promise.
  if (members.length <= max)
    return callOne(members === input.body.members ? input : { ...input, body: { ...input.body, members } });
  return inChunks(input, members, max, callOne);
}

async function inChunks<R>(
  input: Input,
  members: Member[],
  max: number,
  callOne: (input: Input) => Promise<R>,
): Promise<R> {
  const chunks: Member[][] = [];
  for (let i = 0; i < members.length; i += max) chunks.push(members.slice(i, i + max));
  let result: R | undefined;
  for (const [index, chunk] of chunks.entries()) {
    try {
      result = await callOne({ ...input, body: { ...input.body, members: chunk } });
    } catch (cause) {
      const unknown = mayHaveApplied(cause);
      throw new FeishuBulkError({
        operation: 'addTasklistMembers',
        chunkIndex: index,
        chunkCount: chunks.length,
        applied: members.slice(0, index * max),
        unknown: unknown ? chunk : [],
        notApplied: members.slice(index * max + (unknown ? chunk.length : 0)),
        cause,
      });
    }
  }
  return result as R;
}
