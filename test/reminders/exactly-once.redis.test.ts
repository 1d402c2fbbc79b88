import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createScheduler } from '../../src/reminders/scheduler.js';
import { createRedisStore } from '../../src/store/redis-store.js';
import type { Store } from '../../src/store/store.js';
import {
  countBy,
  decemberResidents,
  fakeMessenger,
  type Sent,
  scheduleOf,
  shippedKnowledge,
  testRuntime,
} from './fixtures.js';

/** Real Redis: every test gets its own key prefix; every client is quit at the end. */
const clients: Redis[] = [];
/** Lazily connected: offline-queue-less clients are connected explicitly before their first command. */
function client(options: { enableOfflineQueue?: boolean; port?: number } = {}): Redis {
  const c = new Redis({
    host: '127.0.0.1',
    port: options.port ?? 6379,
    enableOfflineQueue: options.enableOfflineQueue ?? true,
    maxRetriesPerRequest: 1,
    retryStrategy: () => 50,
    lazyConnect: true,
  });
  c.on('error', () => {});
  clients.push(c);
  return c;
}
afterAll(async () => {
  await Promise.all(clients.map((c) => c.quit().catch(() => c.disconnect())));
});

/** Reconnects a client that was disconnected on purpose, once its old connection has fully ended. */
async function reconnect(redis: Redis): Promise<void> {
  while (redis.status !== 'end') await new Promise((resolve) => setTimeout(resolve, 5));
  await redis.connect();
}

const prefix = () => `test:reminders:${randomUUID()}:`;
const MONDAY_8AM = new Date('2026-11-30T13:00:00Z');

async function replica(
  store: Store,
  log: Sent[],
  messengerOptions = {},
  options = {},
  now = () => MONDAY_8AM,
) {
  const knowledge = await shippedKnowledge();
  const runtime = testRuntime({ store, knowledge, schedule: scheduleOf(decemberResidents(12)), now });
  const messenger = fakeMessenger({ log, ...messengerOptions });
  return createScheduler(runtime, [messenger], { clock: now, ...options });
}

/**
 * A replica that hangs on its sixth post forever and loses its Redis connection there, as if the
 * process died: its lease is no longer renewed. Returns once the lease expired.
 */
async function killMidSend(keys: string, log: Sent[], messengerOptions = {}): Promise<void> {
  const redis = client();
  const killed = await replica(
    createRedisStore(redis, keys),
    log,
    { hangAfter: 5, ...messengerOptions },
    { runner: { lockTtlMs: 150 } },
  );
  void killed.runReminders('2026-11-30');
  while (log.length < 5) await new Promise((resolve) => setTimeout(resolve, 5));
  await new Promise((resolve) => setTimeout(resolve, 20));
  redis.disconnect();
  await new Promise((resolve) => setTimeout(resolve, 200));
}

/** A store whose run lock is always granted: only the per-recipient keys stand between replicas. */
function withoutLocks(store: Store): Store {
  return {
    ...store,
    acquireLease: async () => ({ renew: async () => true, release: async () => {} }),
  };
}

function expectOncePerResident(log: Sent[]) {
  const dms = log.filter((s) => s.to.endsWith('@example.edu'));
  const counts = countBy(dms);
  expect(Object.keys(counts)).toHaveLength(12);
  expect(Object.values(counts).every((n) => n === 1)).toBe(true);
}

