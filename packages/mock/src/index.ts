export { startMock, MockStartError, type Mock, type StartMockOptions } from './start-mock.js';
export type { Violation, Seen } from './front.js';
