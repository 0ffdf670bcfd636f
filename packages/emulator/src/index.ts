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
  type ResetOptions,
} from './engine.js';
export { FaultConfigError, type FaultKind, FaultSchema, type FaultSpec } from './faults.js';
export { type Fixture, FixtureError, FixtureSchema, fixtureSchema } from './fixture.js';
export { createEmulatorServer, createHandler } from './http-server.js';
export type { Caller, JournalEntry } from './journal.js';
export { NAMESPACE_HEADER, NAMESPACE_PREFIX, NamespaceError, Namespaces } from './namespaces.js';
export { InputError } from './schema.js';
export { EmulatorStartError, type RunningEmulator, type StartEmulatorOptions, startEmulator } from './start.js';
