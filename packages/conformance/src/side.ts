// One side of a comparison: the target, or the reference emulator. Requests go through
// @feishu-task/client's raw client, which exchanges the app credentials for a tenant token (and
// caches it) and paces every operation with the spec's quotas; retries are off, so each answer is the
// server's own. A recording fetch underneath keeps every exchange, the client's token exchanges too.
import { createClient, MemoryQuotaStore } from '@feishu-task/client';
import { createRawClient } from '@feishu-task/client/raw';
import { operations } from '@feishu-task/types';
import type { Observed } from './check.js';
import { errorText } from './error-text.js';
import type { Step } from './scenario.js';
import { APP_ID, APP_SECRET, WRONG_SECRET } from './scenarios/tokens.js';

/** The header value that means "send no Authorization header" (the client adds its token otherwise). */
const NO_AUTH = 'conformance-no-authorization';

export interface SideOptions {
  name: 'target' | 'emulator';
  baseUrl: string;
  fetch: typeof fetch;
  appId: string;
  appSecret: string;
  userToken?: string | undefined;
  /** Waits between requests to one task (virtual time for an in-process emulator). */
  wait(ms: number): Promise<void>;
  taskGapMs: number;
  /** Runs before each step (an in-process emulator's clock moves on a virtual second instead of waiting). */
  beforeEach?: () => void;
  timeoutMs: number;
  /** Called with every secret the side sees (tokens handed out, the user token). */
  onSecret(secret: string): void;
}

export interface Exchange {
  seq: number;
  operation: string;
  /** The client's own token exchange, made before the step's request. */
  implicit: boolean;
  request: { method: string; url: string; headers: Record<string, string>; body: unknown };
  response?: Observed & { logId?: string | undefined };
  error?: string;
  ms: number;
}

const hex = (n: number) =>
  Array.from(crypto.getRandomValues(new Uint8Array(n)), (b) => b.toString(16).padStart(2, '0')).join('');

const routes = Object.entries(operations).map(([id, op]) => ({
  id,
  method: op.method,
  pattern: new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
}));
const operationAt = (method: string, path: string) =>
  routes.find((r) => r.method === method && r.pattern.test(path))?.id ?? 'outside the spec';

/** The client could not get a tenant token (wrong credentials, an endpoint that does not answer). */
export class TokenExchangeError extends Error {
  override name = 'TokenExchangeError';
}

export class Side {
  readonly exchanges: Exchange[] = [];
  private seq = 0;
  private readonly raw;
  private lastTask = new Map<string, number>();
  private readonly fakeTokens: Record<string, string>;

  constructor(private readonly o: SideOptions) {
    if (o.userToken) o.onSecret(o.userToken);
    o.onSecret(o.appSecret);
    this.fakeTokens = {
      malformed: 'not-a-feishu-token',
      'other-kind': `a-${hex(20)}`,
      'unknown-tenant': `t-${hex(20)}`,
      'unknown-user': `u-${hex(20)}`,
    };
    const client = createClient({
      domain: o.baseUrl,
      auth: { appId: o.appId, appSecret: o.appSecret },
      fetch: this.recording(o.fetch),
      maxRetries: 0,
      timeoutMs: o.timeoutMs,
      // Its own store: a run paces itself whatever else the process sends.
      quota: { store: new MemoryQuotaStore() },
    });
    this.raw = createRawClient(client) as unknown as {
      request(method: string, url: string, init: Record<string, unknown>): Promise<unknown>;
    };
  }

  get name() {
    return this.o.name;
  }

