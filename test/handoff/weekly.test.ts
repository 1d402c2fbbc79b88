import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createHandoffService } from '../../src/handoff/service.js';
import { createWeeklyReport, weekOf } from '../../src/handoff/weekly.js';
import { createRedisStore } from '../../src/store/redis-store.js';
import type { Store } from '../../src/store/store.js';
import {
  fakeMessenger,
  type Sent,
  scheduleOf,
  shippedKnowledge,
  testRuntime,
} from '../reminders/fixtures.js';
import { deleteKeysUnder, testKeyPrefix } from '../support/redis-keys.js';
import { fakeDesk } from './fake-desk.js';

const PREFIX = testKeyPrefix('handoff-weekly');
const clients: Redis[] = [];
function redisStore(): Store {
  const client = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
  clients.push(client);
  return createRedisStore(client, PREFIX);
}

afterAll(async () => {
  await Promise.all(clients.map((c) => c.quit()));
  await deleteKeysUnder(PREFIX);
});

const MONDAY_9AM = new Date('2026-11-30T14:00:00Z');

describe('the weekly report to the coordinators', () => {
  it('weeks start on Monday', () => {
    expect(weekOf('2026-11-30')).toBe('2026-11-30');
    expect(weekOf('2026-12-06')).toBe('2026-11-30');
    expect(weekOf('2026-12-07')).toBe('2026-12-07');
  });

  it('goes out once per week across two replicas and a restart, with the hand-offs and votes', async () => {
    const knowledge = await shippedKnowledge();
    const log: Sent[] = [];
    let now = MONDAY_9AM;
    const replica = () => {
      const runtime = testRuntime({
        store: redisStore(),
        knowledge,
        schedule: scheduleOf([]),
        env: { HANDOFF_SLACK_CHANNEL: 'C0COORD', HANDOFF_REPORT_CRON: '0 9 * * 1' },
        now: () => now,
      });
      return { runtime, weekly: createWeeklyReport(runtime, [fakeMessenger({ log })]) };
    };
    const a = replica();
    // Something to report: a hand-off and a Not helpful vote.
    const service = createHandoffService(a.runtime);
    service.register(fakeDesk().desk);
    const id = (await service.keep({
      question: 'Is there parking at the VA?',
      answer: { intent: 'fallback', text: "I don't know.", factIds: [], unanswered: true },
      asker: { email: 'ana@duke.edu' },
      platform: 'slack',
      place: { channel: 'D1' },
      where: 'a Slack direct message',
    }))!;
    await service.vote(id, 'ana@duke.edu', 'down');
    await service.ask(id, 'ana@duke.edu');

    const b = replica();
    await Promise.all([a.weekly.runWeek(), b.weekly.runWeek()]);
    await a.weekly.runWeek();
    expect(log).toHaveLength(1);
    expect(log[0]!.to).toBe('C0COORD');
    const text = log[0]!.post.text;
    expect(text).toContain("rotabot's week (from 2026-11-30)");
    expect(text).toContain('Hand-offs to coordinators (1, 1 open; kept 90 days)');
    expect(text).toContain('"Is there parking at the VA?"');
    expect(text).toContain('answers of kind fallback: 1');
    expect(text).not.toContain('ana@duke.edu');

    // A restart later that week: nothing new. The next week: the next report.
    now = new Date('2026-12-03T14:00:00Z');
    await replica().weekly.runWeek();
    expect(log).toHaveLength(1);
    now = new Date('2026-12-07T14:00:00Z');
    await replica().weekly.runWeek();
    expect(log).toHaveLength(2);
    await Promise.all([a.weekly.stop(), b.weekly.stop()]);
  });
});
