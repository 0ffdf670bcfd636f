import { type OperationId, operations, type paths, servers } from '@feishu-task/types';
import {
  createFinalURL,
  createQuerySerializer,
  defaultPathSerializer,
  type Client as FetchClient,
} from 'openapi-fetch';
import type { Answer } from './attempt.js';
import { type AuthOption, createTokenSource, type ExchangeCredentials } from './auth.js';
import { addInChunks } from './bulk.js';
import { FeishuApiError } from './errors/api-error.js';
import { FeishuError } from './errors/feishu-error.js';
import { FeishuInputError } from './errors/input-error.js';
import { checkInput, type InputRules } from './input-check.js';
import { createLog, type Logger } from './logger.js';
import { fingerprint, gateFor, processStore, type QuotaStore, type QuotaWindow, windowsOf } from './quota/index.js';
import { createRaw } from './raw.js';
import { SecretList } from './redact.js';
import { defaultRetry, type RetryOptions } from './retry.js';
import { type CallContext, createSend } from './send.js';
import type { CallInput, CallOptions, CallResult, TaskOperation } from './types.js';

export interface QuotaOptions {
  /** Where slots are counted (default: this process's memory, shared by its clients of the same app). */
  store?: QuotaStore;
  /** Who shares the quota (default: the appId, else a fingerprint of the client's static token). */
  key?: string;
  /** The longest a call waits for a slot before failing with FeishuQuotaWaitError (default: no bound). */
  maxWaitMs?: number;
  /** Added to each window (at least 1% of it): requests leave exactly, but may arrive bunched (default 100 ms). */
  marginMs?: number;
  /** Other windows than the spec's, per operation (a test server with a scaled-down quota). */
  windows?: Partial<Record<OperationId, QuotaWindow[]>>;
}

export interface ClientOptions {
  /** `feishu` (default), `lark`, or a base URL such as a mock's `http://127.0.0.1:4010`. */
  domain?: keyof typeof servers | (string & {});
  auth: AuthOption;
  /** A fetch implementation (default: the global fetch). */
  fetch?: typeof fetch;
  /** Per attempt, in milliseconds (default 30 000). */
  timeoutMs?: number;
  /** Bounds each call as a whole (quota waits, all attempts and backoff), in milliseconds (default: none). */
  deadlineMs?: number;
  /** Retries after the first attempt for rate limits, server failures and network errors (default 2). */
  maxRetries?: number;
  /** Backoff tuning: first step and ceiling, in milliseconds. */
  retryDelay?: Partial<Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs'>>;
  /** Client-side quotas from the spec's x-feishu-rate-limit (default on); `false` turns them off. */
  throttle?: boolean;
  quota?: QuotaOptions;
  logger?: Logger;
}

export interface FeishuTaskClient {
  /** The typed openapi-fetch client: `raw.POST('/open-apis/...', {...})` returns `{data, error, response}`. */
  raw: FetchClient<paths>;
  addTaskCollaborators(
    input: CallInput<'addTaskCollaborators'>,
    options?: CallOptions,
  ): Promise<CallResult<'addTaskCollaborators'>>;
  removeTaskCollaborator(
    input: CallInput<'removeTaskCollaborator'>,
    options?: CallOptions,
  ): Promise<CallResult<'removeTaskCollaborator'>>;
  /** Duplicates are dropped; more members than the spec's `maxItems` (500) go as consecutive requests; the last answer is returned. */
  addTasklistMembers(
    input: CallInput<'addTasklistMembers'>,
    options?: CallOptions,
  ): Promise<CallResult<'addTasklistMembers'>>;
}

const querySerializer = createQuerySerializer();
const JSON_TYPE = 'application/json; charset=utf-8';

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

function nonEmpty(value: unknown, field: string): void {
  if (typeof value !== 'string' || value.length === 0)
    throw new FeishuInputError('createClient', field, 'must be a non-empty string');
}

