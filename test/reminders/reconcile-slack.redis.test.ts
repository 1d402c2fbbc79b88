import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackMessenger } from '../../adapters/slack/messenger.js';
import { buildAnnouncement } from '../../src/reminders/content.js';
import type { RunReport } from '../../src/reminders/runner.js';
import { createScheduler } from '../../src/reminders/scheduler.js';
import { createRedisStore } from '../../src/store/redis-store.js';
import type { Store } from '../../src/store/store.js';
import { deleteKeysUnder, testKeyPrefix } from '../support/redis-keys.js';
import { type FakeSlack, type Fault, startFakeSlack } from './fake-slack.js';
import { decemberResidents, scheduleOf, shippedKnowledge, testRuntime } from './fixtures.js';

/**
 * The real Slack messenger and runner against real Redis and a local Slack that loses replies:
 * every case ends with exactly one post per recipient and run, nobody missed.
 */

const RESIDENTS = 12;
const clients: Redis[] = [];
const prefixes: string[] = [];
let slack: FakeSlack;
beforeEach(async () => {
  slack = await startFakeSlack();
});
afterEach(() => slack.close());
afterAll(async () => {
  await Promise.all(clients.map((c) => c.quit().catch(() => c.disconnect())));
  for (const prefix of prefixes) await deleteKeysUnder(prefix);
});

function keys(): string {
  const prefix = testKeyPrefix('reconcile');
  prefixes.push(prefix);
  return prefix;
}

function redisClient(): Redis {
  const c = new Redis({
    host: '127.0.0.1',
    port: 6379,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    lazyConnect: true,
  });
  c.on('error', () => {});
  clients.push(c);
  return c;
}

