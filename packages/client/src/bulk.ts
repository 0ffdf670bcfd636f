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
function uniqueMembers(members: Member[]): Member[] {
  if (members.length < 2) return members;
  const seen = new Map<string, number>();
  const kept = members.filter((m, i) => {
    if (m.id === undefined) return true;
    const key = `${m.type ?? 'user'}\u0000${m.id}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else if ((members[first] as Member).role !== m.role)
      throw new FeishuInputError(
        'addTasklistMembers',
        `body.members[${i}].role`,
        `is ${JSON.stringify(m.role)} but body.members[${first}] (the same member, ${JSON.stringify(m.id)}) has role ${JSON.stringify((members[first] as Member).role)}`,
      );
    return first === undefined;
  });
  return kept.length < members.length ? kept : members;
}

export function addInChunks<R>(input: Input, callOne: (input: Input) => Promise<R>): Promise<R> {
  const max = addTasklistMembers.input.body.props.members.max;
  const members = uniqueMembers(input.body.members);
  const withMembers = (chunk: Member[]) =>
    chunk === input.body.members ? input : { ...input, body: { ...input.body, members: chunk } };
  // One request (the common case) is handed straight on: no chunk bookkeeping, no extra promise.
  if (members.length <= max) return callOne(withMembers(members));
  return (async () => {
    let result: R | undefined;
    const chunkCount = Math.ceil(members.length / max);
    for (let chunkIndex = 0; chunkIndex < chunkCount; chunkIndex++) {
      const start = chunkIndex * max;
      const chunk = members.slice(start, start + max);
      try {
        result = await callOne(withMembers(chunk));
      } catch (cause) {
        // The request may have been applied: its members are unknown, not "not applied".
        const unknown = (cause as { outcomeUnknown?: unknown })?.outcomeUnknown === true ? chunk : [];
        throw new FeishuBulkError({
          operation: 'addTasklistMembers',
          chunkIndex,
          chunkCount,
          applied: members.slice(0, start),
          unknown,
          notApplied: members.slice(start + unknown.length),
          cause,
        });
      }
    }
    return result as R;
  })();
}
