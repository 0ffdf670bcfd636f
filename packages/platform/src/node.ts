// @feishu-task/platform/node: listening on a port, and the bundled spec read from @feishu-task/openapi.
// Node only; one module each, so a bundler keeps only what is used.
export { baseUrl, ListenError, listen, portAnswers, portProblem } from './listen.js';
export { loadBundledSpec } from './load-spec.js';
