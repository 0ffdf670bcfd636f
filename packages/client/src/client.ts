import { type OperationId, operations, servers } from '@feishu-task/types';
import type { Answer } from './attempt.js';
import { type AuthOption, createTokenSource, type ExchangeCredentials } from './auth.js';
import { addInChunks } from './bulk.js';
import { FeishuApiError } from './errors/api-error.js';
import { FeishuError } from './errors/feishu-error.js';
import { FeishuInputError } from './errors/input-error.js';
import { FeishuTimeoutError } from './errors/timeout-error.js';
import { fingerprint } from './fingerprint.js';
import { checkInput, type InputRules } from './input-check.js';
import { type ClientInternals, INTERNALS } from './internals.js';
import { createLog, type Logger } from './logger.js';
import { oneAtATime, serialParameter } from './one-at-a-time.js';
import { CLIENT_NUMBERS, checkNumber } from './options-check.js';
import type { QuotaGate, StorePolicy } from './quota/gate.js';
import { gateFor, processStore, type QuotaStore, type QuotaWindow, windowsOf } from './quota/index.js';
import { SecretList } from './redact.js';
import { defaultRetry, type RetryOptions } from './retry.js';
import { type CallContext, createSend } from './send.js';
import { stoppedByCaller } from './stopped.js';
import type { CallInput, CallOptions, CallResult, TaskOperation } from './types.js';
import { buildUrl } from './url.js';

export interface QuotaOptions {
  /** Where slots are counted (default: this process's memory, shared by its clients of the same app). */
  store?: QuotaStore;
  /** Who shares the quota (default: the appId, else a fingerprint of the client's static token). */
  key?: string;
  /** The longest a call waits for a slot before failing with FeishuQuotaWaitError (default: no bound). */
  maxWaitMs?: number;
  /** Added to each window (at least 1% of it): requests leave exactly, but may arrive bunched (default 100 ms). */
  marginMs?: number;
  /**
   * Other windows than the spec's, per operation (a test server with a scaled-down quota). Another client
   * of the same key with other windows counts in the same logs, each client held to its own windows.
   */
  windows?: Partial<Record<OperationId, QuotaWindow[]>>;
  /** The longest one request to the store may take before the store counts as failed (default 1000 ms). */
  storeTimeoutMs?: number;
  /**
   * When the store fails or times out: 'fail' (default) ends the waiting calls with FeishuQuotaStoreError;
   * 'local' counts in this process's memory for a few seconds, then asks the store again. With 'local',
   * processes no longer see each other's calls, so together they can exceed the quota while it lasts.
   */
  onStoreError?: 'fail' | 'local';
}

export interface ClientOptions {
  /** `feishu` (default), `lark`, or a base URL such as a mock's `http://127.0.0.1:4010`. */
  domain?: keyof typeof servers | (string & {});
  auth: AuthOption;
  /** A fetch implementation (default: the global fetch). */
  fetch?: typeof fetch;
  /** Per attempt, in milliseconds (default 30 000). */
  timeoutMs?: number;
  /** The largest answer body read, in bytes (default 4 MiB); a larger one is a FeishuResponseError. */
  maxResponseBytes?: number;
  /** Bounds each call as a whole (quota waits, all attempts and backoff), in milliseconds (default: none). */
  deadlineMs?: number;
  /** Retries after the first attempt for rate limits, server failures and network errors (default 2). */
  maxRetries?: number;
  /** Backoff tuning: first step and ceiling, in milliseconds. */
  retryDelay?: Partial<Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs'>>;
  /** Client-side quotas from the spec's x-feishu-rate-limit (default on); `false` turns them off. */
  throttle?: boolean;
  quota?: QuotaOptions;
  /**
   * Writes to one task (add and remove collaborators) go one after another in this process (default
   * true): the pages answer concurrent requests for the same task with 1470451.
   */
  serializeTaskWrites?: boolean;
  logger?: Logger;
}

/** The named calls. For openapi-fetch's typed `{ data, error, response }` calls: `createRawClient(client)` from `@feishu-task/client/raw`. */
export interface FeishuTaskClient {
  addTaskCollaborators(
    input: CallInput<'addTaskCollaborators'>,
    options?: CallOptions,
  ): Promise<CallResult<'addTaskCollaborators'>>;
  removeTaskCollaborator(
    input: CallInput<'removeTaskCollaborator'>,
    options?: CallOptions,
  ): Promise<CallResult<'removeTaskCollaborator'>>;
  /** Duplicates are dropped; more members than the spec's `maxItems` for `members` go as consecutive requests; the last answer is returned. */
  addTasklistMembers(
    input: CallInput<'addTasklistMembers'>,
    options?: CallOptions,
  ): Promise<CallResult<'addTasklistMembers'>>;
}