  private recording(inner: typeof fetch): typeof fetch {
    return async (input, init) => {
      const request = new Request(input, init);
      if (request.headers.get('authorization') === NO_AUTH) request.headers.delete('authorization');
      const url = new URL(request.url);
      const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.clone().text();
      let body: unknown = text === '' ? undefined : text;
      try {
        body = JSON.parse(text);
      } catch {}
      const headers: Record<string, string> = {};
      request.headers.forEach((v, k) => {
        headers[k] = v;
      });
      const operation = operationAt(request.method, url.pathname);
      const exchange: Exchange = {
        seq: ++this.seq,
        operation,
        implicit: false,
        request: { method: request.method, url: url.pathname + url.search, headers, body },
        ms: 0,
      };
      this.exchanges.push(exchange);
      const started = performance.now();
      try {
        const response = await inner(request);
        const answer = await response.text();
        let json: Observed['json'];
        try {
          const parsed = JSON.parse(answer);
          if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) json = parsed;
        } catch {}
        if (typeof json?.tenant_access_token === 'string') this.o.onSecret(json.tenant_access_token);
        const out: Record<string, string> = {};
        response.headers.forEach((v, k) => {
          out[k] = v;
        });
        exchange.response = {
          status: response.status,
          headers: out,
          text: answer,
          json,
          logId: response.headers.get('x-tt-logid') ?? undefined,
        };
        exchange.ms = Math.round(performance.now() - started);
        return new Response(answer, {
          status: response.status,
          statusText: response.statusText,
          headers: response.headers,
        });
      } catch (error) {
        exchange.error = errorText(error);
        exchange.ms = Math.round(performance.now() - started);
        throw error;
      }
    };
  }

  private fill(value: unknown): unknown {
    if (value === APP_ID) return this.o.appId;
    if (value === APP_SECRET) return this.o.appSecret;
    if (value === WRONG_SECRET) return `${this.o.appSecret}-not`;
    if (Array.isArray(value)) return value.map((v) => this.fill(v));
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.fill(v)]));
    return value;
  }

  /** Sends one step; resolves with the exchanges it made (the last is the step's own answer). */
  async send(step: Step): Promise<Exchange[]> {
    const before = this.exchanges.length;
    this.o.beforeEach?.();
    const task = step.path?.task_id;
    if (task !== undefined && this.o.taskGapMs > 0) {
      const last = this.lastTask.get(task);
      const since = last === undefined ? Number.POSITIVE_INFINITY : performance.now() - last;
      if (since < this.o.taskGapMs) await this.o.wait(this.o.taskGapMs - since);
    }
    const op = operations[step.operation];
    const headers: Record<string, string> = {};
    if (step.operation !== 'getTenantAccessToken' && step.auth !== 'tenant') {
      if (step.auth === 'none') headers.authorization = NO_AUTH;
      else if (step.auth === 'user') headers.authorization = `Bearer ${this.o.userToken ?? ''}`;
      else headers.authorization = `Bearer ${this.fakeTokens[step.auth]}`;
    }
    const method = step.tenantOnly?.method ?? op.method;
    const template = step.tenantOnly?.path ?? op.path;
    const init: Record<string, unknown> = { params: { path: step.path ?? {}, query: step.query ?? {} }, headers };
    if (step.body !== undefined) init.body = this.fill(step.body);
    try {
      await this.raw.request(method, template, init);
    } catch (error) {
      // No answer (refused, reset, not JSON...): the recording says what happened.
      const last = this.exchanges[this.exchanges.length - 1];
      if (this.exchanges.length === before) throw error;
      if (last && !last.error && !last.response) last.error = errorText(error);
    }
    const made = this.exchanges.slice(before);
    // The step's own request is the last one, unless the client's token exchange failed before it.
    const own = made[made.length - 1];
    if (own && !step.tenantOnly && own.operation !== step.operation) {
      const answer = own.response?.json;
      throw new TokenExchangeError(
        `the app's token exchange failed, so "${step.title}" was not sent: ${
          own.response
            ? `HTTP ${own.response.status}, code ${answer?.code}, msg ${JSON.stringify(answer?.msg)}`
            : own.error
        }`,
      );
    }
    if (task !== undefined) this.lastTask.set(task, performance.now());
    for (const e of made.slice(0, -1)) e.implicit = true;
    return made;
  }
}
