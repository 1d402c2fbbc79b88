import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { DEFAULT_KEY_PREFIX } from './keys.js';
import { type Store, StoreUnavailableError } from './store.js';

// Deletes the lock only if it still holds our token: a lock that expired and was taken by
// another replica must not be released by us.
const RELEASE_SCRIPT = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const RENEW_SCRIPT = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
// Compare-and-set; ARGV[3] is the ttl in ms, or 0 for none.
const REPLACE_SCRIPT = `if redis.call('get', KEYS[1]) ~= ARGV[1] then return 0 end
if tonumber(ARGV[3]) > 0 then redis.call('set', KEYS[1], ARGV[2], 'PX', ARGV[3]) else redis.call('set', KEYS[1], ARGV[2]) end
return 1`;
const INCREMENT_SCRIPT = `local n = redis.call('incr', KEYS[1]) if n == 1 then redis.call('pexpire', KEYS[1], ARGV[1]) end return n`;

/**
 * Redis-backed state shared by every replica. `client` is an ioredis client created by the
 * caller (so tests and the server control its options); keys are namespaced by `prefix`
 * (built by storeKeyPrefix from the configuration).
 * Errors from Redis surface as StoreUnavailableError so callers can degrade gracefully.
 */
export function createRedisStore(client: Redis, prefix = DEFAULT_KEY_PREFIX): Store {
  const k = (key: string) => prefix + key;
  async function guard<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw new StoreUnavailableError(`Redis ${what} failed: ${(error as Error).message}`, { cause: error });
    }
  }

  return {
    get: (key) => guard('GET', () => client.get(k(key))),
    async set(key, value, ttlMs) {
      await guard('SET', () => (ttlMs ? client.set(k(key), value, 'PX', ttlMs) : client.set(k(key), value)));
    },
    async setIfAbsent(key, value, ttlMs) {
      const result = await guard('SET NX', () =>
        ttlMs ? client.set(k(key), value, 'PX', ttlMs, 'NX') : client.set(k(key), value, 'NX'),
      );
      return result === 'OK';
    },
    async delete(key) {
      await guard('DEL', () => client.del(k(key)));
    },
    async increment(key, ttlMs) {
      const n = await guard('INCR', () => client.eval(INCREMENT_SCRIPT, 1, k(key), String(ttlMs)));
      return Number(n);
    },
    async keys(keyPrefix) {
      const found: string[] = [];
      let cursor = '0';
      do {
        const [next, batch] = await guard('SCAN', () =>
          client.scan(cursor, 'MATCH', `${k(keyPrefix).replace(/[*?[\]\\]/g, '\\$&')}*`, 'COUNT', 500),
        );
        cursor = next;
        for (const key of batch) found.push(key.slice(prefix.length));
      } while (cursor !== '0');
      return found;
    },
    async acquireLock(key, ttlMs) {
      const token = randomUUID();
      const result = await guard('lock', () => client.set(k(key), token, 'PX', ttlMs, 'NX'));
      if (result !== 'OK') return null;
      return async () => {
        await guard('unlock', () => client.eval(RELEASE_SCRIPT, 1, k(key), token));
      };
    },
    async acquireLease(key, ttlMs) {
      const token = randomUUID();
      const result = await guard('lock', () => client.set(k(key), token, 'PX', ttlMs, 'NX'));
      if (result !== 'OK') return null;
      return {
        renew: async () =>
          Number(await guard('renew', () => client.eval(RENEW_SCRIPT, 1, k(key), token, String(ttlMs)))) ===
          1,
        release: async () => {
          await guard('unlock', () => client.eval(RELEASE_SCRIPT, 1, k(key), token));
        },
      };
    },
    async replace(key, expected, value, ttlMs) {
      const n = await guard('replace', () =>
        client.eval(REPLACE_SCRIPT, 1, k(key), expected, value, String(ttlMs ?? 0)),
      );
      return Number(n) === 1;
    },
    async ping() {
      await guard('PING', () => client.ping());
    },
    async close() {
      await client.quit().catch(() => client.disconnect());
    },
  };
}
