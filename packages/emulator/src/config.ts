// The emulator's tunable behaviour, declared once as a TypeBox schema (the JSON Schema the control API,
// the CLI's --config and createEmulator() check, and the TS type, from one source). Limits a page states
// are on by default; limits no page states are off by default and come with the `strict` profile, each
// with its assumed value labelled in `ASSUMED` (and in settings().assumed).
import { errors, operations as operationTable } from '@feishu-task/types';
import type { Static } from 'typebox';
import * as Type from 'typebox';
import { checker, InputError } from './schema.js';

const codeOf = (name: string) =>
  Number(Object.values(errors).flatMap((table) => Object.entries(table).filter(([, e]) => e.name === name))[0]?.[0]);
/** The documented codes of the limits the emulator keeps, read from the spec's tables (for help texts). */
export const LIMIT_CODES = {
  // The spec's answer to overlapping writes on one task (x-feishu-error.concurrent, generated oneAtATime).
  concurrent: Object.values(operationTable).find((o) => o.oneAtATime)?.oneAtATime?.code,
  collaborators: codeOf('CollaboratorLimitExceeded'),
  members: codeOf('TasklistMemberLimitExceeded'),
};

const int = (minimum: number, maximum: number, description: string) => Type.Integer({ minimum, maximum, description });
const DAY_MS = 86_400_000;

export const QuotaWindowSchema = Type.Object(
  { limit: int(1, 1_000_000_000, 'requests per window'), windowMs: int(1, 31 * DAY_MS, 'window length, ms') },
  { additionalProperties: false },
);

export const ConfigInputSchema = Type.Object(
  {
    limits: Type.Optional(
      Type.Boolean({
        description: `false turns every limit off: quotas, ${LIMIT_CODES.concurrent}, ${LIMIT_CODES.collaborators}, ${LIMIT_CODES.members}`,
      }),
    ),
    profile: Type.Optional(
      Type.Union([Type.Literal('default'), Type.Literal('strict')], {
        description: "'strict' adds the limits no page states, at their labelled assumed values",
      }),
    ),
    quotas: Type.Optional(
      Type.Union([
        Type.Boolean(),
        Type.Object(
          {
            enabled: Type.Optional(Type.Boolean()),
            scale: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1000 })),
            windows: Type.Optional(Type.Record(Type.String(), Type.Array(QuotaWindowSchema, { minItems: 1 }))),
          },
          { additionalProperties: false },
        ),
      ]),
    ),
    taskConcurrency: Type.Optional(
      Type.Union([
        Type.Literal(false),
        Type.Null(),
        Type.Object(
          { holdMs: int(1, 60_000, 'how long a write on a task stays in flight, ms') },
          { additionalProperties: false },
        ),
      ]),
    ),
    taskFrequency: Type.Optional(
      Type.Union([
        Type.Literal(false),
        Type.Null(),
        Type.Object(
          { max: int(1, 1_000_000, 'requests per window'), windowMs: Type.Optional(int(1, DAY_MS, 'window, ms')) },
          { additionalProperties: false },
        ),
      ]),
    ),
    tasklistMemberLimit: Type.Optional(Type.Union([Type.Null(), int(1, 10_000_000, 'members a tasklist holds')])),
    collaboratorLimit: Type.Optional(int(1, 1_000_000, 'collaborators a task holds')),
    tokenTtlSeconds: Type.Optional(int(1, 10 * 365 * 86_400, 'lifetime of a new tenant token, s')),
    autoRegisterUsers: Type.Optional(Type.Boolean()),
    userLimit: Type.Optional(int(1, 100_000_000, 'users the registry holds')),
    lenientTokens: Type.Optional(
      Type.Boolean({ description: 'accept any well-formed t- / u- token (tests that never fetch one)' }),
    ),
  },
  { additionalProperties: false },
);

/** What configure(), createEmulator() and `--config` take: every field optional. */
export type ConfigInput = Static<typeof ConfigInputSchema>;

export interface QuotaWindow {
  limit: number;
  windowMs: number;
}

