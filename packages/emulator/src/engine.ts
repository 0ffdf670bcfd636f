// The emulator engine: one in-process model of the tenant behind every door (HTTP server, test API,
// MSW handlers). It routes a request by the spec, applies queued faults, authenticates, keeps the
// platform's quotas, validates the request against the spec, runs the operation on the state, checks
// its own answer against the spec's schema for the status, and journals it all.
import { authenticate } from './auth.js';
import { type Clock, createClock } from './clock.js';
import { applyConfig, ConfigError, type ConfigInput, defaultConfig, type EmulatorConfig } from './config.js';
import { type FaultInput, Faults } from './faults.js';
import { checkFixture, type Fixture, fixtureFromSpec } from './fixture.js';
import { type Caller, Journal, type JournalEntry } from './journal.js';
import { logId as newLogId, randomHex } from './log-id.js';
import { addTasklistMembers } from './operations/tasklists.js';
import { addTaskCollaborators, removeTaskCollaborator } from './operations/tasks.js';
import { getTenantAccessToken } from './operations/token.js';
import { InFlight, type World } from './operations/world.js';
import { FixedWindows } from './quotas.js';
import { REDACTED, redact, redactTokens } from './redact.js';
import { type Context, documented, documentedCode, invalid, type Reply, rateLimited } from './reply.js';
import { type Json, loadBundledSpec } from './spec.js';
import { modelSpec, type OperationModel, route } from './spec-model.js';
import { DEFAULT_APP, DEFAULT_TENANT, State } from './state.js';
import { createValidator, toViolations, type Violation } from './validator.js';

export interface EmulatorRequest {
  method: string;
  /** Path and query, for example `/open-apis/task/v1/tasks/t1/collaborators?user_id_type=open_id`. */
  url: string;
  /** Header names in lower case. */
  headers: Record<string, string | undefined>;
  body?: string;
}

export interface EmulatorAnswer {
  status: number;
  headers: Record<string, string>;
  /** The JSON answer (serialized by the door). */
  body: unknown;
  /** `drop`: close the connection without an answer; `truncate`: send half of the body, then close. */
  fault?: 'drop' | 'truncate';
}

export interface EmulatorOptions extends ConfigInput {
  /** The initial state: a fixture, 'examples' (the default: the spec's example tasks and tasklists), or 'empty'. */
  fixture?: Fixture | 'examples' | 'empty';
  /** A dereferenced OpenAPI document to emulate (default: @feishu-task/openapi's). */
  spec?: Json;
  /** Journal entries kept (a ring buffer; default 1000). */
  journalSize?: number;
  /** Virtual time: start at `start` (epoch ms), frozen or following the wall clock. */
  clock?: { start?: number; frozen?: boolean };
}

