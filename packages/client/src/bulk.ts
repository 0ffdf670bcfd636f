// addTasklistMembers beyond the spec's maxItems: duplicates dropped, consecutive requests of at most
// maxItems, and on failure an exact account of which members were applied, not applied, or unknown.
import { addTasklistMembers } from '@feishu-task/types/operations';
import { FeishuBulkError } from './errors/bulk-error.js';
import { FeishuInputError } from './errors/input-error.js';
import type { CallInput } from './types.js';

type Input = CallInput<'addTasklistMembers'>;
type Member = Input['body']['members'][number];

/**
 * Members of the same id and type are one member: the first occurrence is kept. The same member with two
 * roles is a FeishuInputError naming both: which one was meant cannot be guessed. A member without an id
 * names nobody, so it is never merged with another: it goes as written and the server answers it (1470400).
 */
export function uniqueMembers(members: Member[]): Member[] {
  if (members.length < 2) return members;
  const seen = new Map<string, number>();
  const kept: Member[] = [];
  for (let i = 0; i < members.length; i++) {
    const m = members[i] as Member;
    if (m.id === undefined) {
      kept.push(m);
      continue;
    }
    const key = `${m.type ?? 'user'}\u0000${m.id}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, i);
      kept.push(m);
    } else if ((members[first] as Member).role !== m.role)
      throw new FeishuInputError(
        'addTasklistMembers',
        `body.members[${i}].role`,
        `is ${JSON.stringify(m.role)} but body.members[${first}] (the same member, ${JSON.stringify(m.id)}) has role ${JSON.stringify((members[first] as Member).role)}`,
      );
  }
  return kept.length === members.length ? members : kept;
}

const mayHaveApplied = (error: unknown) => (error as { outcomeUnknown?: unknown })?.outcomeUnknown === true;

export function addInChunks<R>(input: Input, callOne: (input: Input) => Promise<R>): Promise<R> {
  const max = addTasklistMembers.input.body.props.members.max;
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
