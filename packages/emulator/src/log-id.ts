// Log ids and random tokens come from the platform model, so both doors answer the same shape.
export { logId, randomHex } from '@feishu-task/platform';
