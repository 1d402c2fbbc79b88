import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import type { IncomingMessage } from '../src/core/types.js';
import { silentLogger } from '../src/logger.js';
import { createMemoryStore } from '../src/store/memory-store.js';
import { createRedisStore } from '../src/store/redis-store.js';
import { type Store, StoreUnavailableError } from '../src/store/store.js';
import { createUnansweredLog, withUnansweredLog } from '../src/unanswered.js';
import { echoBot } from './server/fake-runtime.js';
import { captureIo } from './support/cli-io.js';
import { deleteKeysUnder, testKeyPrefix } from './support/redis-keys.js';

const question: IncomingMessage = {
  text: 'can I do my research month at Mars?',
  asker: { email: 'a@duke.edu' },
  platform: 'slack',
  conversation: 'private',
};
const at = new Date('2026-11-28T10:00:00Z');

const redis = new Redis('redis://127.0.0.1:6379', { lazyConnect: true });
afterAll(async () => {
  await redis.quit();
});

describe.each([
  ['memory', () => createMemoryStore()],
  ['redis', () => createRedisStore(redis, `test:unanswered:${randomUUID()}:`)],
])('unanswered log (%s store)', (_name, makeStore) => {
  it('keeps intent and time only, unless the program opts in to text', async () => {
    const store = makeStore();
    const log = createUnansweredLog(store, loadConfig({}));
    await log.record(question, { intent: 'fallback', text: '', factIds: [], unanswered: true }, at);
    expect(await log.list()).toEqual([{ at: at.toISOString(), intent: 'fallback', platform: 'slack' }]);

    const withText = createUnansweredLog(makeStore(), loadConfig({ UNANSWERED_KEEP_TEXT: 'on' }));
    await withText.record(question, { intent: 'fallback', text: '', factIds: [], unanswered: true }, at);
    expect((await withText.list())[0]?.text).toBe(question.text);
  });

  it('lists newest first and only what the bot could not answer', async () => {
    const store = makeStore();
    const log = createUnansweredLog(store, loadConfig({}));
    let n = 0;
    const clock = () => new Date(at.getTime() + 1000 * n++);
    const bot = withUnansweredLog(
      echoBot({ unanswered: true, intent: 'procedure.unknown' }),
      log,
      silentLogger,
      clock,
    );
    await bot.handle(question);
    await bot.handle({ ...question, now: new Date('2026-11-29T00:00:00Z') });
    await withUnansweredLog(echoBot(), log, silentLogger, clock).handle(question);
    const listed = await log.list();
    expect(listed.map((e) => e.at)).toEqual(['2026-11-29T00:00:00.000Z', '2026-11-28T10:00:00.000Z']);
    expect(listed.every((e) => e.intent === 'procedure.unknown')).toBe(true);
  });
});

describe('unanswered log retention', () => {
  it('expires entries after UNANSWERED_KEEP_DAYS and keeps none with 0', async () => {
    let now = at.getTime();
    const store = createMemoryStore(() => now);
    const log = createUnansweredLog(store, loadConfig({ UNANSWERED_KEEP_DAYS: '2' }));
    await log.record(question, { intent: 'fallback', text: '', factIds: [] }, at);
    now += 2 * 86_400_000 - 1;
    expect(await log.list()).toHaveLength(1);
    now += 2;
    expect(await log.list()).toHaveLength(0);
    const off = createUnansweredLog(store, loadConfig({ UNANSWERED_KEEP_DAYS: '0' }));
    await off.record(question, { intent: 'fallback', text: '', factIds: [] }, at);
    expect(await store.keys('')).toHaveLength(0);
  });

  it('never lets a store failure change the answer', async () => {
    const broken: Store = {
      ...createMemoryStore(),
      set: async () => {
        throw new StoreUnavailableError('down');
      },
    };
    const bot = withUnansweredLog(
      echoBot({ unanswered: true }),
      createUnansweredLog(broken, loadConfig({})),
      silentLogger,
    );
    expect((await bot.handle(question)).intent).toBe('test.echo');
  });
});

describe('npm run cli -- unanswered', () => {
  it('explains that in-memory state is per process when there is no REDIS_URL', async () => {
    const { run } = await import('../adapters/cli/commands/unanswered.js');
    const t = captureIo({});
    expect(await run([], t.io)).toBe(1);
    expect(t.err.join('')).toMatch(/No REDIS_URL.*its own memory/s);
  });

  it('lists what the server recorded in Redis, newest first', async () => {
    // The command and the log share a key prefix of this run's own.
    const url = 'redis://127.0.0.1:6379';
    const REDIS_PREFIX = testKeyPrefix('unanswered-cli');
    const client = new Redis(url);
    const store = createRedisStore(client, REDIS_PREFIX);
    const log = createUnansweredLog(store, loadConfig({ UNANSWERED_KEEP_TEXT: 'on' }));
    await log.record(question, { intent: 'fallback', text: '', factIds: [], unanswered: true }, at);
    await log.record(
      { ...question, text: 'second' },
      { intent: 'procedure.unknown', text: '', factIds: [], unanswered: true },
      new Date('2026-11-28T11:00:00Z'),
    );
    const { run } = await import('../adapters/cli/commands/unanswered.js');
    const t = captureIo({ REDIS_URL: url, REDIS_PREFIX });
    expect(await run([], t.io)).toBe(0);
    expect(t.out.join('').split('\n').slice(0, 2)).toEqual([
      '2026-11-28 11:00 UTC  slack  procedure.unknown  "second"',
      `2026-11-28 10:00 UTC  slack  fallback  ${JSON.stringify(question.text)}`,
    ]);
    const json = captureIo({ REDIS_URL: url, REDIS_PREFIX });
    expect(await run(['--json', '--limit', '1'], json.io)).toBe(0);
    expect(json.out.map((l) => JSON.parse(l).intent)).toEqual(['procedure.unknown']);
    await client.quit();
    await deleteKeysUnder(REDIS_PREFIX);
  });
});
