// X-Tt-Logid values in the platform's shape (a timestamp, then hex), unique per answer: random bytes
// from a pool (one system call per 512 ids, not one per answer) and a counter.
import { randomBytes } from 'node:crypto';

const POOL_IDS = 512;
const ID_BYTES = 7;
let pool = randomBytes(POOL_IDS * ID_BYTES);
let used = 0;
let counter = 0;

const pad = (n: number) => String(n).padStart(2, '0');

export function logId(now: number): string {
  if (used === POOL_IDS) {
    pool = randomBytes(POOL_IDS * ID_BYTES);
    used = 0;
  }
  const random = pool.toString('hex', used * ID_BYTES, (used + 1) * ID_BYTES).toUpperCase();
  used++;
  counter = (counter + 1) % 0x1000000;
  const d = new Date(now);
  const stamp = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
  return `${stamp}${random}${counter.toString(16).toUpperCase().padStart(6, '0')}`;
}

export const randomHex = (bytes: number) => randomBytes(bytes).toString('hex');
