// The runtime every call goes through: option checks, auth, quotas, the send loop, task-write
// serialization, input checks and error scrubbing. It holds no operation's tables: a call brings its
// operation's generated spec (a per-operation module such as ./operations/add-tasklist-members.ts), so an
// app carries only the operations it imports. createClient is this core plus all three named methods.
import { servers } from '@feishu-task/types';
import type { Answer } from './attempt.js';
import { APP_TOKENS, createTokenSource, type TokenDeps } from './auth.js';
import { FeishuApiError } from './errors/api-error.js';
import { FeishuError } from './errors/feishu-error.js';
import { FeishuInputError } from './errors/input-error.js';
import { FeishuTimeoutError } from './errors/timeout-error.js';
import { fingerprint } from './fingerprint.js';
import { checkInput, type InputRules } from './input-check.js';
import { type ClientInternals, INTERNALS, type Serial, type Split } from './internals.js';
import { createLog } from './logger.js';
import { note, type OperationSpec, operationAt, specOf } from './operation.js';
import type { CoreOptions } from './options.js';
import { CLIENT_NUMBERS, checkNumber } from './options-check.js';
import type { QuotaGate } from './quota/gate.js';
import { gateFor, MemoryQuotaStore, processStore, type QuotaWindow, windowsOf } from './quota/index.js';
import { STORE_GUARD, type StoreGuard } from './quota/store.js';
import { SecretList } from './redact.js';
import { defaultRetry } from './retry.js';
import { type CallContext, createSend } from './send.js';
import { stoppedByCaller } from './stopped.js';
import type { CallOptions } from './types.js';
import { buildUrl } from './url.js';

/** A core made by createCore: hand it to the per-operation functions (`addTasklistMembers(core, input)`). */
export interface FeishuCore {
  readonly [INTERNALS]: ClientInternals;
}

const JSON_TYPE = 'application/json; charset=utf-8';
/**
 * The spec bounds no answer's size; the largest it describes is add_members' tasklist with its members
 * (an id of at most 100 characters, a role, a type and a name each: well under 256 bytes). 4 MiB holds
 * more than 16,000 of them while keeping a runaway answer from filling memory.
 */
const DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

function baseUrlOf(domain: unknown, caller: string): string {
  const known = typeof domain === 'string' ? (servers as Record<string, string>)[domain] : undefined;
  const url = (known ?? (typeof domain === 'string' ? domain : '')).replace(/\/+$/, '');
  let ok = /^https?:\/\//i.test(url);
  try {
    new URL(url);
  } catch {
    ok = false;
  }
  if (!ok)
    throw new FeishuInputError(
      caller,
      'domain',
      `must be ${Object.keys(servers)
        .map((name) => `'${name}'`)
        .join(', ')} or an http(s) URL, got ${JSON.stringify(domain)}`,
    );
  return url;
}

