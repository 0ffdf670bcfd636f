// The operations this runtime has been handed. Each per-operation module (and createClient, for all of
// them) passes its generated spec (@feishu-task/types/operations) with every call, and it is noted here:
// the send loop, the error tables and the raw client's routing look an operation up by id, so an app
// carries the tables of the operations it calls and no others.
import type { OperationId } from '@feishu-task/types';
import type { OperationSpec } from '@feishu-task/types/operations';

export type { OperationSpec };

const known = new Map<string, OperationSpec>();

export function note(spec: OperationSpec): void {
  if (known.get(spec.id) !== spec) known.set(spec.id, spec);
}

export const specOf = (id: string | undefined): OperationSpec | undefined =>
  id === undefined ? undefined : known.get(id);

/** The noted operation at a method and path template; undefined for a path none of them has. */
export function operationAt(method: string, template: string): OperationId | undefined {
  for (const spec of known.values())
    if (spec.method === method && spec.path === template) return spec.id as OperationId;
  return undefined;
}
