// Every error class a call can throw, for the entries that export them (the main entry and the core).
export { FeishuAbortedError } from './aborted-error.js';
export {
  type DocumentedCode,
  type DocumentedName,
  type ErrorKind,
  FeishuApiError,
  isFeishuApiError,
} from './api-error.js';
export { FeishuBulkError } from './bulk-error.js';
export { FeishuConnectionError } from './connection-error.js';
export { FeishuError } from './feishu-error.js';
export { FeishuInputError } from './input-error.js';
export { FeishuQuotaStoreError } from './quota-store-error.js';
export { FeishuQuotaWaitError } from './quota-wait-error.js';
export { FeishuResponseError } from './response-error.js';
export { FeishuTimeoutError } from './timeout-error.js';
