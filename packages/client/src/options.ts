import type { OperationId, servers } from '@feishu-task/types';
import type { CoreAuthOption } from './auth.js';
import type { Logger } from './logger.js';
import type { QuotaStore, QuotaWindow } from './quota/store.js';
import type { RetryOptions } from './retry.js';

export interface QuotaOptions {
  /** Where slots are counted (default: this process's memory, shared by its clients of the same app). */
  store?: QuotaStore;
  /** Who shares the quota (default: the appId, else a fingerprint of the client's static token). */
  key?: string;
  /** The longest a call waits for a slot before failing with FeishuQuotaWaitError (default: no bound). */
  maxWaitMs?: number;
  /** Added to each window (at least 1% of it): requests leave exactly, but may arrive bunched (default 100 ms). */
  marginMs?: number;
  /**
   * Other windows than the spec's, per operation (a test server with a scaled-down quota). Another client
   * of the same key with other windows counts in the same logs, each client held to its own windows.
   */
  windows?: Partial<Record<OperationId, QuotaWindow[]>>;
  /** The longest one request to the store may take before the store counts as failed (default 1000 ms). */
  storeTimeoutMs?: number;
  /**
   * When the store fails or times out: 'fail' (default) ends the waiting calls with FeishuQuotaStoreError;
   * 'local' counts in this process's memory for a few seconds, then asks the store again. With 'local',
   * processes no longer see each other's calls, so together they can exceed the quota while it lasts.
   */
  onStoreError?: 'fail' | 'local';
}

/** What both createCore and createClient take; they differ only in `auth` (and createCore's `advice`). */
export interface CommonOptions {
  /** `feishu` (default), `lark`, or a base URL such as a mock's `http://127.0.0.1:4010`. */
  domain?: keyof typeof servers | (string & {});
  /** A fetch implementation (default: the global fetch). */
  fetch?: typeof fetch;
  /** Per attempt, in milliseconds (default 30 000). */
  timeoutMs?: number;
  /** The largest answer body read, in bytes (default 4 MiB); a larger one is a FeishuResponseError. */
  maxResponseBytes?: number;
  /** Bounds each call as a whole (quota waits, all attempts and backoff), in milliseconds (default: none). */
  deadlineMs?: number;
  /** Retries after the first attempt for rate limits, server failures and network errors (default 2). */
  maxRetries?: number;
  /** Backoff tuning: first step and ceiling, in milliseconds. */
  retryDelay?: Partial<Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs'>>;
  /** Client-side quotas from the spec's x-feishu-rate-limit (default on); `false` turns them off. */
  throttle?: boolean;
  quota?: QuotaOptions;
  /**
   * Writes to one task (add and remove collaborators) go one after another in this process (default
   * true): the pages answer concurrent requests for the same task with 1470451.
   */
  serializeTaskWrites?: boolean;
  logger?: Logger;
}

/** A documented error's troubleshooting advice (see `@feishu-task/client/advice`). */
export type Advice = (operation: string, code: number, name: string) => string | undefined;

export interface CoreOptions extends CommonOptions {
  /** A static token, a token provider, or `appCredentials({ appId, appSecret })` from `@feishu-task/client/app-credentials`. */
  auth: CoreAuthOption;
  /**
   * Puts the documented advice into FeishuApiError's `advice` and message (default: none, so the texts
   * stay out of the bundle): `advice('en')` or `advice('zh')` from `@feishu-task/client/advice`.
   */
  advice?: Advice;
}