type Handler = (ctx: Context, world: World) => Reply | Promise<Reply>;
const HANDLERS: Record<string, Handler> = {
  getTenantAccessToken,
  addTaskCollaborators,
  removeTaskCollaborator,
  addTasklistMembers,
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MAX_CONTRACT_FAILURES = 100;
const MAX_JOURNAL_BODY = 16 * 1024;
export interface ResetOptions {
  /** Forget issued tenant and user tokens too (default false: they survive a reset). */
  dropTokens?: boolean;
}

export class Emulator {
  readonly clock: Clock;
  readonly spec: Json;
  readonly operations: OperationModel[];
  private state = new State();
  private config: EmulatorConfig;
  /** The settings it started with: reset() brings them back. */
  private readonly startConfig: EmulatorConfig;
  private readonly inFlight = new InFlight();
  private readonly validator;
  private readonly journalRing: Journal;
  private readonly quotaWindows = new FixedWindows();
  private readonly taskWindows = new FixedWindows();
  private readonly faultQueue: Faults;
  private readonly initial: Fixture;
  private readonly fromSpec: Fixture | undefined;
  private readonly contractFailures: JournalEntry[] = [];

  constructor(options: EmulatorOptions = {}) {
    const { fixture, spec, journalSize, clock, ...config } = options;
    this.spec = spec ?? loadBundledSpec();
    this.operations = modelSpec(this.spec);
    this.validator = createValidator(this.spec);
    this.clock = createClock(clock);
    this.journalRing = new Journal(journalSize ?? 1000);
    this.faultQueue = new Faults(this.operations);
    const token = this.operations.find((o) => o.id === 'getTenantAccessToken')?.successExample;
    this.config = this.checked(
      applyConfig(defaultConfig(typeof token?.expire === 'number' ? token.expire : 7200), config),
    );
    this.startConfig = structuredClone(this.config);
    this.fromSpec = fixture === undefined || fixture === 'examples' ? fixtureFromSpec(this.spec) : undefined;
    this.initial = fixture === 'empty' ? {} : (this.fromSpec ?? checkFixture(fixture));
    this.reset(this.initial, { dropTokens: true });
  }

  // ---- control ----

  /**
   * Back to the start: the state becomes `fixture` (default: the one the emulator started with), the
   * settings and the clock the ones it started with; journal, faults and quota windows are emptied.
   * Issued tokens survive (a client such as the official SDK caches its token for the whole process);
   * `{ dropTokens: true }` forgets them too.
   */
  reset(fixture: Fixture = this.initial, options: ResetOptions = {}) {
    // The spec's own examples need no checking (and skipping it keeps startEmulator() fast).
    const checked = fixture === this.fromSpec || fixture === this.initial ? fixture : checkFixture(fixture);
    if (typeof options !== 'object' || options === null) throw new TypeError('reset: options must be an object');
    const previous = this.state;
    this.config = structuredClone(this.startConfig);
    this.clock.reset();
    this.state = new State();
    this.quotaWindows.clear();
    this.taskWindows.clear();
    this.inFlight.clear();
    this.faultQueue.clear();
    this.journalRing.clear();
    this.contractFailures.length = 0;
    if (!options.dropTokens) this.state.keepTokens(previous);
    this.state.seed(checked, this.clock.now(), this.config.tokenTtlSeconds);
  }

  /** The state reset() goes back to (the fixture or import it started with). */
  startingFixture(): Fixture {
    return this.initial;
  }

  /** Adds `fixture` to the current state (entries with the same id are replaced). */
  seed(fixture: Fixture) {
    const checked = checkFixture(fixture);
    this.state.seed(checked, this.clock.now(), this.config.tokenTtlSeconds);
  }

  /**
   * The whole state, lossless: app secrets and issued tokens included (a test double's state, never a
   * real tenant's: keep it out of places real secrets must not go). restore() brings it back exactly.
   */
  snapshot(): Fixture {
    return this.state.snapshot();
  }

  /** Replaces the state with `snapshot` exactly (tokens, secrets, timestamps); settings and clock stay. */
  restore(snapshot: Fixture) {
    const checked = checkFixture(snapshot);
    const next = new State();
    next.seed(checked, this.clock.now(), this.config.tokenTtlSeconds);
    this.state = next;
    this.inFlight.clear();
  }

  /** Changes options at run time (quotas, limits, token lifetime...). */
  configure(input: ConfigInput | Record<string, unknown>) {
    this.config = this.checked(applyConfig(this.config, input));
    return this.settings();
  }

  /** Refuses quota windows for an operation the spec does not have (they would never apply). */
  private checked(config: EmulatorConfig) {
    for (const id of Object.keys(config.quotas.windows ?? {}))
      if (!this.operations.some((o) => o.id === id))
        throw new ConfigError(
          `config: quotas.windows.${id} is not an operation (have ${this.operations.map((o) => o.id).join(', ')})`,
          `quotas.windows.${id}`,
        );
    return config;
  }

  settings(): EmulatorConfig {
    return structuredClone(this.config);
  }

  journal(filter: { operation?: string; limit?: number } = {}) {
    return this.journalRing.entries(filter);
  }

  clearJournal() {
    this.journalRing.clear();
  }

  /** Answers that failed the spec's own schema (should stay empty; at most the first 100 are kept). */
  contractViolations() {
    return [...this.contractFailures];
  }

  readonly faults = {
    /** Queues a fault or a batch (checked whole: one bad fault queues none). */
    inject: (spec: FaultInput | FaultInput[]) => this.faultQueue.inject(spec),
    list: () => this.faultQueue.list(),
    clear: () => this.faultQueue.clear(),
  };

  /** A user access token of `user` (any of the user's ids; an unknown open_id is registered). */
  issueUserToken(user: string, options: { appId?: string; expire?: number } = {}) {
    if (typeof user !== 'string' || user === '') throw new TypeError('issueUserToken: user must be a non-empty id');
    const expire = options.expire ?? this.config.tokenTtlSeconds;
    if (!Number.isInteger(expire) || expire < 1)
      throw new TypeError('issueUserToken: expire must be a positive integer');
    const token = `u-${randomHex(20)}`;
    this.state.seed(
      { userTokens: [{ token, user, app_id: options.appId ?? DEFAULT_APP, expire }] },
      this.clock.now(),
      expire,
    );
    return { token, expire };
  }

  // ---- requests ----

  async handle(request: EmulatorRequest): Promise<EmulatorAnswer> {
    const url = new URL(request.url, 'http://emulator.invalid');
    const path = url.pathname;
    const query: Record<string, string> = {};
    for (const [k, v] of url.searchParams) query[k] = v;
    const method = request.method.toUpperCase();
    const found = route(this.operations, method, path);
    const entry = {
      method,
      path,
      query,
      operation: found?.op.id ?? null,
      caller: { kind: 'none' } as Caller,
      body: undefined as unknown,
      validation: { valid: true, violations: [] as Violation[] },
      fault: null as string | null,
    };

    let reply: Reply;
    let fault: EmulatorAnswer['fault'];
    const logId = newLogId(this.clock.now());
    if (!found) {
      reply = { status: 404, body: { code: 404, msg: `404 page not found: ${method} ${path}` } };
    } else {
      const spec = this.faultQueue.take(found.op.id);
      if (spec) entry.fault = spec.kind;
      if (spec?.kind === 'delay') await sleep(spec.delayMs ?? 0);
      const ctx: Context = {
        op: found.op,
        now: this.clock.now(),
        logId,
        query,
        pathParams: found.pathParams,
        body: undefined,
        caller: { kind: 'none' },
      };
      if (spec?.kind === 'drop' && !spec.afterApply) {
        fault = 'drop';
        reply = { status: 0, body: {} };
      } else if (spec?.kind === 'server-error') {
        const server = [...found.op.errors.values()].find((e) => e.status >= 500);
        reply =
          (spec.code !== undefined ? documentedCode(ctx, spec.code) : undefined) ??
          (server ? documented(ctx, server.name) : { status: 500, body: { code: 1, msg: 'internal error' } });
      } else if (spec?.kind === 'rate-limit') {
        reply = rateLimited(ctx, found.op.quotas[0]?.limit ?? 1, spec.resetSeconds ?? 1);
      } else {
        if (spec?.kind === 'truncate') fault = 'truncate';
        if (spec?.kind === 'drop') fault = 'drop';
        reply = await this.run(ctx, request, entry);
      }
    }

    const body = reply.body as { code?: unknown } | null;
    const contract = fault === 'drop' ? { valid: true, errors: [] } : this.checkAnswer(found?.op, reply);
    const answer: EmulatorAnswer = {
      status: reply.status,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'x-tt-logid': logId,
        ...reply.headers,
      },
      body: reply.body,
      ...(fault ? { fault } : {}),
    };
    const recorded = this.journalRing.add({
      ...entry,
      at: this.clock.now(),
      status: reply.status,
      code: typeof body?.code === 'number' ? body.code : null,
      // Tokens are secrets too: the journal keeps that one was issued, not the token itself.
      answer: found && found.op.secretFields.length > 0 ? redactTokens(reply.body) : reply.body,
      logId,
      contract,
    });
    if (!contract.valid && this.contractFailures.length < MAX_CONTRACT_FAILURES) this.contractFailures.push(recorded);
    return answer;
  }

  private async run(
    ctx: Context,
    request: EmulatorRequest,
    entry: { caller: Caller; body: unknown; validation: { valid: boolean; violations: Violation[] } },
  ): Promise<Reply> {
    const op = ctx.op;
    const violations: Violation[] = [];

    // The body, when the operation takes one (a body sent with DELETE is ignored, as the gateway does).
    let body: unknown;
    if (op.bodyPointer) {
      const text = request.body ?? '';
      if (text.trim() === '') {
        if (op.bodyRequired) violations.push({ field: 'body', value: '', description: 'a JSON body is required' });
      } else {
        try {
          body = JSON.parse(text);
        } catch {
          const value = op.secretFields.length > 0 ? REDACTED : text.slice(0, 50);
          violations.push({ field: 'body', value, description: 'the body is not valid JSON' });
        }
      }
      // Large bodies (5,000 members) are kept as a short preview, so the journal's memory stays small.
      entry.body =
        text.length > MAX_JOURNAL_BODY
          ? `${text.slice(0, 2048)}… (${text.length} characters)`
          : (body ?? (text === '' ? undefined : text));
      if (op.secretFields.length > 0) entry.body = redact(entry.body, op.secretFields);
    }

    if (op.secured) {
      const auth = authenticate(this.state, request.headers.authorization, ctx.now, {
        lenient: this.config.lenientTokens,
        documents: op.byName,
      });
      if ('error' in auth) return documented(ctx, auth.error);
      ctx.caller = entry.caller = auth.caller;
      if (this.config.limits && this.config.quotas.enabled && op.quotas.length > 0) {
        const caller = auth.caller as { appId: string; tenantKey: string };
        const windows =
          this.config.quotas.windows?.[op.id] ??
          op.quotas.map((q) => ({
            windowMs: q.windowMs,
            limit: Math.max(1, Math.round(q.limit * this.config.quotas.scale)),
          }));
        const over = this.quotaWindows.take(`${caller.appId}|${caller.tenantKey}|${op.id}`, windows, ctx.now);
        if (over) return rateLimited(ctx, over.limit, over.resetSeconds);
      }
    } else {
      ctx.caller = entry.caller = { kind: 'none' };
    }

    for (const p of op.params) {
      const value =
        p.in === 'path'
          ? ctx.pathParams[p.name]
          : p.in === 'query'
            ? ctx.query[p.name]
            : request.headers[p.name.toLowerCase()];
      if (value === undefined) {
        if (p.required) violations.push({ field: p.name, value: '', description: 'is required' });
        continue;
      }
      violations.push(...toViolations(p.name, this.validator.errors(p.pointer, value), value));
    }
    if (op.bodyPointer && body !== undefined)
      violations.push(
        ...toViolations('', this.validator.errors(op.bodyPointer, body), body).map((v) =>
          op.secretFields.includes(v.field) ? { ...v, value: REDACTED } : v,
        ),
      );
    entry.validation = { valid: violations.length === 0, violations };
    if (violations.length > 0) return invalid(ctx, violations);

    ctx.body = body;
    const handler = HANDLERS[op.id];
    if (!handler) {
      // An operation the emulator does not model yet: the spec's success example, as a stateless mock would.
      return { status: 200, body: op.successExample ?? { code: 0, msg: 'success', data: {} } };
    }
    const reply = await handler(ctx, this.world());
    // A handler that refuses fields (an unknown user id...) says so in the journal's validation too.
    const refused = (reply.body as { error?: { field_violations?: Violation[] } }).error?.field_violations;
    if (refused) entry.validation = { valid: false, violations: refused };
    return reply;
  }

  private world(): World {
    return {
      state: this.state,
      config: this.config,
      clock: this.clock,
      taskWindows: this.taskWindows,
      inFlight: this.inFlight,
    };
  }

  private checkAnswer(op: OperationModel | undefined, reply: Reply) {
    if (!op) return { valid: true, errors: [] as string[] };
    if (!op.responseStatuses.has(reply.status))
      return { valid: false, errors: [`HTTP ${reply.status} is not a documented status of ${op.id}`] };
    const pointer = [
      'paths',
      op.template,
      op.method.toLowerCase(),
      'responses',
      String(reply.status),
      'content',
      'application/json',
      'schema',
    ];
    const errors = this.validator.errors(pointer, reply.body).map((e) => `${e.instancePath || '/'} ${e.message}`);
    return { valid: errors.length === 0, errors };
  }
}

/** A new emulator engine (no server): see startEmulator for one behind HTTP, and ./msw for MSW. */
export function createEmulator(options: EmulatorOptions = {}) {
  return new Emulator(options);
}

export { DEFAULT_APP, DEFAULT_TENANT };
