import { type OperationId, operations } from '@feishu-task/types';

// Raw calls arrive as plain Requests: find their operation by method and path template.
const matchers = Object.entries(operations).map(([id, op]) => ({
  id: id as OperationId,
  method: op.method as string,
  pattern: new RegExp(`${op.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`),
}));

export function matchOperation(method: string, pathname: string): OperationId | undefined {
  for (const m of matchers) if (m.method === method && m.pattern.test(pathname)) return m.id;
  return undefined;
}
