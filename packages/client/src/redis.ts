// @feishu-task/client/redis: one quota shared by every process and machine of an app, counted in Redis.
// A separate entry so that browser and edge bundles never see it. Bring your own ioredis client.
import type { Redis } from 'ioredis';
import type { QuotaStore, QuotaWindow } from './quota/store.js';

// The sliding-window log of quota/store.ts, atomically in Redis: one sorted set per window, scored by
// the Redis server's own clock (TIME), so machines with skewed clocks still agree.
// KEYS: one per window. ARGV: limit, windowMs for each window, then a member id unique to this request.
const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local wait = 0
for i = 1, #KEYS do
  local limit = tonumber(ARGV[2 * i - 1])
  local window = tonumber(ARGV[2 * i])
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - window)
  if redis.call('ZCARD', KEYS[i]) >= limit then
    local oldest = redis.call('ZRANGE', KEYS[i], 0, 0, 'WITHSCORES')
    wait = math.max(wait, tonumber(oldest[2]) + window - now)
  end
end
if wait > 0 then return wait end
local member = ARGV[#ARGV]
for i = 1, #KEYS do
  redis.call('ZADD', KEYS[i], now, member)
  redis.call('PEXPIRE', KEYS[i], tonumber(ARGV[2 * i]))
end
return 0
`;

const COMMAND = 'feishuTaskQuotaTake';
type WithCommand = Redis & {
  [COMMAND](numKeys: number, ...args: (string | number)[]): Promise<number>;
};

export interface RedisQuotaStoreOptions {
  /** An ioredis client (`new Redis(url)`); the store defines one Lua command on it. */
  redis: Redis;
  /** Prefix of the store's keys (default `feishu-task:quota:`). */
  prefix?: string;
}

/** A QuotaStore in Redis: pass it as `quota: { store }` to every client of the app, in every process. */
export function createRedisQuotaStore(options: RedisQuotaStoreOptions): QuotaStore {
  const redis = options.redis as WithCommand;
  if (typeof redis[COMMAND] !== 'function') redis.defineCommand(COMMAND, { lua: TAKE });
  const prefix = options.prefix ?? 'feishu-task:quota:';
  const self = Math.random().toString(36).slice(2);
  let sequence = 0;
  return {
    async take(key: string, windows: readonly QuotaWindow[]): Promise<number> {
      const keys = windows.map((w) => `${prefix}${key}:${w.windowMs}`);
      const args = windows.flatMap((w) => [w.limit, w.windowMs]);
      return Number(await redis[COMMAND](keys.length, ...keys, ...args, `${self}:${++sequence}`));
    },
  };
}

export type { QuotaStore, QuotaWindow };
