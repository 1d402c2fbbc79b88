import { daysInMonth, type IsoDate, isoDate, parseIsoDate, weekday } from '../time/local-date.js';
import type { DateContext } from './dates.js';

/** The nth weekday (0 = Sunday) of a month; n = -1 for the last one. */
function nthWeekday(year: number, month: number, dow: number, n: number): IsoDate {
  if (n > 0) {
    const first = weekday(isoDate(year, month, 1));
    return isoDate(year, month, 1 + ((dow - first + 7) % 7) + 7 * (n - 1));
  }
  const lastDay = daysInMonth(year, month);
  const last = weekday(isoDate(year, month, lastDay));
  return isoDate(year, month, lastDay - ((last - dow + 7) % 7));
}

const HOLIDAYS: Record<string, (year: number) => IsoDate> = {
  'christmas eve': (y) => isoDate(y, 12, 24),
  christmas: (y) => isoDate(y, 12, 25),
  xmas: (y) => isoDate(y, 12, 25),
  'new years eve': (y) => isoDate(y, 12, 31),
  'new years': (y) => isoDate(y, 1, 1),
  'new years day': (y) => isoDate(y, 1, 1),
  'new year': (y) => isoDate(y, 1, 1),
  'new year day': (y) => isoDate(y, 1, 1),
  thanksgiving: (y) => nthWeekday(y, 11, 4, 4),
  'independence day': (y) => isoDate(y, 7, 4),
  'fourth of july': (y) => isoDate(y, 7, 4),
  '4th of july': (y) => isoDate(y, 7, 4),
  'labor day': (y) => nthWeekday(y, 9, 1, 1),
  'memorial day': (y) => nthWeekday(y, 5, 1, -1),
  'mlk day': (y) => nthWeekday(y, 1, 1, 3),
  juneteenth: (y) => isoDate(y, 6, 19),
  halloween: (y) => isoDate(y, 10, 31),
};

/** A holiday's next date (or last, in the past tense). */
export function holiday(name: string, ctx: DateContext): IsoDate | null {
  const rule = HOLIDAYS[name.replace(/'/g, '')];
  if (!rule) return null;
  const { year } = parseIsoDate(ctx.today);
  const candidates = [year - 1, year, year + 1].map(rule);
  return ctx.past
    ? ([...candidates].reverse().find((d) => d <= ctx.today) ?? null)
    : (candidates.find((d) => d >= ctx.today) ?? null);
}
