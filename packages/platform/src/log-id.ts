// X-Tt-Logid values in the platform's shape (`20231109163852` UTC time, then 20 hex digits), unique per
// answer: 14 random hex digits from a pool (one Web Crypto call per 512 ids) and a 6-digit counter.
const POOL_IDS = 512;
const ID_BYTES = 7;
let pool = new Uint8Array(POOL_IDS * ID_BYTES);
let used = POOL_IDS;
let counter = 0;

const pad = (n: number) => String(n).padStart(2, '0');
const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

export function logId(now: number = Date.now()): string {
  if (used === POOL_IDS) {
    pool = crypto.getRandomValues(new Uint8Array(POOL_IDS * ID_BYTES));
    used = 0;
  }
  const random = hex(pool.subarray(used * ID_BYTES, (used + 1) * ID_BYTES)).toUpperCase();
  used++;
  counter = (counter + 1) % 0x1000000;
  const d = new Date(now);
  const stamp = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
  return `${stamp}${random}${counter.toString(16).toUpperCase().padStart(6, '0')}`;
}

/** `bytes` random bytes as hex (tokens and secrets of a test double). */
export const randomHex = (bytes: number) => hex(crypto.getRandomValues(new Uint8Array(bytes)));