/** One replica: its own Redis connection, Slack clients and scheduler, with short timings. */
async function replica(
  prefix: string,
  options: { env?: Record<string, string>; wrap?: (s: Store) => Store } = {},
) {
  const redis = redisClient();
  await redis.connect();
  const store = (options.wrap ?? ((s) => s))(createRedisStore(redis, prefix));
  const runtime = testRuntime({
    store,
    knowledge: await shippedKnowledge(),
    schedule: scheduleOf(decemberResidents(RESIDENTS)),
    env: {
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 'secret',
      SLACK_API_URL: slack.url,
      COORDINATOR_SLACK_CHANNEL: 'C-COORD',
      ...options.env,
    },
    now: () => new Date(),
  });
  const messenger = createSlackMessenger(runtime, { timeoutMs: 300, spacingMs: 0 });
  const scheduler = createScheduler(runtime, [messenger], {
    clock: () => new Date(),
    runner: { inFlightGraceMs: 400, lockTtlMs: 1_000 },
  });
  return { scheduler, redis, runtime };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs again and again, as the retry timer would, until the run is done. */
async function untilDone(run: () => Promise<RunReport>): Promise<RunReport> {
  for (let i = 0; i < 100; i++) {
    const report = await run();
    if (report.status === 'done' || report.status === 'already-done') return report;
    await pause(100);
  }
  throw new Error('the run never finished');
}

function expectOneDmEach() {
  const counts: Record<string, number> = {};
  for (const m of slack.messages.filter((m) => m.channel.startsWith('D')))
    counts[m.channel] = (counts[m.channel] ?? 0) + 1;
  expect(Object.keys(counts)).toHaveLength(RESIDENTS);
  expect(Object.values(counts)).toEqual(Array(RESIDENTS).fill(1));
}

async function expectEachPartOnce() {
  const parts = buildAnnouncement(
    await shippedKnowledge(),
    scheduleOf(decemberResidents(RESIDENTS)),
    '2026-12',
  );
  expect(slack.postsTo('C-ANNOUNCE').map((m) => m.text.split('\n')[0])).toEqual(parts.map((p) => p.text));
}

const postFaults: Fault[] = ['record-then-500', 'record-then-slow', 'record-then-reset', 'reset', '500'];

describe('Slack: a post whose reply is lost is looked up, not re-sent blindly (real Redis)', () => {
  it.each(postFaults)('reminders with a %s on a post: one DM per resident', async (fault) => {
    slack.fault('chat.postMessage', fault, { nth: 3 });
    const { scheduler } = await replica(keys());
    const report = await untilDone(() => scheduler.runReminders('2026-11-30'));
    expect(report.problems).toEqual([]);
    expectOneDmEach();
    // The client itself never re-sent: one call per DM, plus one more only where nothing had arrived.
    const posts = slack.calls.filter((c) => c.method === 'chat.postMessage').length;
    expect(posts).toBe(fault === 'reset' || fault === '500' ? RESIDENTS + 1 : RESIDENTS);
    // Every post is tagged with its run, and the recipient is not readable in the tag.
    for (const m of slack.messages) {
      expect(m.metadata).toMatchObject({
        event_type: 'rotabot_scheduled_post',
        event_payload: { run: 'remind:2026-11-30' },
      });
      expect(JSON.stringify(m.metadata)).not.toContain('@');
    }
  });

  it.each(postFaults)('the announcement with a %s on its post: posted once', async (fault) => {
    slack.fault('chat.postMessage', fault, { channel: 'C-ANNOUNCE' });
    const { scheduler } = await replica(keys());
    await untilDone(() => scheduler.runAnnouncement('2026-12'));
    await expectEachPartOnce();
  });

  it('three replicas racing while replies are lost: still one DM each and one announcement', async () => {
    const prefix = keys();
    slack.fault('chat.postMessage', 'record-then-500', { nth: 2 });
    slack.fault('chat.postMessage', 'record-then-slow', { nth: 4 });
    slack.fault('chat.postMessage', 'record-then-reset', { nth: 6 });
    slack.fault('chat.postMessage', 'reset', { nth: 8 });
    slack.fault('chat.postMessage', 'record-then-500', { channel: 'C-ANNOUNCE' });
    const replicas = await Promise.all([1, 2, 3].map(() => replica(prefix)));
    await Promise.all(
      replicas.map(async ({ scheduler }) => {
        await untilDone(() => scheduler.runReminders('2026-11-30'));
        await untilDone(() => scheduler.runAnnouncement('2026-12'));
      }),
    );
    expectOneDmEach();
    await expectEachPartOnce();
    expect(slack.postsTo('C-COORD')).toEqual([]);
  });

  it('Redis down while reconciling: resumed when it is back, still once', async () => {
    const prefix = keys();
    slack.fault('chat.postMessage', 'record-then-500', { nth: 1 });
    let historyRead = false;
    slack.onCue((method, phase) => {
      if (method === 'conversations.history' && phase === 'replied') historyRead = true;
    });
    let cut = false;
    const { scheduler, redis } = await replica(prefix, {
      wrap: (store) => ({
        ...store,
        // Right after the history was read, before its verdict is written, Redis goes away.
        replace: async (...args) => {
          if (historyRead && !cut) {
            cut = true;
            redis.disconnect();
          }
          return store.replace(...args);
        },
      }),
    });
    const statuses: string[] = [];
    for (let i = 0; i < 50 && !cut; i++) {
      statuses.push((await scheduler.runReminders('2026-11-30')).status);
      await pause(100);
    }
    expect(cut).toBe(true);
    expect(statuses.at(-1)).toBe('store-unavailable');
    await redis.connect();
    await untilDone(() => scheduler.runReminders('2026-11-30'));
    expectOneDmEach();
  });

  it('history unreadable (missing_scope): the fallback policy applies and says so, once', async () => {
    slack.fault('chat.postMessage', 'record-then-500', { nth: 1 });
    slack.fault('conversations.history', { error: 'missing_scope' });
    const { scheduler } = await replica(keys());
    const report = await untilDone(() => scheduler.runReminders('2026-11-30'));
    expect(report.problems).toEqual([
      expect.objectContaining({
        state: 'uncertain',
        reason: expect.stringMatching(
          /history could not be read \(missing_scope\).*ONCE_POLICY=at-most-once/,
        ),
      }),
    ]);
    expectOneDmEach(); // the lost reply's post had arrived: at-most-once did not repeat it
    await untilDone(() => scheduler.runReminders('2026-11-30'));
    const told = slack.postsTo('C-COORD');
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toContain('ONCE_POLICY=at-most-once');
  });

  it('the coordinator report is itself exactly once when its reply is lost', async () => {
    slack.unknownEmails.add(decemberResidents(RESIDENTS)[0]!.email);
    slack.fault('chat.postMessage', 'record-then-500', { channel: 'C-COORD' });
    const { scheduler } = await replica(keys());
    const report = await untilDone(() => scheduler.runReminders('2026-11-30'));
    expect(report.problems).toEqual([expect.objectContaining({ state: 'unreachable' })]);
    const told = slack.postsTo('C-COORD');
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toContain(decemberResidents(RESIDENTS)[0]!.name);
    expect(told[0]!.metadata?.event_payload.run).toBe('report:remind:2026-11-30');
  });
});
