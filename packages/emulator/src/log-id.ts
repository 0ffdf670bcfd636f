// X-Tt-Logid values in the platform's shape (a timestamp, then hex), unique per answer.
import { randomBytes } from 'node:crypto';

let counter = 0;

export function logId(now: number): string {
  const d = new Date(now);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const stamp = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
  counter = (counter + 1) % 0x1000000;
  return `${stamp}${randomBytes(7).toString('hex').toUpperCase()}${counter.toString(16).toUpperCase().padStart(6, '0')}`;
}

export const randomHex = (bytes: number) => randomBytes(bytes).toString('hex');
