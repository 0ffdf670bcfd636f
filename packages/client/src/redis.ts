// @feishu-task/client/redis: one quota shared by every process and machine of an app, counted in Redis.
// A separate entry so that browser and edge bundles never see it. Bring your own ioredis client.
import type { Redis } from 'ioredis';
import { guardStore } from './quota/guard.js';
import { type QuotaStore, type QuotaWindow, STORE_GUARD } from './quota/store.js';

// The sliding-window log of quota/store.ts, atomically in Redis: one sorted set per window, scored by
// the Redis server's own clock (TIME), so machines with skewed clocks still agree. A slot in flight is
// scored HOLD ms ahead (it counts as "now" until its answer restamps it; a process that dies with it in
// flight frees it after HOLD), and a pause key holds every taker back after a "too fast" answer.
// KEYS: one per window, then the pause key. ARGV: limit, windowMs for each window, the member, HOLD.
const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local n = #KEYS - 1
local pause = redis.call('PTTL', KEYS[#KEYS])
if pause > 0 then return pause end
local wait = 0
for i = 1, n do
  local limit = tonumber(ARGV[2 * i - 1])
  local window = tonumber(ARGV[2 * i])
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - window)
  local count = redis.call('ZCARD', KEYS[i])
  if count >= limit then
    local edge = tonumber(redis.call('ZRANGE', KEYS[i], count - limit, count - limit, 'WITHSCORES')[2])
    if edge > now then wait = math.max(wait, 20) else wait = math.max(wait, edge + window - now) end
  end
end
if wait > 0 then return wait end
local member = ARGV[2 * n + 1]
local hold = tonumber(ARGV[2 * n + 2])
for i = 1, n do
  redis.call('ZADD', KEYS[i], now + hold, member)
  redis.call('PEXPIRE', KEYS[i], tonumber(ARGV[2 * i]) + hold)
end
return 0
`;
// KEYS: one per window. ARGV: the member.
const SETTLE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
for i = 1, #KEYS do redis.call('ZADD', KEYS[i], 'XX', now, ARGV[1]) end
return 0
`;
// KEYS: the pause key. ARGV: milliseconds.
const SLOW_DOWN = `
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], '1', 'PX', ARGV[1]) end
return 0
`;
/** The longest a slot counts as in flight: a request of a process that died frees its slot after this. */
const HOLD_MS = 120_000;

const COMMANDS = { feishuTaskQuotaTake2: TAKE, feishuTaskQuotaSettle: SETTLE, feishuTaskQuotaSlowDown: SLOW_DOWN };
type Command = (numKeys: number, ...args: (string | number)[]) => Promise<number>;
type WithCommands = Redis & Record<keyof typeof COMMANDS, Command>;

export interface RedisQuotaStoreOptions {
  /** An ioredis client (`new Redis(url)`); the store defines its Lua commands on it. */
  redis: Redis;
  /** Prefix of the store's keys (default `feishu-task:quota:`). */
  prefix?: string;
}

/** A QuotaStore in Redis: pass it as `quota: { store }` to every client of the app, in every process. */
export function createRedisQuotaStore(options: RedisQuotaStoreOptions): QuotaStore {
  const redis = options.redis as WithCommands;
  for (const [name, lua] of Object.entries(COMMANDS))
    if (typeof redis[name as keyof typeof COMMANDS] !== 'function') redis.defineCommand(name, { lua });
  const prefix = options.prefix ?? 'feishu-task:quota:';
  const self = Math.random().toString(36).slice(2);
  let sequence = 0;
  const keysOf = (key: string, windows: readonly QuotaWindow[]) => windows.map((w) => `${prefix}${key}:${w.windowMs}`);
  return {
    // The core bounds each request by storeTimeoutMs and handles failures as onStoreError says.
    [STORE_GUARD]: guardStore,
    async take(key, windows, id = `${++sequence}`) {
      const keys = [...keysOf(key, windows), `${prefix}${key}:pause`];
      const args = windows.flatMap((w) => [w.limit, w.windowMs]);
      return Number(await redis.feishuTaskQuotaTake2(keys.length, ...keys, ...args, `${self}:${id}`, HOLD_MS));
    },
    async settle(key, windows, id) {
      const keys = keysOf(key, windows);
      await redis.feishuTaskQuotaSettle(keys.length, ...keys, `${self}:${id}`);
    },
    async slowDown(key, ms) {
      await redis.feishuTaskQuotaSlowDown(1, `${prefix}${key}:pause`, Math.max(1, Math.ceil(ms)));
    },
  };
}

export { sharedQuotaStore } from './quota/guard.js';
export type { QuotaStore, QuotaWindow };
