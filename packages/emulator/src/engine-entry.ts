// @feishu-task/emulator/engine: the engine alone, with no Node server in it, for browsers, service
// workers and edge runtimes (pass `spec` there): `createEmulator({ spec }).fetch(request)`.
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
export { createFetchHandler } from './fetch.js';
export type { JournalEntry } from './journal.js';
