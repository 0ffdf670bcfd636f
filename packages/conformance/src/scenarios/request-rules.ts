// What the request schema allows but the spec says the service refuses whatever the state
// (x-feishu-request-rules): a tasklist member without `id`, optional on the page, names nobody and is
// answered with the page's 1470400 (the spec's inference, which a real tenant confirms or refutes).
// The body is the page's own example with the key taken out of its first item. Nothing to undo: an item
// without its id names nothing a target could have added.
import { type OperationId, operations } from '@feishu-task/types';
import type { RunIds, Scenario, Step } from '../scenario.js';
import { loadSpec, operationFacts } from '../spec-facts.js';

/** The path parameters of each operation that has request rules, from the run's ids. */
const PATHS: Partial<Record<OperationId, (ids: RunIds) => Record<string, string>>> = {
  addTasklistMembers: (ids) => ({ tasklist_guid: ids.tasklist }),
};

function exampleBody(operation: OperationId): Record<string, unknown> {
  const { method, path } = operations[operation];
  const body = loadSpec().paths?.[path]?.[method.toLowerCase()]?.requestBody?.content?.['application/json'];
  return structuredClone(Object.values<{ value?: Record<string, unknown> }>(body?.examples ?? {})[0]?.value ?? {});
}

export const requestRules: Scenario = {
  id: 'request-rules',
  title: "Requests the schema allows but the spec's request rules refuse (a tasklist member without id)",
  steps: (ids): Step[] =>
    (Object.keys(operations) as OperationId[]).flatMap((operation) =>
      Object.entries(
        operations[operation].requestRules as Record<string, { field: string; itemWithout: string; code: number }>,
      ).flatMap(([name, rule]) => {
        const path = PATHS[operation];
        const answer = operationFacts().get(operation)?.byCode.get(rule.code);
        if (!path || !answer)
          throw new Error(`${operation}: request rule ${name} has no path or documented answer here`);
        const body = exampleBody(operation);
        const items = body[rule.field] as Record<string, unknown>[];
        delete items[0]?.[rule.itemWithout];
        return [
          {
            id: `${operation}-${name}`,
            title: `${operation}: an item of ${rule.field} without ${rule.itemWithout}`,
            operation,
            path: path(ids),
            body,
            auth: 'tenant' as const,
            expect: [answer.name],
          },
        ];
      }),
    ),
};
