import { describe, expect, it } from 'vitest';
import { retryAfterMs, statusOf, withRetry } from '../../adapters/teams/retry.js';

function refusal(status: number, headers: Record<string, string> = {}) {
  const h = new Map(Object.entries(headers));
  return Object.assign(new Error(`HTTP ${status}`), {
    statusCode: status,
    response: { status, headers: { get: (name: string) => h.get(name.toLowerCase()) } },
  });
}

describe('withRetry', () => {
  it('honours Retry-After over its own backoff', async () => {
    const delays: number[] = [];
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls++;
        if (calls === 1) throw refusal(429, { 'retry-after': '7' });
        return 'ok';
      },
      { sleep: async (ms) => void delays.push(ms), random: () => 0 },
    );
    expect(result).toBe('ok');
    expect(delays).toEqual([7000]);
  });

  it('does not wait for a Retry-After longer than its limit', async () => {
    let calls = 0;
    const run = withRetry(
      async () => {
        calls++;
        throw refusal(429, { 'retry-after': '3600' });
      },
      { sleep: async () => {} },
    );
    await expect(run).rejects.toMatchObject({ statusCode: 429 });
    expect(calls).toBe(1);
  });

  it('does not retry what retrying will not fix', async () => {
    for (const status of [400, 401, 403, 404]) {
      let calls = 0;
      await expect(
        withRetry(
          async () => {
            calls++;
            throw refusal(status);
          },
          { sleep: async () => {} },
        ),
      ).rejects.toMatchObject({ statusCode: status });
      expect(calls).toBe(1);
    }
  });

  it('retries 502 and 504 and caps the delay', async () => {
    const delays: number[] = [];
    await expect(
      withRetry(
        async () => {
          throw refusal(delays.length % 2 ? 504 : 502);
        },
        {
          attempts: 6,
          baseDelayMs: 1000,
          maxDelayMs: 3000,
          random: () => 1,
          sleep: async (ms) => void delays.push(ms),
        },
      ),
    ).rejects.toBeInstanceOf(Error);
    expect(delays).toEqual([1000, 2000, 3000, 3000, 3000]);
  });
});

describe('reading connector errors', () => {
  it('finds the status and a Retry-After given as seconds or a date', () => {
    expect(statusOf(refusal(412))).toBe(412);
    expect(statusOf(new Error('network'))).toBeUndefined();
    const now = Date.parse('2026-08-14T15:00:00Z');
    expect(retryAfterMs(refusal(429, { 'retry-after': 'Fri, 14 Aug 2026 15:00:30 GMT' }), now)).toBe(30_000);
    expect(retryAfterMs(refusal(429, { 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(retryAfterMs(refusal(429), now)).toBeUndefined();
  });
});
