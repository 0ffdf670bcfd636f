import { randomBytes } from 'node:crypto';

/** A new log id in the platform's form (`20231109163852C7E6E0C5A8D9F4A31B5E`: UTC time, then 20 hex digits). */
export function newLogId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return stamp + randomBytes(10).toString('hex').toUpperCase();
}
