import { createTask } from 'node-cron';
import { describe, expect, it } from 'vitest';
import { CronScheduleError, createCronTimes } from '../../src/reminders/cron-time.js';

const NY = 'America/New_York';

function nextRuns(expression: string, from: string, count: number): string[] {
  const times = createCronTimes(expression, NY);
  const runs: string[] = [];
  let t = new Date(from);
  for (let i = 0; i < count; i++) {
    t = times.next(t)!;
    runs.push(t.toISOString());
  }
  return runs;
}

describe('cron times in the program zone, from an injected instant', () => {
  it('keeps 08:00 local across the end of DST (1 November 2026)', () => {
    expect(nextRuns('0 8 * * 1-5', '2026-10-29T00:00:00Z', 4)).toEqual([
      '2026-10-29T12:00:00.000Z', // Thu, EDT (−4)
      '2026-10-30T12:00:00.000Z', // Fri
      '2026-11-02T13:00:00.000Z', // Mon, EST (−5)
      '2026-11-03T13:00:00.000Z',
    ]);
  });

  it('keeps 08:00 local across the start of DST (14 March 2027)', () => {
    expect(nextRuns('0 8 * * 1-5', '2027-03-11T00:00:00Z', 4)).toEqual([
      '2027-03-11T13:00:00.000Z', // Thu, EST
      '2027-03-12T13:00:00.000Z', // Fri
      '2027-03-15T12:00:00.000Z', // Mon, EDT
      '2027-03-16T12:00:00.000Z',
    ]);
  });

  it('puts the announcement on the 25th at 09:00 local in every season', () => {
    expect(nextRuns('0 9 25 * *', '2026-10-01T00:00:00Z', 6)).toEqual([
      '2026-10-25T13:00:00.000Z',
      '2026-11-25T14:00:00.000Z',
      '2026-12-25T14:00:00.000Z',
      '2027-01-25T14:00:00.000Z',
      '2027-02-25T14:00:00.000Z',
      '2027-03-25T13:00:00.000Z',
    ]);
  });

  it('finds the previous run, inclusive, for catch-up', () => {
    const times = createCronTimes('0 8 * * 1-5', NY);
    expect(times.previous(new Date('2026-11-02T13:00:00Z'))?.toISOString()).toBe('2026-11-02T13:00:00.000Z');
    expect(times.previous(new Date('2026-11-02T12:59:59Z'))?.toISOString()).toBe('2026-10-30T12:00:00.000Z');
    expect(times.localDateOf(new Date('2026-11-02T13:00:00Z'))).toBe('2026-11-02');
  });

  it("agrees with node-cron's own next-run API", () => {
    for (const expression of ['0 8 * * 1-5', '0 9 25 * *', '30 7 L * *', '0 10 * * MON#1', '15 18 */2 * *']) {
      const task = createTask(expression, () => {}, { timezone: NY });
      const theirs = task.getNextRuns(5).map((d) => d.toISOString());
      const ours = nextRuns(expression, new Date(Date.now()).toISOString(), 5);
      expect(ours).toEqual(theirs);
    }
  });

  it('refuses any job in the 01:00–03:00 window, naming the variable', () => {
    for (const expression of ['0 2 * * *', '30 1 25 * *', '0 * * * *', '0 0-4 * * 1']) {
      expect(() => createCronTimes(expression, NY, 'REMIND_CRON')).toThrow(CronScheduleError);
      expect(() => createCronTimes(expression, NY, 'REMIND_CRON')).toThrow(/^REMIND_CRON ".*01:00–03:00/);
    }
    expect(() => createCronTimes('0 3 * * *', NY, 'REMIND_CRON')).not.toThrow();
    expect(() => createCronTimes('59 0 * * *', NY, 'REMIND_CRON')).not.toThrow();
  });

  it('refuses an invalid expression, naming the variable', () => {
    expect(() => createCronTimes('0 25 * * *', NY, 'ANNOUNCE_CRON')).toThrow(
      /^ANNOUNCE_CRON "0 25 \* \* \*" is not a valid/,
    );
  });
});
