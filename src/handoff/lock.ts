import type { Store } from '../store/store.js';

export class HandoffBusyError extends Error {
  readonly code = 'handoff_busy';
  constructor(key: string) {
    super(`could not lock ${key}`);
    this.name = 'HandoffBusyError';
  }
}

/**
 * Runs `work` holding a short store lock, waiting a little for another replica to finish.
 * Two coordinators replying at once must not lose one reply in a read-modify-write race.
 */
export async function withLock<T>(
  store: Store,
  key: string,
  work: () => Promise<T>,
  options: { ttlMs?: number; attempts?: number; waitMs?: number } = {},
): Promise<T> {
  const attempts = options.attempts ?? 50;
  for (let i = 0; i < attempts; i++) {
    const release = await store.acquireLock(key, options.ttlMs ?? 10_000);
    if (release) {
      try {
        return await work();
      } finally {
        await release().catch(() => {});
      }
    }
    await new Promise((resolve) => setTimeout(resolve, options.waitMs ?? 40));
  }
  throw new HandoffBusyError(key);
}
