/**
 * Shared state behind one small interface: dedupe keys, locks, caches, stored references.
 * In-memory for one process, Redis for several processes side by side. Values are strings
 * (callers JSON-encode); every key may expire.
 */
export interface Store {
  get(key: string): Promise<string | null>;
  /** Sets a value, expiring after ttlMs when given. */
  set(key: string, value: string, ttlMs?: number): Promise<void>;
  /** Sets only when the key is absent (Redis SET NX): true when this call set it. */
  setIfAbsent(key: string, value: string, ttlMs?: number): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Increments a counter, starting a ttl window when the counter is new; returns the new count. */
  increment(key: string, ttlMs: number): Promise<number>;
  /** Keys starting with prefix (for listings of stored references, tokens, unanswered questions). */
  keys(prefix: string): Promise<string[]>;
  /**
   * Takes a lock for ttlMs; returns a release function, or null when another holder has it.
   * Release only deletes the lock if this holder still owns it.
   */
  acquireLock(key: string, ttlMs: number): Promise<(() => Promise<void>) | null>;
  /**
   * A lock kept alive by its holder: short expiry, renewed while the work goes on, so a holder
   * that dies frees it within ttlMs. Null when another holder has it.
   */
  acquireLease(key: string, ttlMs: number): Promise<Lease | null>;
  /** Sets the value only if the key still holds `expected` (compare-and-set): true when it did. */
  replace(key: string, expected: string, value: string, ttlMs?: number): Promise<boolean>;
  /** Round-trips to the backing service; throws when it is unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface Lease {
  /** Extends the lease by its ttl; false when it was lost (expired and taken, or released). */
  renew(): Promise<boolean>;
  /** Deletes the lock only if this holder still owns it. */
  release(): Promise<void>;
}

export class StoreUnavailableError extends Error {
  readonly code = 'store_unavailable';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}
