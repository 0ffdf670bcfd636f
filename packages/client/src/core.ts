// The runtime every call goes through: option checks, auth, quotas, the send loop, task-write
// serialization, input checks and error scrubbing. It holds no operation's tables: a call brings its
// operation's generated spec (a per-operation module such as ./operations/add-tasklist-members.ts), so an
// app carries only the operations it imports. createClient is this core plus all three named methods.
import { servers } from '@feishu-task/types';
import type { Answer, Outgoing } from './attempt.js';
import { APP_TOKENS, createTokenSource } from './auth.js';
import { FeishuApiError } from './errors/api-error.js';
import { FeishuError } from './errors/feishu-error.js';
import { FeishuInputError } from './errors/input-error.js';
import { fingerprint } from './fingerprint.js';
import { checkInput, type InputRules } from './input-check.js';
import { type Around, type ClientInternals, INTERNALS, type Split } from './internals.js';
import { createLog } from './logger.js';
import { note, type OperationSpec, specOf } from './operation.js';
import type { CoreOptions } from './options.js';
import { checkNumber, checkNumbers, DEADLINE_RULE } from './options-check.js';
import type { QuotaGate } from './quota/gate.js';
import { gateFor, MemoryQuotaStore, processStore, type QuotaWindow, windowsOf } from './quota/index.js';
import { STORE_GUARD, STORE_TIMEOUT_MS, type StoreGuard } from './quota/store.js';
import { SecretList } from './redact.js';
import { defaultRetry } from './retry.js';
import { type CallContext, createSend } from './send.js';
import type { CallOptions } from './types.js';
import { buildUrl } from './url.js';

declare const CORE: unique symbol;

/**
 * A core made by createCore: hand it to the per-operation functions (`addTasklistMembers(core, input)`).
 * Opaque: what it holds is not API (its internal names are shortened in the published bundle).
 */
export interface FeishuCore {
  readonly [CORE]: true;
}

/**
 * The spec bounds no answer's size; the largest it describes is add_members' tasklist with its members
 * (an id of at most 100 characters, a role, a type and a name each: well under 256 bytes). 4 MiB holds
 * more than 16,000 of them while keeping a runaway answer from filling memory.
 */
const DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
const NON_EMPTY = 'must be a non-empty string';

