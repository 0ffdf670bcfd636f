// @feishu-task/emulator: the engine (engine-entry.ts, which runs anywhere) and the Node doors on top of
// it: the HTTP server and startEmulator().
export * from './engine-entry.js';
export { createEmulatorServer, createHandler } from './http-server.js';
export { EmulatorStartError, type RunningEmulator, type StartEmulatorOptions, startEmulator } from './start.js';