const JSON_TYPE = 'application/json; charset=utf-8';
/**
 * The spec bounds no answer's size; the largest it describes is add_members' tasklist with its members
 * (an id of at most 100 characters, a role, a type and a name each: well under 256 bytes). 4 MiB holds
 * more than 16,000 of them while keeping a runaway answer from filling memory.
 */
const DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

function apiError(operation: OperationId, answer: Answer): FeishuApiError {
  const { response, json } = answer;
  const error = new FeishuApiError({
    operation,
    status: response.status,
    code: typeof json.code === 'number' ? json.code : Number.NaN,
    msg: typeof json.msg === 'string' ? json.msg : '',
    logId: response.headers.get('x-tt-logid') ?? undefined,
    detail: json.error as never,
    headers: response.headers,
    attempts: answer.attempts,
  });
  error.outcomeUnknown = answer.outcomeUnknown;
  return error;
}

// Method and path template to operation, for the raw client (made on its first use).
let routes: Map<string, OperationId> | undefined;
function operationAt(method: string, template: string): OperationId | undefined {
  routes ??= new Map(Object.entries(operations).map(([id, op]) => [`${op.method} ${op.path}`, id as OperationId]));
  return routes.get(`${method} ${template}`);
}
const inputError = (operation: string, field: string, problem: string) =>
  new FeishuInputError(operation, field, problem);

function nonEmpty(value: unknown, field: string): void {
  if (typeof value !== 'string' || value.length === 0)
    throw new FeishuInputError('createClient', field, 'must be a non-empty string');
}

function baseUrlOf(domain: unknown): string {
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
      'createClient',
      'domain',
      `must be ${Object.keys(servers)
        .map((name) => `'${name}'`)
        .join(', ')} or an http(s) URL, got ${JSON.stringify(domain)}`,
    );
  return url;
}

