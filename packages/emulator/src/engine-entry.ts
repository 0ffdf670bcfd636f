// @feishu-task/emulator/engine: the engine alone, with no Node server in it, for browsers, service
// workers and edge runtimes (pass `spec` there): `createEmulator({ spec }).fetch(request)`. The main
// entry (index.ts) is this plus the Node doors, so the two never drift apart.
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
export { createFetchHandler } from './fetch.js';
export { type Fixture, FixtureError, FixtureSchema, fixtureSchema } from './fixture.js';
export type { Caller, JournalEntry } from './journal.js';
export { NAMESPACE_HEADER, NAMESPACE_PREFIX, NamespaceError, Namespaces } from './namespaces.js';
export { InputError } from './schema.js';
