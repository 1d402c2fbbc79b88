import type { Block, Resident, Schedule } from '../schedule/types.js';
import { addDays, type IsoDate, weekday } from '../time/local-date.js';

/**
 * Which personal reminders are due when. A reminder goes out `leadWeekdays` weekdays before
 * the day a resident's rotation changes; pure calendar logic on program-local dates.
 */

export interface DueOptions {
  /** Weekdays (Mon–Fri) between the reminder and the change; 0 = on the day (or the weekday before a weekend change). */
  leadWeekdays: number;
}

export interface DueReminder {
  resident: Resident;
  block: Block;
}

const isWeekday = (date: IsoDate) => {
  const d = weekday(date);
  return d !== 0 && d !== 6;
};

/** The weekday `leadWeekdays` weekdays before `changeDate`: lead 1 and a Monday change → the Friday before. */
export function reminderDateFor(changeDate: IsoDate, leadWeekdays: number): IsoDate {
  let date = changeDate;
  // Lead 0 still lands on a weekday: a Saturday change is announced on the Friday.
  while (!isWeekday(date)) date = addDays(date, -1);
  if (leadWeekdays === 0) return date;
  date = changeDate;
  for (let left = leadWeekdays; left > 0; ) {
    date = addDays(date, -1);
    if (isWeekday(date)) left--;
  }
  return date;
}

function sameRotation(a: Block, b: Block): boolean {
  const key = (x: Block) => x.rotationId ?? `label:${x.label.toLowerCase().replace(/[\s_\-./]+/g, '')}`;
  return key(a) === key(b) && (a.site ?? '').toLowerCase() === (b.site ?? '').toLowerCase();
}

/**
 * True when the block starts something new for the resident: their first block, a block after
 * a gap, or a different rotation or site from the block just before it (a two-month IR block
 * written as two months is not a change).
 */
export function isChange(resident: Resident, block: Block): boolean {
  const index = resident.blocks.findIndex((b) => b.start === block.start);
  if (index <= 0) return true;
  const previous = resident.blocks[index - 1]!;
  if (addDays(previous.end, 1) !== block.start) return true;
  return !sameRotation(previous, block);
}

/** The resident's next reminder from `today` on (inclusive), with the block it announces; null when none is left. */
export function nextReminderFor(
  resident: Resident,
  today: IsoDate,
  options: DueOptions,
): { date: IsoDate; block: Block } | null {
  for (const block of resident.blocks) {
    if (block.start < today) continue;
    if (!isChange(resident, block)) continue;
    const date = reminderDateFor(block.start, options.leadWeekdays);
    if (date >= today) return { date, block };
  }
  return null;
}

/** The change dates whose reminder falls on `date`: a handful of days after it, never more. */
export function changeDatesRemindedOn(date: IsoDate, leadWeekdays: number): IsoDate[] {
  if (!isWeekday(date)) return [];
  // Each weekday of lead spans at most three calendar days (a weekend); +3 covers a weekend at the end.
  const horizon = leadWeekdays * 3 + 3;
  const dates: IsoDate[] = [];
  for (let offset = leadWeekdays === 0 ? 0 : 1; offset <= horizon; offset++) {
    const candidate = addDays(date, offset);
    if (reminderDateFor(candidate, leadWeekdays) === date) dates.push(candidate);
  }
  return dates;
}

/** Every resident whose reminder is due on `date`, looked up through the schedule's day index. */
export function remindersDueOn(schedule: Schedule, date: IsoDate, options: DueOptions): DueReminder[] {
  const due: DueReminder[] = [];
  const seen = new Set<string>();
  for (const changeDate of changeDatesRemindedOn(date, options.leadWeekdays)) {
    for (const { resident, block } of schedule.assignmentsOn(changeDate)) {
      if (block.start !== changeDate || seen.has(resident.email)) continue;
      if (!isChange(resident, block)) continue;
      seen.add(resident.email);
      due.push({ resident, block });
    }
  }
  return due;
}
