// @feishu-task/client/core: createCore and what its calls can throw. The operations are entries of their
// own (@feishu-task/client/add-tasklist-members, ...), app credentials and advice texts too.
export type { AppCredentials, AuthOption, CoreAuthOption, TokenAuth } from './auth.js';
export { createCore, type FeishuCore } from './core.js';
export * from './errors/index.js';
export type { Logger } from './logger.js';
export type { Advice, CommonOptions, CoreOptions, QuotaOptions } from './options.js';
export { MemoryQuotaStore, type QuotaStore, type QuotaWindow } from './quota/store.js';
export type { CallData, CallInput, CallOptions, CallResult, ReplayedSuccess, TaskOperation } from './types.js';
