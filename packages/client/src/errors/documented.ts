import { errorCatalog, operationErrors } from '@feishu-task/types';
import type { ErrorKind } from './api-error.js';

export interface DocumentedError {
  status: number;
  name: string;
  kind: ErrorKind;
  advice: string;
}

/** What the operation's page documents for `code`, from the spec's generated tables. */
export function documentedError(operation: string | undefined, code: unknown): DocumentedError | undefined {
  const entry = operation
    ? (operationErrors as Record<string, Record<number, readonly [number, string]>>)[operation]?.[code as number]
    : undefined;
  if (!entry) return undefined;
  const catalogued = (errorCatalog as Record<string, { kind: ErrorKind; advice: string }>)[entry[1]];
  if (!catalogued) return undefined;
  return { status: entry[0], name: entry[1], kind: catalogued.kind, advice: catalogued.advice };
}
