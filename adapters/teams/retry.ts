/**
 * Retries for the Bot Framework connector's transient refusals. 429 without Retry-After and 412
 * are never retried by the SDK's pipeline, and what it does retry (5xx, 429 with Retry-After) it
 * gives up on after three tries; this bounds the whole thing from the outside.
 */
export const RETRYABLE_STATUSES = new Set([412, 429, 502, 503, 504]);

export interface RetryOptions {
  /** Total tries, the first included (default 4). */
  attempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A Retry-After longer than this is not waited for: the post fails instead (default 60 s). */
  maxRetryAfterMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  onRetry?: (info: { attempt: number; status: number; delayMs: number }) => void;
  /** The statuses worth retrying (default RETRYABLE_STATUSES). */
  statuses?: ReadonlySet<number>;
}

interface HeaderBag {
  get?(name: string): string | null | undefined;
  [name: string]: unknown;
}

/** The HTTP status behind a connector error (RestError carries `statusCode`). */
export function statusOf(error: unknown): number | undefined {
  const e = error as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } } | null;
  const status = e?.statusCode ?? e?.status ?? e?.response?.status;
  return typeof status === 'number' ? status : undefined;
}

/** Retry-After in milliseconds (seconds or an HTTP date), or undefined when absent or unreadable. */
export function retryAfterMs(error: unknown, now: number = Date.now()): number | undefined {
  const headers = (error as { response?: { headers?: HeaderBag } } | null)?.response?.headers;
  if (!headers) return undefined;
  const raw =
    typeof headers.get === 'function'
      ? headers.get('retry-after')
      : (headers['retry-after'] ?? headers['Retry-After']);
  if (typeof raw !== 'string' || !raw.trim()) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `attempt` until it succeeds, fails with a status not worth retrying, or tries run out. */
export async function withRetry<T>(attempt: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 4;
  const base = options.baseDelayMs ?? 1000;
  const cap = options.maxDelayMs ?? 16_000;
  const maxRetryAfter = options.maxRetryAfterMs ?? 60_000;
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      const status = statusOf(error);
      const retryable = options.statuses ?? RETRYABLE_STATUSES;
      if (n >= attempts || status === undefined || !retryable.has(status)) throw error;
      const told = retryAfterMs(error);
      if (told !== undefined && told > maxRetryAfter) throw error;
      // Jitter on the exponential step, so replicas that failed together do not retry together.
      const backoff = Math.min(cap, base * 2 ** (n - 1)) * (0.5 + random() / 2);
      const delayMs = Math.round(told !== undefined ? Math.max(told, backoff / 4) : backoff);
      options.onRetry?.({ attempt: n, status, delayMs });
      await sleep(delayMs);
    }
  }
}
