// @feishu-task/client/core: createCore and what its calls can throw. The operations are entries of their
// own (@feishu-task/client/add-tasklist-members, ...), app credentials and advice texts too.
export type { AppCredentials, AuthOption, CoreAuthOption, TokenAuth } from './auth.js';
export { createCore, type FeishuCore } from './core.js';
export { FeishuAbortedError } from './errors/aborted-error.js';
export {
  type DocumentedCode,
  type DocumentedName,
  type ErrorKind,
  FeishuApiError,
  isFeishuApiError,
} from './errors/api-error.js';
export { FeishuBulkError } from './errors/bulk-error.js';
export { FeishuConnectionError } from './errors/connection-error.js';
export { FeishuError } from './errors/feishu-error.js';
export { FeishuInputError } from './errors/input-error.js';
export { FeishuQuotaStoreError } from './errors/quota-store-error.js';
export { FeishuQuotaWaitError } from './errors/quota-wait-error.js';
export { FeishuResponseError } from './errors/response-error.js';
export { FeishuTimeoutError } from './errors/timeout-error.js';
export type { Logger } from './logger.js';
export type { Advice, CommonOptions, CoreOptions, QuotaOptions } from './options.js';
export { MemoryQuotaStore, type QuotaStore, type QuotaWindow } from './quota/store.js';
export type { CallData, CallInput, CallOptions, CallResult, ReplayedSuccess, TaskOperation } from './types.js';
