import { specOf } from '../operation.js';
import type { ErrorKind } from './api-error.js';

export interface DocumentedError {
  status: number;
  name: string;
  kind: ErrorKind;
}

/** What the operation's page documents for `code`, from its generated spec (advice texts are apart: ../advice.ts). */
export function documentedError(operation: string | undefined, code: unknown): DocumentedError | undefined {
  const entry = specOf(operation)?.errors[code as number];
  return entry && { status: entry[0], name: entry[1], kind: entry[2] as ErrorKind };
}