/** The settings in force (settings() returns a copy). */
export interface EmulatorConfig {
  /** false: every limit off (the switches below keep their values for when it is turned back on). */
  limits: boolean;
  profile: 'default' | 'strict';
  /**
   * The platform's quotas (x-feishu-rate-limit): on, and scaled (0.1 = a tenth of each limit); `windows`
   * replaces an operation's windows outright (not scaled).
   */
  quotas: { enabled: boolean; scale: number; windows?: Record<string, QuotaWindow[]> };
  /**
   * 1470451 as the spec marks it (x-feishu-error.concurrent, generated `oneAtATime`; page 003: "request
   * api concurrently"): a request on a task while another write on the same task is in flight. Each write
   * stays in flight `holdMs` of real time, so a client that awaits each answer never overlaps. null = off.
   */
  taskConcurrency: { holdMs: number } | null;
  /** 1470451 by rate (unsourced, strict profile): at most `max` per `windowMs` per task; null = off. */
  taskFrequency: { max: number; windowMs: number } | null;
  /** Members a tasklist may hold (1470612 beyond; unsourced, strict profile); null = no cap. */
  tasklistMemberLimit: number | null;
  /** Collaborators a task may hold (1470429 beyond); the add-collaborators page says 50. */
  collaboratorLimit: number;
  /** Lifetime of a new tenant token, seconds (default: the spec's example `expire`, 7200). */
  tokenTtlSeconds: number;
  /** Register an unknown user id on first use (a tenant of any size) instead of refusing it. */
  autoRegisterUsers: boolean;
  /** Users the registry holds; beyond, a new id answers an emulator error that says so. */
  userLimit: number;
  /** Accept any well-formed `t-` / `u-` token as a valid one (the default app; a `u-` token's user is its rest). */
  lenientTokens: boolean;
}

/** The values the strict profile assumes where no page states one, and why each is labelled. */
export const ASSUMED = {
  taskFrequency: {
    value: { max: 10, windowMs: 1000 },
    label: 'unsourced: page 003 names 1470451 but states no rate; 10 per second per task is assumed',
  },
  tasklistMemberLimit: {
    value: 3000,
    label: 'unsourced: the add-members page documents 1470612 but states no number; 3000 is assumed',
  },
} as const;

export function defaultConfig(tokenTtlSeconds: number): EmulatorConfig {
  return {
    limits: true,
    profile: 'default',
    quotas: { enabled: true, scale: 1 },
    taskConcurrency: { holdMs: 10 },
    taskFrequency: null,
    tasklistMemberLimit: null,
    // What a task holds in all, the page's cap (x-feishu-state-limits).
    collaboratorLimit: operationTable.addTaskCollaborators.stateLimits.collaboratorsPerTask.max,
    tokenTtlSeconds,
    autoRegisterUsers: true,
    userLimit: 100_000,
    lenientTokens: false,
  };
}

export class ConfigError extends InputError {
  override name = 'ConfigError';
}

const checkInput = checker(ConfigInputSchema, 'config');

/** Checks `input` against ConfigInputSchema; throws a ConfigError naming the field (`root`: the whole input). */
export function checkConfig(input: unknown, root?: string): ConfigInput {
  try {
    return checkInput(input, root);
  } catch (error) {
    const e = error as InputError;
    throw new ConfigError(e.message, e.field);
  }
}

/** `base` with `input` applied; throws a ConfigError naming the first bad value and changes nothing. */
export function applyConfig(base: EmulatorConfig, raw: unknown = {}): EmulatorConfig {
  // Nothing to apply (the usual start): no schema to compile, so startEmulator() stays fast.
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw) && Object.keys(raw).length === 0)
    return structuredClone(base);
  const input = checkConfig(raw);
  const next: EmulatorConfig = structuredClone(base);
  if (input.profile !== undefined) {
    next.profile = input.profile;
    const strict = input.profile === 'strict';
    next.taskFrequency = strict ? { ...ASSUMED.taskFrequency.value } : null;
    next.tasklistMemberLimit = strict ? ASSUMED.tasklistMemberLimit.value : null;
  }
  if (input.limits !== undefined) next.limits = input.limits;
  if (input.quotas !== undefined) {
    if (typeof input.quotas === 'boolean') next.quotas.enabled = input.quotas;
    else {
      if (input.quotas.enabled !== undefined) next.quotas.enabled = input.quotas.enabled;
      if (input.quotas.scale !== undefined) next.quotas.scale = input.quotas.scale;
      if (input.quotas.windows !== undefined) next.quotas.windows = input.quotas.windows;
    }
  }
  if (input.taskConcurrency !== undefined) next.taskConcurrency = input.taskConcurrency || null;
  if (input.taskFrequency !== undefined)
    next.taskFrequency = input.taskFrequency
      ? { max: input.taskFrequency.max, windowMs: input.taskFrequency.windowMs ?? 1000 }
      : null;
  if (input.tasklistMemberLimit !== undefined) next.tasklistMemberLimit = input.tasklistMemberLimit;
  for (const key of ['collaboratorLimit', 'tokenTtlSeconds', 'userLimit'] as const)
    if (input[key] !== undefined) next[key] = input[key];
  for (const key of ['autoRegisterUsers', 'lenientTokens'] as const)
    if (input[key] !== undefined) next[key] = input[key];
  return next;
}
