import { describe, expect, it } from 'vitest';
import type { Messenger } from '../../src/reminders/messenger.js';
import { createScheduler } from '../../src/reminders/scheduler.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import {
  block,
  countBy,
  decemberResidents,
  fakeMessenger,
  resident,
  type Sent,
  scheduleOf,
  shippedKnowledge,
  testRuntime,
} from './fixtures.js';

const MONDAY_8AM = new Date('2026-11-30T13:00:00Z'); // 08:00 in New York

async function setup(env: Record<string, string> = {}, now = () => MONDAY_8AM) {
  const knowledge = await shippedKnowledge();
  const residents = decemberResidents();
  const store = createMemoryStore(() => now().getTime());
  const runtime = testRuntime({ store, knowledge, schedule: scheduleOf(residents), env, now });
  return { runtime, residents, store, knowledge };
}

describe('scheduler (memory store)', () => {
  it('sends each due reminder once, on every platform, and nothing the second time', async () => {
    const { runtime, residents } = await setup();
    const log: Sent[] = [];
    const messengers = [fakeMessenger({ log }), fakeMessenger({ platform: 'teams', log })];
    const scheduler = createScheduler(runtime, messengers);
    const first = await scheduler.runReminders('2026-11-30');
    expect(first).toMatchObject({ status: 'done', sent: 12, total: 12 });
    const second = await scheduler.runReminders('2026-11-30');
    expect(second.status).toBe('already-done');
    const counts = countBy(log);
    for (const r of residents.slice(0, 6)) expect(counts[r.email]).toBe(2);
    expect(counts['stay.same@example.edu']).toBeUndefined();
    const toA = log.find((s) => s.to === residents[0]!.email)!.post.text;
    expect(toA).toContain('tomorrow, Tuesday, December 1, 2026');
    expect(toA).toContain('approximately 700');
  });

  it('announces next month once, per part, to the configured channels', async () => {
    const { runtime } = await setup({ ANNOUNCE_TEAMS_CONVERSATION: '19:team-thread' });
    const log: Sent[] = [];
    const scheduler = createScheduler(runtime, [
      fakeMessenger({ log }),
      fakeMessenger({ platform: 'teams', log }),
    ]);
    expect((await scheduler.runAnnouncement('2026-12')).status).toBe('done');
    expect((await scheduler.runAnnouncement('2026-12')).status).toBe('already-done');
    expect(log.map((s) => `${s.platform}:${s.to}`)).toEqual(['slack:C-ANNOUNCE', 'teams:19:team-thread']);
    expect(log[0]!.post.text).toContain('December 2026');
    expect(log[0]!.post.items?.join('\n')).toContain('ResidentAa Test (R4)');
    expect(JSON.stringify(log)).not.toContain('@example.edu');
  });

  it('posts nothing for a month the schedule does not cover, and tells the coordinator once', async () => {
    const { runtime } = await setup({ COORDINATOR_SLACK_CHANNEL: 'C-COORD' });
    const messenger = fakeMessenger();
    const scheduler = createScheduler(runtime, [messenger]);
    expect((await scheduler.runAnnouncement('2027-05')).status).toBe('incomplete');
    await scheduler.runAnnouncement('2027-05');
    expect(messenger.sent.map((s) => s.to)).toEqual(['C-COORD']);
    expect(messenger.sent[0]!.post.text).toContain('May 2027');
  });

  it('records an unreachable resident once, reports them once, and does not retry', async () => {
    const { runtime, residents } = await setup({ COORDINATOR_SLACK_CHANNEL: 'C-COORD' });
    const unreachable = residents[1]!.email;
    const messenger = fakeMessenger({ unreachable: [unreachable] });
    const scheduler = createScheduler(runtime, [messenger]);
    const report = await scheduler.runReminders('2026-11-30');
    expect(report.status).toBe('done');
    expect(report.problems).toEqual([
      { label: residents[1]!.name, platform: 'slack', state: 'unreachable', reason: 'users_not_found' },
    ]);
    await scheduler.runReminders('2026-11-30');
    const coordinator = messenger.sent.filter((s) => s.to === 'C-COORD');
    expect(coordinator).toHaveLength(1);
    expect(coordinator[0]!.post.text).toContain(residents[1]!.name);
    expect(coordinator[0]!.post.text).not.toContain('@');
  });

  it('does not report a resident reached on another platform', async () => {
    const { runtime, residents } = await setup({ COORDINATOR_SLACK_CHANNEL: 'C-COORD' });
    const slack = fakeMessenger();
    const teams = fakeMessenger({ platform: 'teams', unreachable: residents.map((r) => r.email) });
    const report = await createScheduler(runtime, [slack, teams]).runReminders('2026-11-30');
    expect(report).toMatchObject({ status: 'done', problems: [] });
    expect(slack.sent.filter((s) => s.to === 'C-COORD')).toHaveLength(0);
  });

  it('retries a failed send on the next run, and gives up after maxAttempts', async () => {
    const { runtime } = await setup();
    const failing = fakeMessenger({ failAfter: 2 });
    const scheduler = createScheduler(runtime, [failing], { runner: { maxAttempts: 3 } });
    const first = await scheduler.runReminders('2026-11-30');
    expect(first).toMatchObject({ status: 'incomplete', sent: 2, finished: 2 });
    await scheduler.runReminders('2026-11-30');
    const last = await scheduler.runReminders('2026-11-30');
    expect(last.status).toBe('done');
    expect(last.problems.map((p) => p.state)).toEqual(['failed', 'failed', 'failed', 'failed']);
    expect(countBy(failing.sent)).toEqual(Object.fromEntries(failing.sent.map((s) => [s.to, 1])));
  });

  it('catches up a missed run within the window, and not beyond it', async () => {
    let now = new Date('2026-11-30T20:00:00Z'); // 15:00, seven hours after the 08:00 reminders
    const { runtime } = await setup({}, () => now);
    const messenger = fakeMessenger();
    const scheduler = createScheduler(runtime, [messenger], { clock: () => now });
    const reports = await scheduler.catchUp();
    // The 25th's announcement is five days old: outside the 24-hour window.
    expect(reports.map((r) => [r.job, r.period, r.status])).toEqual([['remind', '2026-11-30', 'done']]);
    expect(messenger.sent).toHaveLength(6);
    // Tuesday 1 Dec 09:00: yesterday's run is done, today's has nobody due.
    now = new Date('2026-12-01T14:00:00Z');
    expect((await scheduler.catchUp()).map((r) => [r.period, r.sent])).toEqual([['2026-12-01', 0]]);
    expect(messenger.sent).toHaveLength(6);
  });

  it('a reminder caught up the next morning says "today"', async () => {
    const now = new Date('2026-12-01T12:30:00Z'); // 07:30 Tuesday: Monday's 08:00 run was missed
    const { runtime } = await setup({}, () => now);
    const messenger = fakeMessenger();
    await createScheduler(runtime, [messenger], { clock: () => now }).catchUp();
    expect(messenger.sent).toHaveLength(6);
    expect(messenger.sent[0]!.post.text).toContain('a reminder: today, Tuesday, December 1, 2026, you start');
  });

  it('does not catch up a run older than REMIND_CATCH_UP_HOURS', async () => {
    const now = new Date('2026-12-01T14:00:00Z'); // 25 hours after Monday's 08:00 run
    const { runtime } = await setup({ REMIND_CATCH_UP_HOURS: '24', REMIND_CRON: '0 8 * * 1' }, () => now);
    const messenger = fakeMessenger();
    const reports = await createScheduler(runtime, [messenger], { clock: () => now }).catchUp();
    expect(reports).toEqual([]);
    expect(messenger.sent).toHaveLength(0);
  });

  it('catches up the announcement of the 25th on a late start', async () => {
    const now = new Date('2026-11-26T08:00:00Z'); // 03:00 on the 26th: 18 hours late
    const { runtime } = await setup({}, () => now);
    const messenger = fakeMessenger();
    const reports = await createScheduler(runtime, [messenger], { clock: () => now }).catchUp();
    expect(reports.map((r) => [r.job, r.period, r.status, r.sent])).toEqual([
      ['announce', '2026-12', 'done', 1],
      ['remind', '2026-11-25', 'done', 0], // Wednesday's reminders: nobody was due
    ]);
    expect(messenger.sent.map((s) => s.to)).toEqual(['C-ANNOUNCE']);
  });

  it('refuses a job in the 01:00–03:00 window at start, naming the variable', async () => {
    const { runtime } = await setup({ REMIND_CRON: '30 2 * * 1-5' });
    await expect(createScheduler(runtime, [fakeMessenger()]).start()).rejects.toThrow(
      /REMIND_CRON "30 2 \* \* 1-5".*01:00–03:00/,
    );
    const other = await setup({ ANNOUNCE_CRON: '0 1 25 * *' });
    await expect(createScheduler(other.runtime, [fakeMessenger()]).start()).rejects.toThrow(/ANNOUNCE_CRON/);
  });

  it('starts and catches up at once', async () => {
    const now = new Date('2026-11-30T13:00:05Z');
    const { runtime } = await setup({}, () => now);
    const messenger = fakeMessenger();
    const scheduler = createScheduler(runtime, [messenger], { clock: () => now });
    await scheduler.start();
    await scheduler.catchUp(); // joins the catch-up start() began
    await scheduler.stop();
    expect(messenger.sent).toHaveLength(6);
  });

  it('stop() waits for the send in flight and starts no other', async () => {
    const { runtime } = await setup();
    let open!: () => void;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const messenger = fakeMessenger();
    const slow: Messenger = {
      ...messenger,
      prepare: async (...args) => {
        const prepared = await messenger.prepare(...args);
        return {
          post: async () => {
            await gate;
            await prepared.post();
          },
        };
      },
    };
    const scheduler = createScheduler(runtime, [slow]);
    const run = scheduler.runReminders('2026-11-30');
    await new Promise((resolve) => setTimeout(resolve, 5));
    let stopped = false;
    const stopping = scheduler.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(stopped).toBe(false);
    open();
    await stopping;
    expect((await run).status).toBe('stopped');
    expect(messenger.sent).toHaveLength(1);
  });

  it('keeps a split-month resident in the announcement with their dates', async () => {
    const knowledge = await shippedKnowledge();
    const split = resident('Split Month', 'R5', [
      block('IR', '2026-12-01', '2026-12-14', { rotationId: 'ir-duke' }),
      block('IR-VA', '2026-12-15', '2026-12-31', { rotationId: 'ir-va' }),
    ]);
    const runtime = testRuntime({ store: createMemoryStore(), knowledge, schedule: scheduleOf([split]) });
    const messenger = fakeMessenger();
    await createScheduler(runtime, [messenger]).runAnnouncement('2026-12');
    expect(messenger.sent[0]!.post.items).toEqual([
      'Interventional Radiology at Duke University Medical Center: Split Month (R5, until Dec 14)',
      'Interventional Radiology at the Durham VA: Split Month (R5, from Dec 15)',
    ]);
  });
});
