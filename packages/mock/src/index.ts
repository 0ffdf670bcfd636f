export type { Seen, Violation } from './front.js';
export { type Mock, MockStartError, type StartMockOptions, startMock } from './start-mock.js';
