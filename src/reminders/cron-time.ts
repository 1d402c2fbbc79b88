import { createTask, parse, type ScheduledTask, validateDetailed } from 'node-cron';
import { addDays, type IsoDate, localDate, zonedInstant } from '../time/local-date.js';

/**
 * Cron times from any instant, not just "now": node-cron's own parser and matcher decide which
 * local wall-clock times match, and this walks the calendar in the program's zone, so the
 * previous run (for catch-up) and next runs (for tests) work with an injected clock.
 */

export class CronScheduleError extends Error {
  readonly code = 'cron_invalid';
  constructor(message: string) {
    super(message);
    this.name = 'CronScheduleError';
  }
}

/** The local hours in which clocks jump (01:00–03:00): a job there runs twice or never on DST days. */
const DST_HOURS = [1, 2];
// Five years covers the rarest schedules people write (29 February).
const SEARCH_DAYS = 5 * 366;

export interface CronTimes {
  readonly expression: string;
  next(after: Date): Date | null;
  previous(atOrBefore: Date): Date | null;
  /** The local date of a run instant, in the schedule's zone. */
  localDateOf(instant: Date): IsoDate;
}

/**
 * Parses and checks an expression for `variable` (named in every error): valid, and never in
 * the DST window. Throws CronScheduleError saying what to change.
 */
export function createCronTimes(expression: string, timeZone: string, variable = 'cron'): CronTimes {
  const validation = validateDetailed(expression);
  if (!validation.valid) {
    const why = validation.errors.map((e) => e.message).join('; ');
    throw new CronScheduleError(`${variable} "${expression}" is not a valid cron expression: ${why}`);
  }
  const fields = parse(expression);
  const inWindow = fields.hour.filter((h) => DST_HOURS.includes(h));
  if (inWindow.length > 0) {
    throw new CronScheduleError(
      `${variable} "${expression}" runs at ${inWindow.map((h) => `${String(h).padStart(2, '0')}:xx`).join(', ')} ` +
        `local time, inside the 01:00–03:00 window where daylight-saving changes skip or repeat the hour — ` +
        'choose an hour outside it (e.g. 8 for 08:00)',
    );
  }
  const matcher: ScheduledTask = createTask(expression, () => {}, { timezone: timeZone });
  const times: Array<[number, number, number]> = [];
  for (const h of [...fields.hour].sort((a, b) => a - b))
    for (const m of [...fields.minute].sort((a, b) => a - b))
      for (const s of [...fields.second].sort((a, b) => a - b)) times.push([h, m, s]);

  function runsOn(date: IsoDate): Date[] {
    return times
      .map(([h, m, s]) => zonedInstant(date, h, m, s, timeZone))
      .filter((instant) => matcher.match(instant));
  }

  return {
    expression,
    next(after) {
      let date = localDate(after, timeZone);
      for (let i = 0; i < SEARCH_DAYS; i++, date = addDays(date, 1)) {
        const hit = runsOn(date).find((t) => t.getTime() > after.getTime());
        if (hit) return hit;
      }
      return null;
    },
    previous(atOrBefore) {
      let date = localDate(atOrBefore, timeZone);
      for (let i = 0; i < SEARCH_DAYS; i++, date = addDays(date, -1)) {
        const hit = runsOn(date)
          .reverse()
          .find((t) => t.getTime() <= atOrBefore.getTime());
        if (hit) return hit;
      }
      return null;
    },
    localDateOf: (instant) => localDate(instant, timeZone),
  };
}
