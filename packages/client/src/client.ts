import { operations, type paths, servers } from '@feishu-task/types';
import createFetchClient, {
  createFinalURL,
  createQuerySerializer,
  defaultPathSerializer,
  type Client as FetchClient,
} from 'openapi-fetch';
import { type AuthOption, createTokenSource, type ExchangeCredentials } from './auth.js';
import { FeishuApiError } from './errors/api-error.js';
import { FeishuBulkError } from './errors/bulk-error.js';
import { FeishuInputError } from './errors/input-error.js';
import { createLog, type Logger } from './logger.js';
import { type Answer, createSend, fetchAdapter } from './pipeline.js';
import { rememberSecret } from './redact.js';
import { defaultRetry, type RetryOptions } from './retry.js';
import { Throttle } from './throttle.js';
import type { CallData, CallInput, CallOptions, TaskOperation } from './types.js';

export interface ClientOptions {
  /** `feishu` (default), `lark`, or a base URL such as a mock's `http://127.0.0.1:4010`. */
  domain?: keyof typeof servers | (string & {});
  auth: AuthOption;
  /** A fetch implementation (default: the global fetch). */
  fetch?: typeof fetch;
  /** Per attempt, in milliseconds (default 30 000). */
  timeoutMs?: number;
  /** Retries after the first attempt for rate limits, server failures and network errors (default 2). */
  maxRetries?: number;
  /** Backoff tuning: first step and ceiling, in milliseconds. */
  retryDelay?: Partial<Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs'>>;
  /** Client-side rate limiting from the spec's quotas (default on). */
  throttle?: boolean;
  logger?: Logger;
}

export interface FeishuTaskClient {
  /** The typed openapi-fetch client: `raw.POST('/open-apis/...', {...})` returns `{data, error, response}`. */
  raw: FetchClient<paths>;
  addTaskCollaborators(
    input: CallInput<'addTaskCollaborators'>,
    options?: CallOptions,
  ): Promise<CallData<'addTaskCollaborators'>>;
  removeTaskCollaborator(
    input: CallInput<'removeTaskCollaborator'>,
    options?: CallOptions,
  ): Promise<CallData<'removeTaskCollaborator'>>;
  /** More members than the spec's `maxItems` (500) go as consecutive requests of at most that many; the last answer is returned. */
  addTasklistMembers(
    input: CallInput<'addTasklistMembers'>,
    options?: CallOptions,
  ): Promise<CallData<'addTasklistMembers'>>;
}

const querySerializer = createQuerySerializer();

function apiError(operation: 'getTenantAccessToken' | TaskOperation, answer: Answer): FeishuApiError {
  const { response, json } = answer;
  return new FeishuApiError({
    operation,
    status: response.status,
    code: typeof json.code === 'number' ? json.code : Number.NaN,
    msg: typeof json.msg === 'string' ? json.msg : '',
    logId: response.headers.get('x-tt-logid') ?? undefined,
    detail: json.error as never,
  });
}

export function createClient(options: ClientOptions): FeishuTaskClient {
  const domain = options.domain ?? 'feishu';
  const baseUrl = ((servers as Record<string, string>)[domain] ?? domain).replace(/\/+$/, '');
  if (!/^https?:\/\//.test(baseUrl))
    throw new TypeError(
      `createClient: domain must be 'feishu', 'lark' or an http(s) URL, got ${JSON.stringify(domain)}`,
    );

  const exchange: ExchangeCredentials = async (app_id, app_secret) => {
    const op = operations.getTenantAccessToken;
    const answer = await send('getTenantAccessToken', {
      method: op.method,
      url: baseUrl + op.path,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ app_id, app_secret }),
    });
    const { tenant_access_token: token, expire } = answer.json;
    if (!answer.response.ok || answer.json.code !== 0 || typeof token !== 'string')
      throw apiError('getTenantAccessToken', answer);
    return { token, expiresInSeconds: typeof expire === 'number' ? expire : 0 };
  };

  const send = createSend({
    fetch: options.fetch ?? ((...args) => globalThis.fetch(...args)),
    timeoutMs: options.timeoutMs ?? 30_000,
    retry: { ...defaultRetry, ...options.retryDelay, maxRetries: options.maxRetries ?? defaultRetry.maxRetries },
    throttle: options.throttle === false ? undefined : new Throttle(),
    tokens: createTokenSource(options.auth, (id, secret) => exchange(id, secret)),
    log: createLog(options.logger),
  });
  const raw = createFetchClient<paths>({ baseUrl, fetch: fetchAdapter(send) });

  // Named methods skip openapi-fetch's Request round trip (measured: it costs more CPU than the rest of
  // the client) but build their URL with its own serializers, so raw and named calls agree.
  async function call<K extends TaskOperation>(
    operation: K,
    input: CallInput<K>,
    callOptions: CallOptions = {},
  ): Promise<CallData<K>> {
    const op = operations[operation];
    for (const [name, value] of Object.entries(input.path ?? {})) {
      if (typeof value !== 'string' || value.length === 0)
        throw new FeishuInputError(operation, `path.${name}`, 'must be a non-empty string');
    }
    const headers: Record<string, string> = {};
    if (input.body !== undefined) headers['content-type'] = 'application/json; charset=utf-8';
    if (callOptions.userAccessToken) {
      rememberSecret(callOptions.userAccessToken);
      headers.authorization = `Bearer ${callOptions.userAccessToken}`;
    }
    const answer = await send(operation, {
      method: op.method,
      url: createFinalURL(op.path, {
        baseUrl,
        params: { path: input.path, query: input.query },
        querySerializer,
        pathSerializer: defaultPathSerializer,
      }),
      headers,
      body: input.body === undefined ? undefined : JSON.stringify(input.body),
      signal: callOptions.signal,
    });
    if (answer.response.ok && answer.json.code === 0) return answer.json.data as CallData<K>;
    throw apiError(operation, answer);
  }

  return {
    raw,
    addTaskCollaborators: (input, o) => call('addTaskCollaborators', input, o),
    removeTaskCollaborator: (input, o) => call('removeTaskCollaborator', input, o),
    async addTasklistMembers(input, o) {
      const limits = operations.addTasklistMembers.arrayLimits.members;
      const members = input.body?.members ?? [];
      if (members.length < limits.minItems) {
        throw new FeishuInputError(
          'addTasklistMembers',
          'body.members',
          `must have at least ${limits.minItems} item(s), got ${members.length}`,
        );
      }
      if (members.length <= limits.maxItems) return call('addTasklistMembers', input, o);
      const chunks: (typeof members)[] = [];
      for (let i = 0; i < members.length; i += limits.maxItems) chunks.push(members.slice(i, i + limits.maxItems));
      let result: CallData<'addTasklistMembers'> | undefined;
      for (const [index, chunk] of chunks.entries()) {
        try {
          result = await call('addTasklistMembers', { ...input, body: { ...input.body, members: chunk } }, o);
        } catch (cause) {
          throw new FeishuBulkError({
            operation: 'addTasklistMembers',
            chunkIndex: index,
            chunkCount: chunks.length,
            applied: members.slice(0, index * limits.maxItems),
            notApplied: members.slice(index * limits.maxItems),
            cause,
          });
        }
      }
      return result!;
    },
  };
}
