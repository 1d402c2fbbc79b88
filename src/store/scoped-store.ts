import type { Store } from './store.js';

/**
 * One store seen through a key scope: every key is prefixed with `scope`, and listings return keys
 * without it. Each program of a deployment gets one, so two programs' announcements, reminders,
 * context and calendar tokens never share a key. Closing a scoped view leaves the store open: the
 * process closes the store it opened, once.
 */
export function scopeStore(store: Store, scope: string): Store {
  const k = (key: string) => scope + key;
  return {
    get: (key) => store.get(k(key)),
    set: (key, value, ttlMs) => store.set(k(key), value, ttlMs),
    setIfAbsent: (key, value, ttlMs) => store.setIfAbsent(k(key), value, ttlMs),
    delete: (key) => store.delete(k(key)),
    increment: (key, ttlMs) => store.increment(k(key), ttlMs),
    async keys(prefix) {
      return (await store.keys(k(prefix))).map((key) => key.slice(scope.length));
    },
    acquireLock: (key, ttlMs) => store.acquireLock(k(key), ttlMs),
    acquireLease: (key, ttlMs) => store.acquireLease(k(key), ttlMs),
    replace: (key, expected, value, ttlMs) => store.replace(k(key), expected, value, ttlMs),
    ping: () => store.ping(),
    async close() {},
  };
}
