import type { operations, operationTypes } from '@feishu-task/types';

type Ops = operationTypes;
/** The operations with a named method. */
export type TaskOperation = 'addTaskCollaborators' | 'removeTaskCollaborator' | 'addTasklistMembers';

type JsonBody<O> = O extends { requestBody?: infer R }
  ? [NonNullable<R>] extends [never]
    ? never
    : NonNullable<R> extends { content: { 'application/json': infer B } }
      ? B
      : never
  : never;

/** A named method's input: path parameters, optional query, and the JSON body if it has one. */
export type CallInput<K extends TaskOperation> = {
  path: Ops[K]['parameters']['path'];
  query?: NonNullable<Ops[K]['parameters']['query']>;
} & ([JsonBody<Ops[K]>] extends [never] ? { body?: never } : { body: JsonBody<Ops[K]> });

/** A named method's result: the envelope's `data`. */
export type CallData<K extends TaskOperation> = Ops[K]['responses'][200]['content']['application/json']['data'];

/**
 * What a call resolves with when its first attempt got no answer and the resend was answered with a code
 * the spec declares as "already applied" (x-feishu-retry.replayedSuccessCodes): success, without the
 * server's data, which was lost with the first answer.
 */
export interface ReplayedSuccess {
  replayed: { code: number; msg: string };
}

/** A named method's result: `data`, or ReplayedSuccess for operations whose spec declares replayed codes. */
export type CallResult<K extends TaskOperation> =
  (typeof operations)[K]['retry']['replayedSuccessCodes'] extends readonly []
    ? CallData<K>
    : CallData<K> | ReplayedSuccess;

export interface CallOptions {
  /** Call as this user: sends this user_access_token instead of the client's auth. Must not be empty. */
  userAccessToken?: string;
  signal?: AbortSignal;
  /** Bounds the whole call (quota waits, every attempt and backoff), in milliseconds. */
  deadlineMs?: number;
}