export function createClient(options: ClientOptions): FeishuTaskClient {
  if (!options || typeof options !== 'object')
    throw new FeishuInputError('createClient', 'options', 'must be an object');
  const baseUrl = baseUrlOf(options.domain ?? 'feishu');
  const auth = options.auth as Record<string, unknown>;
  if (!auth || typeof auth !== 'object') throw new FeishuInputError('createClient', 'auth', 'is required');
  if ('appId' in auth) {
    nonEmpty(auth.appId, 'auth.appId');
    nonEmpty(auth.appSecret, 'auth.appSecret');
  } else if ('tenantAccessToken' in auth) nonEmpty(auth.tenantAccessToken, 'auth.tenantAccessToken');
  else if ('userAccessToken' in auth) nonEmpty(auth.userAccessToken, 'auth.userAccessToken');

  for (const [path, rule] of Object.entries(CLIENT_NUMBERS)) {
    const [outer, inner] = path.split('.') as [keyof ClientOptions, string | undefined];
    const value = options[outer];
    checkNumber('createClient', path, inner ? (value as Record<string, unknown> | undefined)?.[inner] : value, rule);
  }

  const secrets = new SecretList();
  const log = createLog(options.logger, () => secrets.scrub());
  const exchange: ExchangeCredentials = async (app_id, app_secret) => {
    const op = operations.getTenantAccessToken;
    const answer = await send(
      'getTenantAccessToken',
      {
        method: op.method,
        url: baseUrl + op.path,
        headers: { 'content-type': JSON_TYPE },
        body: JSON.stringify({ app_id, app_secret }),
      },
      context(undefined),
    );
    const { tenant_access_token: token, expire } = answer.json as { tenant_access_token?: unknown; expire?: unknown };
    if (!answer.response.ok || answer.json.code !== 0 || typeof token !== 'string')
      throw apiError('getTenantAccessToken', answer);
    return { token, expiresInSeconds: typeof expire === 'number' ? expire : undefined };
  };
  const tokens = createTokenSource(options.auth, exchange, secrets, { transport: options.fetch, domain: baseUrl });

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
  const policy: StorePolicy = {
    timeoutMs: quota.storeTimeoutMs ?? 1_000,
    onError: quota.onStoreError ?? 'fail',
    local: processStore,
    onFallback: (error) =>
      log?.('warn', 'feishu quota store failed; counting in this process for now', { error: error.message }),
  };
  if (policy.onError !== 'fail' && policy.onError !== 'local')
    throw new FeishuInputError(
      'createClient',
      'quota.onStoreError',
      `must be 'fail' or 'local', got ${String(policy.onError)}`,
    );
  // This client's gates: held here, so the shared registry frees them when the client is gone.
  const gates = new Map<OperationId, QuotaGate | undefined>();
  const gate = (operation: OperationId) => {
    if (options.throttle === false) return undefined;
    if (!gates.has(operation)) {
      const windows = quota.windows?.[operation] ?? windowsOf(operations[operation].rateLimit, margin);
      gates.set(
        operation,
        windows.length ? gateFor(store, `${quotaKey}:${operation}`, operation, windows, policy) : undefined,
      );
    }
    return gates.get(operation);
  };

  const send = createSend({
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    timeoutMs: options.timeoutMs ?? 30_000,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    retry: { ...defaultRetry, ...options.retryDelay, maxRetries: options.maxRetries ?? defaultRetry.maxRetries },
    gate,
    maxWaitMs: quota.maxWaitMs ?? Number.POSITIVE_INFINITY,
    tokens,
    log,
    scrub: (userToken) => secrets.exact(userToken),
  });

  function context(signal: AbortSignal | undefined, deadlineMs = options.deadlineMs, userToken?: string): CallContext {
    return {
      signal,
      deadlineMs,
      deadlineAt: deadlineMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + deadlineMs,
      userToken,
    };
  }

  // Every error leaves through here: the client's and this call's secrets are scrubbed once.
  function guard<T>(run: () => Promise<T>, userToken?: string): Promise<T> {
    const scrub = (error: unknown) => {
      throw error instanceof FeishuError ? error.scrubWith(secrets.exact(userToken)) : error;
    };
    try {
      return run().catch(scrub);
    } catch (error) {
      return Promise.reject(error).catch(scrub);
    }
  }

  function checkOptions(operation: TaskOperation, callOptions: CallOptions): void {
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

  // One request of a named operation whose input was checked.
  async function request<K extends TaskOperation>(
    operation: K,
    input: CallInput<K>,
    callOptions: CallOptions,
  ): Promise<CallResult<K>> {
    const op = operations[operation];
    const { userAccessToken } = callOptions;
    const headers: Record<string, string> = {};
    if (input.body !== undefined) headers['content-type'] = JSON_TYPE;
    if (userAccessToken) headers.authorization = `Bearer ${userAccessToken}`;
    const ctx = context(callOptions.signal, callOptions.deadlineMs ?? options.deadlineMs, userAccessToken);
    const go = () =>
      send(
        operation,
        {
          method: op.method,
          url: buildUrl(baseUrl, op.path, input.path, input.query),
          headers,
          body: input.body === undefined ? undefined : JSON.stringify(input.body),
        },
        ctx,
      );
    const serial = options.serializeTaskWrites === false ? undefined : serialParameter(operation);
    const answer = await (serial
      ? oneAtATime(
          `${baseUrl}\u0000${String((input.path as Record<string, unknown>)[serial])}`,
          go,
          ctx.signal,
          ctx.deadlineAt - Date.now(),
          () => stoppedByCaller(operation, ctx.signal?.reason, false),
          () => new FeishuTimeoutError(operation, ctx.deadlineMs, { deadline: true, inFlight: false }),
        )
      : go());
    if (answer.replayed)
      return { replayed: { code: answer.json.code as number, msg: String(answer.json.msg) } } as CallResult<K>;
    if (answer.response.ok && answer.json.code === 0) return answer.json.data as CallResult<K>;
    throw apiError(operation, answer);
  }

  // `chunked`: the body's array that goes as consecutive requests. The whole input is checked first
  // (that array beyond its maxItems allowed), so a bad member in chunk 3 stops everything before chunk 1.
  function call<K extends TaskOperation>(
    operation: K,
    input: CallInput<K>,
    callOptions: CallOptions = {},
    chunked?: 'members',
  ): Promise<CallResult<K>> {
    return guard(() => {
      checkInput(operation, operations[operation].input as InputRules, input, chunked);
      checkOptions(operation, callOptions);
      if (!chunked) return request(operation, input, callOptions);
      return addInChunks(input as CallInput<'addTasklistMembers'>, (chunk) =>
        request(operation, chunk as CallInput<K>, callOptions),
      );
    }, callOptions?.userAccessToken);
  }

  const client: FeishuTaskClient = {
    addTaskCollaborators: (input, o) => call('addTaskCollaborators', input, o),
    removeTaskCollaborator: (input, o) => call('removeTaskCollaborator', input, o),
    addTasklistMembers: (input, o) => call('addTasklistMembers', input, o, 'members'),
  };
  const internals: ClientInternals = {
    baseUrl,
    send,
    context: (signal) => context(signal),
    guard,
    operationAt,
    inputError,
    secretCount: () => secrets.size,
  };
  Object.defineProperty(client, INTERNALS, { value: internals });
  return client;
}
