import { daysInMonth, type IsoDate, isoDate, parseIsoDate, weekday } from '../time/local-date.js';
import { MONTHS, WEEKDAYS } from './date-words.js';
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

/** When a holiday falls: a fixed day of a month, or the nth (or last) weekday of a month. */
export type HolidayRule = { month: number; day: number } | { month: number; weekday: number; nth: number };

const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, last: -1 };
const ORDINAL_DIGITS: Record<string, number> = { '1st': 1, '2nd': 2, '3rd': 3, '4th': 4, '5th': 5 };

/**
 * "December 25", "fourth Thursday of November", "last Monday in May": the language file's way of
 * writing when a holiday falls, read with the date grammar's month and weekday names; null when
 * it is not one of these forms.
 */
export function parseHolidayRule(text: string): HolidayRule | null {
  const w = text.trim().toLowerCase().split(/\s+/);
  const fixed = w.length === 2 ? { month: MONTHS[w[0]!], day: Number(w[1]) } : undefined;
  if (fixed?.month && Number.isInteger(fixed.day) && fixed.day >= 1 && fixed.day <= 31)
    return fixed as HolidayRule;
  if (w.length === 4 && (w[2] === 'of' || w[2] === 'in')) {
    const nth = ORDINALS[w[0]!] ?? ORDINAL_DIGITS[w[0]!];
    const dow = WEEKDAYS[w[1]!];
    const month = MONTHS[w[3]!];
    if (nth !== undefined && dow !== undefined && month !== undefined) return { month, weekday: dow, nth };
  }
  return null;
}

function dateOf(rule: HolidayRule, year: number): IsoDate {
  return 'day' in rule
    ? isoDate(year, rule.month, rule.day)
    : nthWeekday(year, rule.month, rule.weekday, rule.nth);
}

/** A holiday's next date (or last, in the past tense). */
export function holiday(name: string, ctx: DateContext): IsoDate | null {
  const rule = ctx.holidays?.get(name.replace(/\s+/g, ' '));
  if (!rule) return null;
  const { year } = parseIsoDate(ctx.today);
  const candidates = [year - 1, year, year + 1].map((y) => dateOf(rule, y));
  return ctx.past
    ? ([...candidates].reverse().find((d) => d <= ctx.today) ?? null)
    : (candidates.find((d) => d >= ctx.today) ?? null);
}

const patterns = new WeakMap<ReadonlyMap<string, HolidayRule>, RegExp>();

/** The holidays' names as one pattern, longest first ("christmas eve" before "christmas"). */
export function holidayPattern(holidays: ReadonlyMap<string, HolidayRule> | undefined): RegExp {
  if (!holidays?.size) return /(?!)/g;
  let re = patterns.get(holidays);
  if (!re) {
    const names = [...holidays.keys()]
      .sort((a, b) => b.length - a.length)
      .map((n) => n.split(' ').join('\\s+'));
    re = new RegExp(`\\b(${names.join('|')})\\b`, 'g');
    patterns.set(holidays, re);
  }
  return re;
}
