// Fixed-window quotas are the platform model's (the same windows the mock and the client read).
export { type Exceeded, FixedWindows, type Window } from '@feishu-task/platform';
