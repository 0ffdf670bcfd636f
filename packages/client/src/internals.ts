// What the per-operation modules and the raw entry (@feishu-task/client/raw) need from a core or client:
// its base URL, send loop, call context, error guard and named call. Kept on the object under a
// registered symbol, so entries bundled apart find each other without the core importing any operation's
// tables or openapi-fetch, and no entry holds a second copy of an error class (`instanceof` must hold).
import type { OperationSpec } from '@feishu-task/types/operations';
import type { Answer } from './attempt.js';
import type { CallContext, Send } from './send.js';
import type { CallOptions } from './types.js';

export const INTERNALS = Symbol.for('@feishu-task/client.internals');

// Names ending in `_` are internal: the published bundle shortens them (scripts/bundle.mjs, mangleProps),
// so apps carry short names. Used only inside this package, never on an object a caller hands in.

/** How a call goes out as several requests: the body's array that may exceed its maxItems, and the runner. */
export interface Split {
  field_: string;
  run_: (input: unknown, one: (input: unknown) => Promise<unknown>) => Promise<unknown>;
}

/**
 * What a named call's request goes through on its way out (the task operations: one write per task at a
 * time); `go` sends it. Runs only when the core's `serializeTaskWrites` is not false.
 */
export type Around = (
  go: () => Promise<Answer>,
  ctx: CallContext,
  path: Record<string, unknown>,
  baseUrl: string,
) => Promise<Answer>;

export interface ClientInternals {
  baseUrl_: string;
  send_: Send;
  context_: (signal?: AbortSignal) => CallContext;
  guard_: <T>(run: () => Promise<T>, userToken?: string) => Promise<T>;
  /** A named call: input and options checked, then one request (or several, with `split`). */
  call_: (
    spec: OperationSpec,
    input: unknown,
    options: CallOptions | undefined,
    split?: Split,
    around?: Around,
  ) => Promise<unknown>;
  /** How many secrets of its own the client scrubs from each error (bounded, whatever passes through). */
  secretCount_: () => number;
  /** A FeishuInputError (nothing was sent) naming `field`. */
  inputError_: (operation: string, field: string, problem: string) => Error;
  /** Set by createClient: every operation's spec is noted, so any path routes to its quota and retry rules. */
  routesAll_?: true;
}

/** The internals of a core made by createCore (or a client made by createClient). */
export function internalsOf(core: unknown, caller: string): ClientInternals {
  const internals = (core as Record<symbol, ClientInternals | undefined> | null)?.[INTERNALS];
  if (!internals) throw new TypeError(`${caller}: expected a core from createCore() or a client from createClient()`);
  return internals;
}
