import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

// Database 13 is this file's own; it is emptied before and after.
const REDIS_URL = 'redis://127.0.0.1:6379/13';
const redis = new Redis(REDIS_URL);
await redis.flushdb();
afterAll(async () => {
  await redis.flushdb();
  await redis.quit();
});

describe('rotabot ical --link / --rotate', () => {
  const as = ['ical', '--as', 'casey.demoreaux@example.edu'];

  it('prints the same stored link twice, and a new one after --rotate', async () => {
    const first = await runCli([...as, '--link'], '', { REDIS_URL });
    const again = await runCli([...as, '--link'], '', { REDIS_URL });
    const rotated = await runCli([...as, '--rotate'], '', { REDIS_URL });
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/\/calendar\/[A-Za-z0-9_-]{40,}\.ics\n$/);
    expect(again.out).toBe(first.out);
    expect(rotated.out).not.toBe(first.out);
    expect((await runCli([...as, '--link'], '', { REDIS_URL })).out).toBe(rotated.out);
  });

  it('refuses without a shared store', async () => {
    const { code, err } = await runCli([...as, '--link']);
    expect(code).toBe(1);
    expect(err).toMatch(/REDIS_URL/);
  });
});