export function createClient(options: ClientOptions): FeishuTaskClient {
  const domain = options.domain ?? 'feishu';
  const baseUrl = ((servers as Record<string, string>)[domain] ?? domain).replace(/\/+$/, '');
  if (!/^https?:\/\//.test(baseUrl))
    throw new TypeError(
      `createClient: domain must be 'feishu', 'lark' or an http(s) URL, got ${JSON.stringify(domain)}`,
    );
  const auth = options.auth as Record<string, unknown>;
  if (!auth || typeof auth !== 'object') throw new FeishuInputError('createClient', 'auth', 'is required');
  if ('appId' in auth) {
    nonEmpty(auth.appId, 'auth.appId');
    nonEmpty(auth.appSecret, 'auth.appSecret');
  } else if ('tenantAccessToken' in auth) nonEmpty(auth.tenantAccessToken, 'auth.tenantAccessToken');
  else if ('userAccessToken' in auth) nonEmpty(auth.userAccessToken, 'auth.userAccessToken');

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
    const { tenant_access_token: token, expire } = answer.json;
    if (!answer.response.ok || answer.json.code !== 0 || typeof token !== 'string')
      throw apiError('getTenantAccessToken', answer);
    return { token, expiresInSeconds: typeof expire === 'number' ? expire : undefined };
  };
  const tokens = createTokenSource(options.auth, exchange, secrets);

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
  const gate = (operation: OperationId) => {
    if (options.throttle === false) return undefined;
    const windows = quota.windows?.[operation] ?? windowsOf(operations[operation].rateLimit, margin);
    return windows.length ? gateFor(store, `${quotaKey}:${operation}`, windows) : undefined;
  };

  const send = createSend({
    fetch: options.fetch ?? ((...args) => globalThis.fetch(...args)),
    timeoutMs: options.timeoutMs ?? 30_000,
    retry: { ...defaultRetry, ...options.retryDelay, maxRetries: options.maxRetries ?? defaultRetry.maxRetries },
    gate,
    maxWaitMs: quota.maxWaitMs ?? Number.POSITIVE_INFINITY,
    tokens,
    log,
  });

  function context(signal: AbortSignal | undefined, deadlineMs = options.deadlineMs): CallContext {
    return {
      signal,
      deadlineMs,
      deadlineAt: deadlineMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + deadlineMs,
    };
  }

  // Every error leaves through here: the client's and this call's secrets are scrubbed once.
  async function guard<T>(run: () => Promise<T>, userToken?: string): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw error instanceof FeishuError ? error.scrubWith(secrets.exact(userToken)) : error;
    }
  }

  const raw = createRaw(baseUrl, send, (signal) => context(signal), guard);

  // Named methods skip openapi-fetch's Request round trip (measured: it costs more CPU than the rest of
  // the client) but build their URL with its own serializers, so raw and named calls agree.
  function call<K extends TaskOperation>(
    operation: K,
    input: CallInput<K>,
    callOptions: CallOptions = {},
    checked = false,
  ): Promise<CallResult<K>> {
    const { userAccessToken } = callOptions;
    return guard(async () => {
      const op = operations[operation];
      if (!checked) checkInput(operation, op.input as InputRules, input);
      if (userAccessToken !== undefined && (typeof userAccessToken !== 'string' || userAccessToken === ''))
        throw new FeishuInputError(operation, 'options.userAccessToken', 'must be a non-empty string when given');
      const headers: Record<string, string> = {};
      if (input.body !== undefined) headers['content-type'] = JSON_TYPE;
      if (userAccessToken) headers.authorization = `Bearer ${userAccessToken}`;
      const answer = await send(
        operation,
        {
          method: op.method,
          url: createFinalURL(op.path, {
            baseUrl,
            params: { path: input.path, query: input.query },
            querySerializer,
            pathSerializer: defaultPathSerializer,
          }),
          headers,
          body: input.body === undefined ? undefined : JSON.stringify(input.body),
        },
        context(callOptions.signal, callOptions.deadlineMs ?? options.deadlineMs),
      );
      if (answer.replayed)
        return { replayed: { code: answer.json.code as number, msg: String(answer.json.msg) } } as CallResult<K>;
      if (answer.response.ok && answer.json.code === 0) return answer.json.data as CallResult<K>;
      throw apiError(operation, answer);
    }, userAccessToken);
  }

  return {
    raw,
    addTaskCollaborators: (input, o) => call('addTaskCollaborators', input, o),
    removeTaskCollaborator: (input, o) => call('removeTaskCollaborator', input, o),
    addTasklistMembers: (input, o) =>
      guard(async () => {
        // The whole list is checked first (members beyond maxItems allowed: they are chunked), so a bad
        // member in chunk 3 stops everything before chunk 1 is sent.
        checkInput('addTasklistMembers', operations.addTasklistMembers.input as InputRules, input, 'body.members');
        return addInChunks(input, o, (chunk, co) => call('addTasklistMembers', chunk, co, true));
      }, o?.userAccessToken),
  };
}
