export type { FrontLimits, Seen, Violation } from './front.js';
export { NodeTooOldError } from './node-binary.js';
export { type Mock, MockStartError, type StartMockOptions, startMock } from './start-mock.js';