/** `caller`: the function the caller called, named by option errors (createClient builds on this). */
export function createCore(options: CoreOptions, caller = 'createCore'): FeishuCore {
  const inputError = (field: string, problem: string) => new FeishuInputError(caller, field, problem);
  const nonEmpty = (value: unknown, field: string) => {
    if (typeof value !== 'string' || value.length === 0) throw inputError(field, 'must be a non-empty string');
  };
  if (!options || typeof options !== 'object') throw inputError('options', 'must be an object');
  const baseUrl = baseUrlOf(options.domain ?? 'feishu', caller);
  const auth = options.auth as Record<string, unknown>;
  if (auth === undefined || auth === null) throw inputError('auth', 'is required');
  if (typeof auth !== 'object') throw inputError('auth', `must be an object, got ${typeof auth}`);
  if ('appId' in auth) {
    nonEmpty(auth.appId, 'auth.appId');
    nonEmpty(auth.appSecret, 'auth.appSecret');
    if (!(APP_TOKENS in auth))
      throw inputError(
        'auth',
        "app credentials go through appCredentials() from '@feishu-task/client/app-credentials'",
      );
  } else if ('tenantAccessToken' in auth) nonEmpty(auth.tenantAccessToken, 'auth.tenantAccessToken');
  else if ('userAccessToken' in auth) nonEmpty(auth.userAccessToken, 'auth.userAccessToken');
  else if ('tokenProvider' in auth) {
    if (typeof auth.tokenProvider !== 'function') throw inputError('auth.tokenProvider', 'must be a function');
  } else if (!(APP_TOKENS in auth))
    throw inputError(
      'auth',
      `needs tenantAccessToken, userAccessToken, tokenProvider or app credentials; got the keys ${JSON.stringify(Object.keys(auth))}`,
    );
  if (options.advice !== undefined && typeof options.advice !== 'function')
    throw inputError('advice', "must be a function such as advice('en') from '@feishu-task/client/advice'");

  for (const [path, rule] of Object.entries(CLIENT_NUMBERS)) {
    const [outer, inner] = path.split('.') as [keyof CoreOptions, string | undefined];
    const value = options[outer];
    checkNumber(caller, path, inner ? (value as Record<string, unknown> | undefined)?.[inner] : value, rule);
  }

  const secrets = new SecretList();
  const log = createLog(options.logger, () => secrets.scrub_());
  const apiError = (operation: string, answer: Answer): Error => {
    const { response, json } = answer;
    const error = new FeishuApiError({
      operation: operation as never,
      status: response.status,
      code: typeof json.code === 'number' ? json.code : Number.NaN,
      msg: typeof json.msg === 'string' ? json.msg : '',
      logId: response.headers.get('x-tt-logid') ?? undefined,
      detail: json.error as never,
      headers: response.headers,
      attempts: answer.attempts,
      advice: options.advice,
    });
    error.outcomeUnknown = answer.outcomeUnknown;
    return error;
  };
  const deps = (): TokenDeps => ({
    send_: (operation, out, ctx) => send(operation, out, ctx),
    baseUrl_: baseUrl,
    transport_: options.fetch,
    secrets_: secrets,
    context_: () => context(undefined),
    fail_: apiError,
  });
  const tokens = createTokenSource(options.auth, secrets, deps);

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
  const margin = quota.marginMs ?? 100;
  const onError = quota.onStoreError ?? 'fail';
  if (onError !== 'fail' && onError !== 'local')
    throw inputError('quota.onStoreError', `must be 'fail' or 'local', got ${String(onError)}`);
  // A shared store brings its guard (store timeout, fallback); the process's memory needs none.
  // (createClient hands its own to the core, for stores without one.)
  const shared = quota.store instanceof MemoryQuotaStore ? undefined : quota.store;
  const storeGuard = shared && (shared[STORE_GUARD] ?? (options as { [STORE_GUARD]?: StoreGuard })[STORE_GUARD]);
  if (shared && !storeGuard)
    throw inputError(
      'quota.store',
      "must be a MemoryQuotaStore, a Redis store, or a store of your own through sharedQuotaStore() from '@feishu-task/client/redis'",
    );
  const policy = storeGuard && {
    timeoutMs: quota.storeTimeoutMs ?? 1_000,
    onError,
    local: processStore,
    onFallback: (error: Error) =>
      log?.('warn', 'feishu quota store failed; counting in this process for now', { error: error.message }),
  };
  // This core's gates: held here, so the shared registry frees them when the core is gone.
  const gates = new Map<string, QuotaGate | undefined>();
  const gate = (operation: string) => {
    if (options.throttle === false) return undefined;
    if (!gates.has(operation)) {
      const rateLimit = specOf(operation)?.rateLimit ?? { perMinute: null, perSecond: null };
      const windows =
        (quota.windows as Record<string, QuotaWindow[] | undefined> | undefined)?.[operation] ??
        windowsOf(rateLimit, margin);
      gates.set(
        operation,
        windows.length
          ? gateFor(
              store,
              `${quotaKey}:${operation}`,
              windows,
              policy && [`${policy.timeoutMs}/${onError}`, () => storeGuard(store, policy, operation)],
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
    maxWaitMs_: quota.maxWaitMs ?? Number.POSITIVE_INFINITY,
    tokens_: tokens,
    log_: log,
    scrub_: (userToken) => secrets.exact_(userToken),
  });

  function context(signal: AbortSignal | undefined, deadlineMs = options.deadlineMs, userToken?: string): CallContext {
    return {
      signal,
      deadlineMs,
      deadlineAt_: deadlineMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + deadlineMs,
      userToken_: userToken,
    };
  }

  // Every error leaves through here: the core's and this call's secrets are scrubbed once.
  function guard<T>(run: () => Promise<T>, userToken?: string): Promise<T> {
    const scrub = (error: unknown) => {
      throw error instanceof FeishuError ? error.scrubWith(secrets.exact_(userToken)) : error;
    };
    try {
      return run().catch(scrub);
    } catch (error) {
      return Promise.reject(error).catch(scrub);
    }
  }

  function checkOptions(operation: string, callOptions: CallOptions): void {
    if (!callOptions || typeof callOptions !== 'object')
      throw new FeishuInputError(operation, 'options', 'must be an object');
    const { userAccessToken, deadlineMs, signal } = callOptions;
    // Duck-typed, not instanceof: a signal from another realm (a test runner's, a polyfill's) is fine.
    if (signal !== undefined && typeof signal?.addEventListener !== 'function')
      throw new FeishuInputError(operation, 'options.signal', 'must be an AbortSignal');
    if (userAccessToken !== undefined && (typeof userAccessToken !== 'string' || userAccessToken === ''))
      throw new FeishuInputError(operation, 'options.userAccessToken', 'must be a non-empty string when given');
    checkNumber(operation, 'options.deadlineMs', deadlineMs, CLIENT_NUMBERS.deadlineMs);
  }

  type Input = { path: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown };

  // One request of a named operation whose input was checked. Not async: a frame of its own cost every
  // call another promise to resolve (`pnpm bench`, CPU per call).
  function request(spec: OperationSpec, input: Input, callOptions: CallOptions, serial?: Serial): Promise<unknown> {
    const operation = spec.id;
    const { userAccessToken } = callOptions;
    const headers: Record<string, string> = {};
    if (input.body !== undefined) headers['content-type'] = JSON_TYPE;
    if (userAccessToken) headers.authorization = `Bearer ${userAccessToken}`;
    const ctx = context(callOptions.signal, callOptions.deadlineMs ?? options.deadlineMs, userAccessToken);
    const go = () =>
      send(
        operation as never,
        {
          method: spec.method,
          url: buildUrl(baseUrl, spec.path, input.path, input.query),
          headers,
          body: input.body === undefined ? undefined : JSON.stringify(input.body),
        },
        ctx,
      );
    return (
      serial && options.serializeTaskWrites !== false
        ? serial.run_(
            `${baseUrl}\u0000${String(input.path[serial.param_])}`,
            go,
            ctx.signal,
            ctx.deadlineAt_ - Date.now(),
            () => stoppedByCaller(operation, ctx.signal?.reason, false),
            () => new FeishuTimeoutError(operation, ctx.deadlineMs, { deadline: true, inFlight: false }),
          )
        : go()
    ).then((answer) => {
      if (answer.replayed) return { replayed: { code: answer.json.code as number, msg: String(answer.json.msg) } };
      if (answer.response.ok && answer.json.code === 0) return answer.json.data;
      throw apiError(operation, answer);
    });
  }

  // `split`: the body's array that goes as consecutive requests. The whole input is checked first (that
  // array beyond its maxItems allowed), so a bad member in chunk 3 stops everything before chunk 1.
  function call(
    spec: OperationSpec,
    input: unknown,
    callOptions: CallOptions = {},
    split?: Split,
    serial?: Serial,
  ): Promise<unknown> {
    note(spec);
    return guard(() => {
      checkInput(spec.id, spec.input as InputRules, input, split?.field_);
      checkOptions(spec.id, callOptions);
      if (!split) return request(spec, input as Input, callOptions, serial);
      return split.run_(input, (chunk) => request(spec, chunk as Input, callOptions, serial));
    }, callOptions?.userAccessToken);
  }

  const internals: ClientInternals = {
    baseUrl_: baseUrl,
    send_: send,
    context_: (signal) => context(signal),
    guard_: guard,
    call_: call,
    operationAt_: operationAt,
    inputError_: (operation, field, problem) => new FeishuInputError(operation, field, problem),
    secretCount_: () => secrets.size_,
  };
  const core = {} as FeishuCore;
  Object.defineProperty(core, INTERNALS, { value: internals });
  return core;
}
