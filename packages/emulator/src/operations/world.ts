import type { Clock } from '../clock.js';
import type { EmulatorConfig } from '../config.js';
import type { FixedWindows } from '../quotas.js';
import type { IdType, State } from '../state.js';

/** What an operation's handler may read and change. */
export interface World {
  state: State;
  config: EmulatorConfig;
  clock: Clock;
  taskWindows: FixedWindows;
}

export const idTypeOf = (query: Record<string, string>, fallback: unknown): IdType =>
  (query.user_id_type ?? (typeof fallback === 'string' ? fallback : 'open_id')) as IdType;
