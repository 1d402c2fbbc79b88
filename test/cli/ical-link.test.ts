import { afterAll, describe, expect, it } from 'vitest';
import { deleteKeysUnder, testKeyPrefix } from '../support/redis-keys.js';
import { runCli } from './run-cli.js';

// The command runs under a key prefix of this run's own, deleted afterwards.
const REDIS_URL = 'redis://127.0.0.1:6379';
const REDIS_PREFIX = testKeyPrefix('ical-link');
afterAll(() => deleteKeysUnder(REDIS_PREFIX));

describe('rotabot ical --link / --rotate', () => {
  const as = ['ical', '--as', 'casey.demoreaux@example.edu'];

  it('prints the same stored link twice, and a new one after --rotate', async () => {
    const first = await runCli([...as, '--link'], '', { REDIS_URL, REDIS_PREFIX });
    const again = await runCli([...as, '--link'], '', { REDIS_URL, REDIS_PREFIX });
    const rotated = await runCli([...as, '--rotate'], '', { REDIS_URL, REDIS_PREFIX });
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/\/calendar\/[A-Za-z0-9_-]{40,}\.ics\n$/);
    expect(again.out).toBe(first.out);
    expect(rotated.out).not.toBe(first.out);
    expect((await runCli([...as, '--link'], '', { REDIS_URL, REDIS_PREFIX })).out).toBe(rotated.out);
  });

  it('refuses without a shared store', async () => {
    const { code, err } = await runCli([...as, '--link']);
    expect(code).toBe(1);
    expect(err).toMatch(/REDIS_URL/);
  });
});
