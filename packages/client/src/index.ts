export { DEFAULT_EXPIRE_SECONDS } from './app-credentials.js';
export type { AuthOption } from './auth.js';
export { type ClientOptions, createClient, type FeishuTaskClient, type QuotaOptions } from './client.js';
export * from './errors/index.js';
export type { Logger } from './logger.js';
export { sharedQuotaStore } from './quota/guard.js';
export { MemoryQuotaStore, type QuotaStore, type QuotaWindow } from './quota/store.js';
export type { CallData, CallInput, CallOptions, CallResult, ReplayedSuccess, TaskOperation } from './types.js';
