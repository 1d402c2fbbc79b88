import { describe, expect, it } from 'vitest';
import {
  changeDatesRemindedOn,
  isChange,
  nextReminderFor,
  reminderDateFor,
  remindersDueOn,
} from '../../src/reminders/due.js';
import { block, resident, scheduleOf } from './fixtures.js';

describe('reminderDateFor', () => {
  it('goes back over the weekend for a Monday change', () => {
    expect(reminderDateFor('2026-12-01', 1)).toBe('2026-11-30'); // Tue → Mon
    expect(reminderDateFor('2027-02-01', 1)).toBe('2027-01-29'); // Mon → Fri
    expect(reminderDateFor('2026-12-02', 1)).toBe('2026-12-01'); // Wed → Tue
  });
  it('puts a weekend change on the Friday before', () => {
    expect(reminderDateFor('2026-08-01', 1)).toBe('2026-07-31'); // Sat → Fri
    expect(reminderDateFor('2026-11-01', 1)).toBe('2026-10-30'); // Sun → Fri
    expect(reminderDateFor('2026-11-01', 0)).toBe('2026-10-30');
  });
  it('counts weekdays, not days, for longer leads', () => {
    expect(reminderDateFor('2027-02-01', 3)).toBe('2027-01-27'); // Mon → Wed before
    expect(reminderDateFor('2027-02-01', 5)).toBe('2027-01-25'); // Mon → Mon before
    expect(reminderDateFor('2027-02-03', 0)).toBe('2027-02-03');
  });
  it('is the inverse of changeDatesRemindedOn', () => {
    for (const lead of [0, 1, 2, 5, 10]) {
      for (let d = 1; d <= 28; d++) {
        const date = `2027-03-${String(d).padStart(2, '0')}`;
        for (const change of changeDatesRemindedOn(date, lead))
          expect(reminderDateFor(change, lead)).toBe(date);
      }
      // every change date in a range is found from its reminder date
      for (let d = 5; d <= 28; d++) {
        const change = `2027-04-${String(d).padStart(2, '0')}`;
        expect(changeDatesRemindedOn(reminderDateFor(change, lead), lead)).toContain(change);
      }
    }
  });
  it('has no reminders on weekends', () => {
    expect(changeDatesRemindedOn('2026-11-28', 1)).toEqual([]);
    expect(changeDatesRemindedOn('2026-11-27', 1)).toEqual(['2026-11-28', '2026-11-29', '2026-11-30']);
  });
});

describe('changes', () => {
  const ana = resident('Ana Diaz', 'R4', [
    block('IR', '2026-07-01', '2026-07-31'),
    block('IR', '2026-08-01', '2026-08-31'), // same rotation continues: not a change
    block('ICU', '2026-09-01', '2026-09-30'),
    block('ICU', '2026-11-01', '2026-11-30'), // after a gap: a change
    block('IR', '2026-12-01', '2026-12-31', { site: 'durham-va' }),
    block('IR', '2027-01-01', '2027-01-31'), // same rotation, other site: a change
  ]);
  it('recognises first blocks, gaps, other rotations and other sites', () => {
    expect(ana.blocks.map((b) => isChange(ana, b))).toEqual([true, false, true, true, true, true]);
  });
  it('finds the next reminder, skipping continuations', () => {
    expect(nextReminderFor(ana, '2026-07-15', { leadWeekdays: 1 })).toEqual({
      date: '2026-08-31',
      block: ana.blocks[2],
    });
    // on the reminder day itself the reminder is still the next one
    expect(nextReminderFor(ana, '2026-08-31', { leadWeekdays: 1 })?.block.label).toBe('ICU');
    expect(nextReminderFor(ana, '2026-09-01', { leadWeekdays: 1 })?.block.start).toBe('2026-11-01');
    // Sunday 1 Nov: the reminder was Friday 30 Oct
    expect(nextReminderFor(ana, '2026-10-30', { leadWeekdays: 1 })?.date).toBe('2026-10-30');
    expect(nextReminderFor(ana, '2026-10-31', { leadWeekdays: 1 })?.block.start).toBe('2026-12-01');
    expect(nextReminderFor(ana, '2027-01-01', { leadWeekdays: 1 })).toBeNull();
  });
  it('lists everyone due on a day, once each', () => {
    const ben = resident('Ben Okafor', 'R5', [
      block('DR-Body', '2026-11-01', '2026-11-30'),
      block('IR', '2026-11-30', '2026-12-31'), // malformed overlap is ignored by the day match below
    ]);
    const cy = resident('Cy Park', 'R4', [
      block('IR', '2026-10-01', '2026-11-30'),
      block('IR', '2026-12-01', '2026-12-31'),
    ]);
    const dee = resident('Dee Lin', 'R5', [block('Research', '2026-11-30', '2026-12-31')]);
    const schedule = scheduleOf([ana, cy, dee]);
    const due = remindersDueOn(schedule, '2026-11-30', { leadWeekdays: 1 });
    expect(due.map((d) => d.resident.name)).toEqual(['Ana Diaz']);
    const friday = remindersDueOn(schedule, '2026-11-27', { leadWeekdays: 1 });
    expect(friday.map((d) => d.resident.name)).toEqual(['Dee Lin']);
    expect(
      remindersDueOn(scheduleOf([ben]), '2026-10-30', { leadWeekdays: 1 }).map((d) => d.block.label),
    ).toEqual(['DR-Body']);
  });
});
