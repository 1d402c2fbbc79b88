import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { calendarUrl, createCalendarTokens } from '../../src/calendar/tokens.js';
import { loadConfig } from '../../src/config.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { createRedisStore } from '../../src/store/redis-store.js';
import type { Store } from '../../src/store/store.js';

const redis = new Redis('redis://127.0.0.1:6379', { lazyConnect: true, maxRetriesPerRequest: 1 });
afterAll(async () => {
  await redis.quit();
});

const stores: [string, () => Store][] = [
  ['memory', () => createMemoryStore()],
  ['redis', () => createRedisStore(redis, `test:calendar-tokens:${randomUUID()}:`)],
];

describe.each(stores)('calendar tokens (%s store)', (_name, makeStore) => {
  it('creates a stable, unguessable token on first use and maps it back', async () => {
    const tokens = createCalendarTokens(makeStore());
    const token = await tokens.tokenFor('Ann@Example.edu');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await tokens.tokenFor('ann@example.edu')).toBe(token);
    expect(await tokens.emailFor(token)).toBe('ann@example.edu');
    expect(await tokens.tokenFor('bo@example.edu')).not.toBe(token);
    expect(await tokens.emailFor('not-a-token')).toBeNull();
    expect(await tokens.emailFor('A'.repeat(43))).toBeNull();
  });

  it('rotates: the old token stops working, the new one works', async () => {
    const tokens = createCalendarTokens(makeStore());
    const old = await tokens.tokenFor('ann@example.edu');
    const fresh = await tokens.rotate('ann@example.edu');
    expect(fresh).not.toBe(old);
    expect(await tokens.emailFor(old)).toBeNull();
    expect(await tokens.emailFor(fresh)).toBe('ann@example.edu');
    expect(await tokens.tokenFor('ann@example.edu')).toBe(fresh);
  });

  it('gives one token when two callers ask at once', async () => {
    const tokens = createCalendarTokens(makeStore());
    const [a, b] = await Promise.all([tokens.tokenFor('cy@example.edu'), tokens.tokenFor('cy@example.edu')]);
    expect(a).toBe(b);
    expect(await tokens.emailFor(a)).toBe('cy@example.edu');
  });
});

describe('calendarUrl', () => {
  it('uses PUBLIC_URL, else localhost and the port', () => {
    expect(calendarUrl(loadConfig({ PUBLIC_URL: 'https://bot.example.edu/' }), 'abc')).toBe(
      'https://bot.example.edu/calendar/abc.ics',
    );
    expect(calendarUrl(loadConfig({ PORT: '4000' }), 'abc')).toBe('http://localhost:4000/calendar/abc.ics');
  });
});
