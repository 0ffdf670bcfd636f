// The published dereferenced spec, read once per process (Node only: a browser passes `spec`).
export type { Json } from '@feishu-task/platform';
export { loadBundledSpec } from '@feishu-task/platform/node';
