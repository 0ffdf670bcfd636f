// The emulator engine: one in-process model of the tenant behind every door (HTTP server, test API,
// MSW handlers). Requests run through the phases of ./pipeline.ts (route, fault, auth, quota,
// validation, operation, answer check, journal); this class holds the state and the control methods.
import { createPlatform, type Platform } from '@feishu-task/platform';
import { operations as operationTable } from '@feishu-task/types';
import { type Clock, createClock } from './clock.js';
import { applyConfig, ConfigError, type ConfigInput, type EmulatorConfig } from './config.js';
import { type FaultSpec, Faults } from './faults.js';
import { fromFetchRequest, toFetchResponse } from './fetch.js';
import { checkFixture, type Fixture, fixtureFromSpec } from './fixture.js';
import { Journal, type JournalEntry } from './journal.js';
import { randomHex } from './log-id.js';
import { type EmulatorAnswer, type EmulatorRequest, type Engine, runPipeline } from './pipeline.js';
import { FixedWindows } from './quotas.js';
import { type Json, loadBundledSpec } from './spec.js';
import type { OperationModel } from './spec-model.js';
import { DEFAULT_APP, DEFAULT_TENANT, State } from './state.js';
import { createValidator, type SpecValidator } from './validator.js';

export type { EmulatorAnswer, EmulatorRequest } from './pipeline.js';

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

export class Emulator {
  readonly clock: Clock;
  readonly spec: Json;
  readonly operations: OperationModel[];
  /** The platform model (@feishu-task/platform) the engine answers from, as the mock does. */
  readonly platform: Platform;
  private state = new State();
  private config: EmulatorConfig;
  private readonly validator: SpecValidator;
  private readonly journalRing: Journal;
  private readonly quotaWindows = new FixedWindows();
  private readonly taskWindows = new FixedWindows();
  private readonly faultQueue: Faults;
  private readonly initial: Fixture;
  private readonly fromSpec: Fixture | undefined;
  private readonly contractFailures: JournalEntry[] = [];
  /** What the request pipeline reads: the parts above, the state looked up per request (reset replaces it). */
  private readonly engine: Engine;

  constructor(options: EmulatorOptions = {}) {
    const { fixture, spec, journalSize, clock, ...config } = options;
    this.spec = spec ?? loadBundledSpec();
    this.platform = createPlatform(this.spec);
    this.operations = this.platform.operations;
    this.validator = createValidator(this.spec);
    this.clock = createClock(clock);
    this.journalRing = new Journal(journalSize ?? 1000);
    this.faultQueue = new Faults(this.operations.map((o) => o.id));
    const token = this.operations.find((o) => o.id === 'getTenantAccessToken')?.successExample;
    this.config = this.checked(
      applyConfig(
        {
          quotas: { enabled: true, scale: 1 },
          taskFrequency: { max: 10, windowMs: 1000 },
          tasklistMemberLimit: 3000,
          // What a task holds in all, the page's cap (x-feishu-state-limits).
          collaboratorLimit: operationTable.addTaskCollaborators.stateLimits.collaboratorsPerTask.max,
          tokenTtlSeconds: typeof token?.expire === 'number' ? token.expire : 7200,
          autoRegisterUsers: true,
        },
        config,
      ),
    );
    this.fromSpec = fixture === undefined || fixture === 'examples' ? fixtureFromSpec(this.spec) : undefined;
    this.initial = fixture === 'empty' ? {} : (this.fromSpec ?? (fixture as Fixture));
    this.reset(this.initial);
    this.engine = {
      platform: this.platform,
      validator: this.validator,
      clock: this.clock,
      faults: this.faultQueue,
      quotaWindows: this.quotaWindows,
      world: () => ({ state: this.state, config: this.config, clock: this.clock, taskWindows: this.taskWindows }),
    };
  }

  // ---- control ----

  /** Replaces the whole state with `fixture` (default: the one the emulator started with). */
  reset(fixture: Fixture = this.initial) {
    // The spec's own examples need no checking (and skipping it keeps startEmulator() fast).
    const checked = fixture === this.fromSpec ? fixture : checkFixture(fixture);
    this.state = new State();
    this.quotaWindows.clear();
    this.taskWindows.clear();
    this.faultQueue.clear();
    this.journalRing.clear();
    this.contractFailures.length = 0;
    this.state.seed(checked, this.clock.now(), this.config.tokenTtlSeconds);
  }

  /** Adds `fixture` to the current state (entries with the same id are replaced). */
  seed(fixture: Fixture) {
    this.state.seed(checkFixture(fixture), this.clock.now(), this.config.tokenTtlSeconds);
  }

  /** The current state, as a fixture (app secrets redacted, tokens left out). */
  snapshot(): Fixture {
    return this.state.snapshot();
  }

  /** Changes options at run time (quotas, limits, token lifetime...). */
  configure(input: ConfigInput) {
    this.config = this.checked(applyConfig(this.config, input));
    return this.settings();
  }

  /** Refuses quota windows for an operation the spec does not have (they would never apply). */
  private checked(config: EmulatorConfig) {
    for (const id of Object.keys(config.quotas.windows ?? {}))
      if (!this.operations.some((o) => o.id === id))
        throw new ConfigError(
          `quotas.windows: unknown operation "${id}" (have ${this.operations.map((o) => o.id).join(', ')})`,
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
    inject: (spec: FaultSpec) => this.faultQueue.inject(spec),
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

  /** Answers a standard Fetch `Request` with a standard `Response` (a dropped connection is `Response.error()`). */
  async fetch(request: Request): Promise<Response> {
    return toFetchResponse(await this.handle(await fromFetchRequest(request)));
  }

  /** Answers a plain request record (the body left as JSON for the caller to read). */
  handle(request: EmulatorRequest): Promise<EmulatorAnswer> {
    return runPipeline(this.engine, this.journalRing, this.contractFailures, request);
  }
}

/** A new emulator engine (no server): see startEmulator for one behind HTTP, and ./msw for MSW. */
export function createEmulator(options: EmulatorOptions = {}) {
  return new Emulator(options);
}

export { DEFAULT_APP, DEFAULT_TENANT };
