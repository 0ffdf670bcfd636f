// The emulator's tunable behaviour. Limits that the spec states are read from it; the others are the
// emulator's own assumptions (documented in the README) and can be changed per test.
export interface EmulatorConfig {
  /**
   * The platform's quotas (x-feishu-rate-limit): on, and scaled (0.1 = a tenth of each limit); `windows`
   * replaces an operation's windows outright (not scaled), for a run that must show the per-minute
   * window in seconds.
   */
  quotas: { enabled: boolean; scale: number; windows?: Record<string, QuotaWindow[]> };
  /** The Task service's "too frequent on one task" rule (1470451): at most `max` per `windowMs`; null = off. */
  taskFrequency: { max: number; windowMs: number } | null;
  /** Members a tasklist may hold (1470612 beyond). */
  tasklistMemberLimit: number;
  /** Collaborators a task may hold (1470429 beyond); the add-collaborators page says 50. */
  collaboratorLimit: number;
  /** Lifetime of a new tenant token, seconds (default: the spec's example `expire`, 7200). */
  tokenTtlSeconds: number;
  /** Register an unknown user id on first use (a tenant of any size) instead of refusing it. */
  autoRegisterUsers: boolean;
}

export interface QuotaWindow {
  limit: number;
  windowMs: number;
}

export type ConfigInput = Partial<Omit<EmulatorConfig, 'quotas' | 'taskFrequency'>> & {
  quotas?: boolean | Partial<EmulatorConfig['quotas']>;
  taskFrequency?: false | null | { max: number; windowMs?: number };
};

export class ConfigError extends TypeError {
  override name = 'ConfigError';
}

const positiveInt = (name: string, v: unknown) => {
  if (!Number.isInteger(v) || (v as number) < 1)
    throw new ConfigError(`${name} must be a positive integer, got ${String(v)}`);
  return v as number;
};

function quotaWindows(input: unknown): Record<string, QuotaWindow[]> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new ConfigError('quotas.windows must be an object of operationId: [{ limit, windowMs }]');
  const out: Record<string, QuotaWindow[]> = {};
  for (const [op, list] of Object.entries(input)) {
    if (!Array.isArray(list) || list.length === 0)
      throw new ConfigError(`quotas.windows.${op} must be a non-empty array of { limit, windowMs }`);
    out[op] = list.map((w: { limit?: unknown; windowMs?: unknown }, i) => ({
      limit: positiveInt(`quotas.windows.${op}[${i}].limit`, w?.limit),
      windowMs: positiveInt(`quotas.windows.${op}[${i}].windowMs`, w?.windowMs),
    }));
  }
  return out;
}

/** `base` with `input` applied; throws a ConfigError naming the first bad value. */
export function applyConfig(base: EmulatorConfig, input: ConfigInput = {}): EmulatorConfig {
  if (typeof input !== 'object' || input === null) throw new ConfigError('config must be an object');
  const next: EmulatorConfig = { ...base, quotas: { ...base.quotas } };
  const known = [
    'quotas',
    'taskFrequency',
    'tasklistMemberLimit',
    'collaboratorLimit',
    'tokenTtlSeconds',
    'autoRegisterUsers',
  ];
  for (const key of Object.keys(input))
    if (!known.includes(key)) throw new ConfigError(`unknown option "${key}" (have ${known.join(', ')})`);
  if (input.quotas !== undefined) {
    if (typeof input.quotas === 'boolean') next.quotas.enabled = input.quotas;
    else {
      if (input.quotas.enabled !== undefined) next.quotas.enabled = input.quotas.enabled === true;
      if (input.quotas.scale !== undefined) {
        if (!(Number.isFinite(input.quotas.scale) && input.quotas.scale > 0))
          throw new ConfigError(`quotas.scale must be a number > 0, got ${String(input.quotas.scale)}`);
        next.quotas.scale = input.quotas.scale;
      }
      if (input.quotas.windows !== undefined) next.quotas.windows = quotaWindows(input.quotas.windows);
    }
  }
  if (input.taskFrequency !== undefined) {
    const f = input.taskFrequency;
    next.taskFrequency = f
      ? {
          max: positiveInt('taskFrequency.max', f.max),
          windowMs: positiveInt('taskFrequency.windowMs', f.windowMs ?? 1000),
        }
      : null;
  }
  if (input.tasklistMemberLimit !== undefined)
    next.tasklistMemberLimit = positiveInt('tasklistMemberLimit', input.tasklistMemberLimit);
  if (input.collaboratorLimit !== undefined)
    next.collaboratorLimit = positiveInt('collaboratorLimit', input.collaboratorLimit);
  if (input.tokenTtlSeconds !== undefined) next.tokenTtlSeconds = positiveInt('tokenTtlSeconds', input.tokenTtlSeconds);
  if (input.autoRegisterUsers !== undefined) next.autoRegisterUsers = input.autoRegisterUsers === true;
  return next;
}
