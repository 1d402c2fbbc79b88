import { describe, expect, it } from 'vitest';
import { warmMonths } from '../../src/schedule/index.js';
import type { Schedule } from '../../src/schedule/types.js';

/** A schedule that records which months' groups were asked for. */
function recording(first: string, last: string): { schedule: Schedule; asked: string[] } {
  const asked: string[] = [];
  const schedule = {
    coverage: { first, last },
    groupsInMonth: (month: string) => {
      asked.push(month);
      return [];
    },
  } as unknown as Schedule;
  return { schedule, asked };
}

describe('warming a schedule’s month indexes', () => {
  it('builds every month it covers, across the year end, one per turn of the event loop', async () => {
    const { schedule, asked } = recording('2026-11-15', '2027-02-03');
    const done = warmMonths(schedule);
    // Nothing yet: the load that starts the warm-up returns first, and questions come between months.
    expect(asked).toEqual([]);
    await new Promise((r) => setImmediate(r));
    expect(asked).toEqual(['2026-11']);
    await done;
    expect(asked).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });

  it('stops when the schedule is replaced or the source closes', async () => {
    const { schedule, asked } = recording('2026-07-01', '2027-06-30');
    let still = true;
    const done = warmMonths(schedule, () => still);
    await new Promise((r) => setImmediate(r));
    still = false;
    await done;
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.length).toBeLessThan(12);
  });

  it('does nothing for an empty schedule', async () => {
    const schedule = { coverage: null, groupsInMonth: () => [] } as unknown as Schedule;
    await expect(warmMonths(schedule)).resolves.toBeUndefined();
  });
});