describe('exactly once across replicas on one Redis', () => {
  it('three schedulers on the same tick: one announcement (each part once) and one DM per resident', async () => {
    const keys = prefix();
    const log: Sent[] = [];
    const replicas = await Promise.all(
      [1, 2, 3].map(async () => replica(createRedisStore(client(), keys), log)),
    );
    // Everyone ticks at once, again and again, as three replicas' cron jobs and retry timers would.
    for (let round = 0; round < 3; round++) await Promise.all(replicas.map((r) => r.catchUp()));
    expectOncePerResident(log);
    expect(log.filter((s) => s.to === 'C-ANNOUNCE')).toHaveLength(0); // the 25th is outside the window
    await Promise.all(replicas.map((r) => r.runAnnouncement('2026-12')));
    await Promise.all(replicas.map((r) => r.runAnnouncement('2026-12')));
    expect(log.filter((s) => s.to === 'C-ANNOUNCE')).toHaveLength(1);
  });

  it('even with no lock at all, the per-recipient keys let each DM out once', async () => {
    const keys = prefix();
    const log: Sent[] = [];
    const replicas = await Promise.all(
      [1, 2, 3].map(async () => replica(withoutLocks(createRedisStore(client(), keys)), log)),
    );
    const reports = await Promise.all(replicas.map((r) => r.runReminders('2026-11-30')));
    expect(reports.reduce((sum, r) => sum + r.sent, 0)).toBe(12);
    expectOncePerResident(log);
  });

  it('a run whose messenger fails after k sends is completed by a restart, without duplicates', async () => {
    const keys = prefix();
    const log: Sent[] = [];
    const first = await replica(createRedisStore(client(), keys), log, { failAfter: 4 });
    expect(await first.runReminders('2026-11-30')).toMatchObject({ status: 'incomplete', sent: 4 });
    await first.stop();
    const restarted = await replica(createRedisStore(client(), keys), log);
    expect(await restarted.catchUp()).toMatchObject([{ status: 'done', sent: 8 }]);
    expectOncePerResident(log);
  });

  it('a replica killed mid-send: another looks in the conversation and sends the lost one once', async () => {
    const keys = prefix();
    const log: Sent[] = [];
    await killMidSend(keys, log);
    let now = MONDAY_8AM;
    const other = await replica(createRedisStore(client(), keys), log, {}, {}, () => now);
    // The sixth key is 'sending' and young: a reply may still land, so the run stays open.
    expect(await other.runReminders('2026-11-30')).toMatchObject({ status: 'incomplete', sent: 6 });
    now = new Date(MONDAY_8AM.getTime() + 60_000);
    expect(await other.runReminders('2026-11-30')).toMatchObject({ status: 'done', sent: 1, problems: [] });
    expectOncePerResident(log);
  });

  it('with no history to read (Teams), at-most-once: the interrupted send is not repeated, and reported', async () => {
    const keys = prefix();
    const log: Sent[] = [];
    await killMidSend(keys, log, { readsHistory: false });
    const later = () => new Date(MONDAY_8AM.getTime() + 60_000);
    const other = await replica(createRedisStore(client(), keys), log, { readsHistory: false }, {}, later);
    const done = await other.runReminders('2026-11-30');
    expect(done.status).toBe('done');
    expect(done.problems).toEqual([
      expect.objectContaining({
        state: 'uncertain',
        reason: expect.stringContaining('ONCE_POLICY=at-most-once'),
      }),
    ]);
    expect(Object.values(countBy(log))).toEqual(Array(11).fill(1));
  });

  it('with no history to read, at-least-once (ONCE_POLICY): it is sent again and reported as maybe twice', async () => {
    const keys = prefix();
    const log: Sent[] = [];
    await killMidSend(keys, log, { readsHistory: false });
    const later = new Date(MONDAY_8AM.getTime() + 60_000);
    const knowledge = await shippedKnowledge();
    const runtime = testRuntime({
      store: createRedisStore(client(), keys),
      knowledge,
      schedule: scheduleOf(decemberResidents(12)),
      now: () => later,
      env: { ONCE_POLICY: 'at-least-once' },
    });
    const other = createScheduler(runtime, [fakeMessenger({ log, readsHistory: false })], {
      clock: () => later,
    });
    const done = await other.runReminders('2026-11-30');
    expect(done).toMatchObject({ status: 'done', sent: 7 });
    expect(done.problems).toEqual([
      expect.objectContaining({
        state: 'uncertain',
        reason: expect.stringContaining('may have arrived twice'),
      }),
    ]);
    expectOncePerResident(log);
  });

  it('Redis down at the tick: no crash, and the run happens once when it is back', async () => {
    const keys = prefix();
    const log: Sent[] = [];
    const redis = client({ enableOfflineQueue: false });
    await redis.connect();
    const scheduler = await replica(createRedisStore(redis, keys), log);
    redis.disconnect();
    const whileDown = await scheduler.catchUp();
    expect(whileDown.map((r) => r.status)).toEqual(['store-unavailable']);
    expect(log).toHaveLength(0);
    await reconnect(redis);
    expect((await scheduler.catchUp()).map((r) => r.status)).toEqual(['done']);
    expect((await scheduler.catchUp()).map((r) => r.status)).toEqual([]);
    expectOncePerResident(log);
  });

  it('Redis going away mid-run: the sends already made are not repeated', async () => {
    const keys = prefix();
    const log: Sent[] = [];
    const redis = client({ enableOfflineQueue: false });
    await redis.connect();
    const store = createRedisStore(redis, keys);
    // The store fails right after the fourth post, before its 'done' is written.
    let posts = 0;
    const flaky: Store = {
      ...store,
      set: async (key, value, ttl) => {
        if (value === 'done' && ++posts === 4) redis.disconnect();
        return store.set(key, value, ttl);
      },
    };
    const scheduler = await replica(flaky, log);
    expect((await scheduler.runReminders('2026-11-30')).status).toBe('store-unavailable');
    await reconnect(redis);
    expect(await scheduler.runReminders('2026-11-30')).toMatchObject({ status: 'done', problems: [] });
    expectOncePerResident(log);
  });

  it('a store on a closed port: every tick fails softly', async () => {
    const dead = client({ port: 1, enableOfflineQueue: false });
    const scheduler = await replica(createRedisStore(dead, prefix()), []);
    const reports = await scheduler.catchUp();
    expect(reports.map((r) => r.status)).toEqual(['store-unavailable']);
  });
});
