// What the raw entry (@feishu-task/client/raw) needs from a client: its base URL, send loop, call context,
// error guard, the operation table and the error class. Kept on the client under a registered symbol so
// the two entries, bundled apart, find each other without the main entry importing openapi-fetch, and
// the raw entry holds no second copy of the tables or of an error class (`instanceof` must hold).
import type { OperationId } from '@feishu-task/types';
import type { CallContext, Send } from './send.js';

export const INTERNALS = Symbol.for('@feishu-task/client.internals');

export interface ClientInternals {
  baseUrl: string;
  send: Send;
  context: (signal: AbortSignal | undefined) => CallContext;
  guard: <T>(run: () => Promise<T>, userToken?: string) => Promise<T>;
  /** The operation at a method and path template; undefined for a path the spec does not know. */
  operationAt: (method: string, template: string) => OperationId | undefined;
  /** A FeishuInputError (nothing was sent) naming `field`. */
  inputError: (operation: string, field: string, problem: string) => Error;
  /** How many secrets of its own the client scrubs from each error (bounded, whatever passes through). */
  secretCount: () => number;
}