/** `caller`: the function the caller called, named by option errors (createClient builds on this). */
export function createCore(options: CoreOptions, caller = 'createCore'): FeishuCore {
  const fail = (field: string, problem: string): never => {
    throw new FeishuInputError(caller, field, problem);
  };
  if (!options || typeof options !== 'object') fail('options', 'must be an object');
  const domain = options.domain ?? 'feishu';
  const baseUrl = String((servers as Record<string, string>)[domain] ?? domain).replace(/\/+$/, '');
  try {
    if (typeof domain !== 'string' || !/^https?:\/\//i.test(baseUrl)) throw 0;
    new URL(baseUrl);
  } catch {
    fail('domain', `must be '${Object.keys(servers).join("', '")}' or an http(s) URL, got ${JSON.stringify(domain)}`);
  }
  const auth = options.auth as Record<string, unknown>;
  if (auth == null) fail('auth', 'is required');
  if (typeof auth !== 'object') fail('auth', `must be an object, got ${typeof auth}`);
  const nonEmpty = (key: string) => {
    const value = auth[key];
    if (typeof value !== 'string' || !value) fail(`auth.${key}`, NON_EMPTY);
  };
  if ('appId' in auth) {
    nonEmpty('appId');
    nonEmpty('appSecret');
    if (!(APP_TOKENS in auth))
      fail('auth', "app credentials go through appCredentials() from '@feishu-task/client/app-credentials'");
  } else if ('tenantAccessToken' in auth) nonEmpty('tenantAccessToken');
  else if ('userAccessToken' in auth) nonEmpty('userAccessToken');
  else if ('tokenProvider' in auth) {
    if (typeof auth.tokenProvider !== 'function') fail('auth.tokenProvider', 'must be a function');
  } else if (!(APP_TOKENS in auth))
    fail(
      'auth',
      `needs tenantAccessToken, userAccessToken, tokenProvider or app credentials; got the keys ${JSON.stringify(Object.keys(auth))}`,
    );
  if (options.advice !== undefined && typeof options.advice !== 'function')
    fail('advice', "must be a function: advice('en') from '@feishu-task/client/advice'");
  checkNumbers(caller, options);

  const secrets = new SecretList();
  const log = createLog(options.logger, () => secrets.scrub_(undefined, true));
  const apiError = (operation: string, answer: Answer): Error =>
    new FeishuApiError(operation as never, answer, options.advice);
  const internals: ClientInternals = {
    baseUrl_: baseUrl,
    send_: (operation, out, ctx) => send(operation, out, ctx),
    context_: context,
    guard_: guard,
    call_: call,
    secretCount_: () => secrets.size_,
    inputError_: (operation, field, problem) => new FeishuInputError(operation, field, problem),
  };
  // App credentials exchange their token through this core's send loop.
  const tokens = createTokenSource(options.auth, secrets, () => ({
    ...internals,
    transport_: options.fetch,
    secrets_: secrets,
    fail_: apiError,
  }));

  const quota = options.quota ?? {};
  const staticToken = (auth.tenantAccessToken ?? auth.userAccessToken) as string | undefined;
  const quotaKey =
    quota.key ??
    (typeof auth.appId === 'string'
      ? `app:${auth.appId}`
      : staticToken
        ? `token:${fingerprint(staticToken)}`
        : `client:${Math.random().toString(36).slice(2)}`);
  const store = quota.store ?? processStore;
  const onError = quota.onStoreError ?? 'fail';
  if (onError !== 'fail' && onError !== 'local')
    fail('quota.onStoreError', `must be 'fail' or 'local', got ${String(onError)}`);
  // A shared store brings its guard (store timeout, fallback); the process's memory needs none.
  // (createClient hands its own to the core, for stores without one.)
  const shared = store instanceof MemoryQuotaStore ? undefined : store;
  const storeGuard = shared && (shared[STORE_GUARD] ?? (options as { [STORE_GUARD]?: StoreGuard })[STORE_GUARD]);
  if (shared && !storeGuard)
    fail(
      'quota.store',
      "must be a MemoryQuotaStore or a store made by sharedQuotaStore() ('@feishu-task/client/redis')",
    );
  // This core's gates: held here, so the shared registry frees them when the core is gone.
  const gates = new Map<string, QuotaGate | undefined>();
  const gate = (operation: string) => {
    if (options.throttle === false) return undefined;
    if (!gates.has(operation)) {
      const windows =
        (quota.windows as Record<string, QuotaWindow[] | undefined> | undefined)?.[operation] ??
        windowsOf(specOf(operation)?.rateLimit, quota.marginMs ?? 100);
      gates.set(
        operation,
        windows[0]
          ? gateFor(
              store,
              `${quotaKey}:${operation}`,
              windows,
              storeGuard && [
                `${quota.storeTimeoutMs ?? STORE_TIMEOUT_MS}/${onError}`,
                () => storeGuard(store, quota, processStore, log, operation),
              ],
            )
          : undefined,
      );
    }
    return gates.get(operation);
  };

  const send = createSend({
    fetch_: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    timeoutMs_: options.timeoutMs ?? 30_000,
    maxResponseBytes_: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    retry_: { ...defaultRetry, ...options.retryDelay, maxRetries: options.maxRetries ?? defaultRetry.maxRetries },
    gate_: gate,
    maxWaitMs_: quota.maxWaitMs ?? Infinity,
    tokens_: tokens,
    log_: log,
    scrub_: (userToken) => secrets.scrub_(userToken),
  });

  function context(signal: AbortSignal | undefined, deadlineMs = options.deadlineMs, userToken?: string): CallContext {
    return {
      signal,
      deadlineMs,
      deadlineAt_: deadlineMs === undefined ? Infinity : performance.now() + deadlineMs,
      userToken_: userToken,
    };
  }

  // Every error leaves through here: the core's and this call's secrets are scrubbed once.
  async function guard<T>(run: () => Promise<T>, userToken?: string): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw error instanceof FeishuError ? error.scrubWith(secrets.scrub_(userToken)) : error;
    }
  }

  function checkOptions(operation: string, callOptions: CallOptions): void {
    const fail = (field: string, problem: string) => {
      throw new FeishuInputError(operation, `options${field}`, problem);
    };
    if (!callOptions || typeof callOptions !== 'object') fail('', 'must be an object');
    const { userAccessToken, signal } = callOptions;
    // Duck-typed, not instanceof: a signal from another realm (a test runner's, a polyfill's) is fine.
    if (signal !== undefined && typeof signal?.addEventListener !== 'function')
      fail('.signal', 'must be an AbortSignal');
    if (userAccessToken !== undefined && (typeof userAccessToken !== 'string' || !userAccessToken))
      fail('.userAccessToken', `${NON_EMPTY} when given`);
    checkNumber(operation, 'options.deadlineMs', callOptions.deadlineMs, DEADLINE_RULE);
  }

  type Input = { path: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown };

  // One request of a named operation whose input was checked. Not async: a frame of its own cost every
  // call another promise to resolve (`pnpm bench`, CPU per call).
  function request(spec: OperationSpec, input: Input, callOptions: CallOptions, around?: Around): Promise<unknown> {
    const operation = spec.id;
    const { userAccessToken } = callOptions;
    const headers: Record<string, string> = {};
    if (input.body !== undefined) headers['content-type'] = 'application/json; charset=utf-8';
    if (userAccessToken) headers.authorization = `Bearer ${userAccessToken}`;
    const ctx = context(callOptions.signal, callOptions.deadlineMs ?? options.deadlineMs, userAccessToken);
    // The request goes straight out unless it waits its turn (task writes): only then is a closure made
    // to send it later (one per call otherwise, `pnpm bench`, CPU per call).
    return (
      around && options.serializeTaskWrites !== false
        ? around(() => send(operation as never, outgoing(spec, input, headers), ctx), ctx, input.path, baseUrl)
        : send(operation as never, outgoing(spec, input, headers), ctx)
    ).then((answer) => {
      if (answer.replayed) return { replayed: { code: answer.json.code as number, msg: String(answer.json.msg) } };
      if (answer.response.ok && answer.json.code === 0) return answer.json.data;
      throw apiError(operation, answer);
    });
  }

  function outgoing(spec: OperationSpec, input: Input, headers: Record<string, string>): Outgoing {
    return {
      method: spec.method,
      url: buildUrl(baseUrl, spec.path, input.path, input.query),
      headers,
      body: input.body === undefined ? undefined : JSON.stringify(input.body),
    };
  }

  // `split`: the body's array that goes as consecutive requests. The whole input is checked first (that
  // array beyond its maxItems allowed), so a bad member in chunk 3 stops everything before chunk 1.
  function call(
    spec: OperationSpec,
    input: unknown,
    callOptions: CallOptions = {},
    split?: Split,
    around?: Around,
  ): Promise<unknown> {
    note(spec);
    return guard(() => {
      checkInput(spec.id, spec.input as InputRules, input, split?.field_);
      checkOptions(spec.id, callOptions);
      if (!split) return request(spec, input as Input, callOptions, around);
      return split.run_(input, (chunk) => request(spec, chunk as Input, callOptions, around));
    }, callOptions?.userAccessToken);
  }

  // Not enumerable: a logged core shows nothing of its internals.
  return Object.defineProperty({}, INTERNALS, { value: internals }) as FeishuCore;
}
