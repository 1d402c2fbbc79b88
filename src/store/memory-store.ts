import { nodeCrypto } from '../node-crypto.js';
import type { Store } from './store.js';

interface Entry {
  value: string;
  expiresAt: number | null;
}

/** One process's state: the same guarantees as Redis within that process. */
export function createMemoryStore(clock: () => number = Date.now): Store {
  const entries = new Map<string, Entry>();

  function live(key: string): Entry | undefined {
    const entry = entries.get(key);
    if (entry && entry.expiresAt !== null && entry.expiresAt <= clock()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  }

  function put(key: string, value: string, ttlMs?: number): void {
    entries.set(key, { value, expiresAt: ttlMs ? clock() + ttlMs : null });
  }

  return {
    async get(key) {
      return live(key)?.value ?? null;
    },
    async set(key, value, ttlMs) {
      put(key, value, ttlMs);
    },
    async setIfAbsent(key, value, ttlMs) {
      if (live(key)) return false;
      put(key, value, ttlMs);
      return true;
    },
    async delete(key) {
      entries.delete(key);
    },
    async increment(key, ttlMs) {
      const entry = live(key);
      if (!entry) {
        put(key, '1', ttlMs);
        return 1;
      }
      entry.value = String(Number(entry.value) + 1);
      return Number(entry.value);
    },
    async keys(prefix) {
      return [...entries.keys()].filter((k) => k.startsWith(prefix) && live(k));
    },
    async acquireLock(key, ttlMs) {
      const token = nodeCrypto().randomUUID();
      if (live(key)) return null;
      put(key, token, ttlMs);
      return async () => {
        if (live(key)?.value === token) entries.delete(key);
      };
    },
    async acquireLease(key, ttlMs) {
      const token = nodeCrypto().randomUUID();
      if (live(key)) return null;
      put(key, token, ttlMs);
      return {
        renew: async () => {
          if (live(key)?.value !== token) return false;
          put(key, token, ttlMs);
          return true;
        },
        release: async () => {
          if (live(key)?.value === token) entries.delete(key);
        },
      };
    },
    async replace(key, expected, value, ttlMs) {
      if (live(key)?.value !== expected) return false;
      put(key, value, ttlMs);
      return true;
    },
    async ping() {},
    async close() {
      entries.clear();
    },
  };
}
