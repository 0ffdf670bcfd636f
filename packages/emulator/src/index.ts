export type { Clock } from './clock.js';
export { ASSUMED, ConfigError, type ConfigInput, ConfigInputSchema, type EmulatorConfig } from './config.js';
export { CONTROL_PREFIX } from './control.js';
export {
  createEmulator,
  DEFAULT_APP,
  DEFAULT_TENANT,
  Emulator,
  type EmulatorAnswer,
  type EmulatorOptions,
  type EmulatorRequest,
} from './engine.js';
export { FaultConfigError, type FaultKind, type FaultSpec } from './faults.js';
export { type Fixture, FixtureError, fixtureSchema } from './fixture.js';
export { createEmulatorServer, createHandler } from './http-server.js';
export type { Caller, JournalEntry } from './journal.js';
export { EmulatorStartError, type RunningEmulator, type StartEmulatorOptions, startEmulator } from './start.js';
