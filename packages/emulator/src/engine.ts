// The emulator engine: one in-process model of the tenant behind every door (HTTP server, test API,
// MSW handlers). Requests run through the phases of ./pipeline.ts (route, fault, auth, quota,
// validation, operation, answer check, journal); this class holds the state and the control methods.
import { createPlatform, type Platform } from '@feishu-task/platform';
import { type Clock, createClock } from './clock.js';
import { applyConfig, ConfigError, type ConfigInput, defaultConfig, type EmulatorConfig } from './config.js';
import { type FaultInput, Faults } from './faults.js';
import { fromFetchRequest, toFetchResponse } from './fetch.js';
import { checkFixture, type Fixture, fixtureFromSpec } from './fixture.js';
import { Journal, type JournalEntry } from './journal.js';
import { randomHex } from './log-id.js';
import { InFlight, type World } from './operations/world.js';
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

export interface ResetOptions {
  /** Forget issued tenant and user tokens too (default false: they survive a reset). */
  dropTokens?: boolean;
}

export class Emulator {
  readonly clock: Clock;
  readonly spec: Json;
  readonly operations: OperationModel[];
  /** The platform model (@feishu-task/platform) the engine answers from, as the mock does. */
  readonly platform: Platform;
  private state = new State();
  private config: EmulatorConfig;
  /** The settings it started with: reset() brings them back. */
  private readonly startConfig: EmulatorConfig;
  private readonly inFlight = new InFlight();
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
    this.faultQueue = new Faults(this.operations);
    const token = this.operations.find((o) => o.id === 'getTenantAccessToken')?.successExample;
    this.config = this.checked(
      applyConfig(defaultConfig(typeof token?.expire === 'number' ? token.expire : 7200), config),
    );
    this.startConfig = structuredClone(this.config);
    this.fromSpec = fixture === undefined || fixture === 'examples' ? fixtureFromSpec(this.spec) : undefined;
    this.initial = fixture === 'empty' ? {} : (this.fromSpec ?? checkFixture(fixture));
    this.reset(this.initial, { dropTokens: true });
    this.engine = {
      platform: this.platform,
      validator: this.validator,
      clock: this.clock,
      faults: this.faultQueue,
      quotaWindows: this.quotaWindows,
      world: () => this.world(),
    };
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

  // ---- control ----

  /**
   * Back to the start: the state becomes `fixture` (default: the one the emulator started with), the
   * settings and the clock the ones it started with; journal, faults and quota windows are emptied.
   * Issued tokens survive (a client such as the official SDK caches its token for the whole process);
   * `{ dropTokens: true }` forgets them too.
   */
  reset(fixture: Fixture = this.initial, options: ResetOptions = {}) {
    // The starting fixture was checked once (the spec's own examples need no checking).
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

  /** Changes options at run time (quotas, limits, token lifetime...); a bad one changes nothing. */
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
