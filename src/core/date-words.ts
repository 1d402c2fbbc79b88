import { formatDate, formatMonth } from '../time/format-date.js';
import {
  addDays,
  daysInMonth,
  type IsoDate,
  type IsoMonth,
  isoDate,
  isoMonth,
  parseIsoDate,
} from '../time/local-date.js';
import type { DateContext, DateRef } from './dates.js';

/* The words and small placements the date rules are made of. */

/** Words for each number, as "word word=number; …". */
export function table(spec: string): Record<string, number> {
  return Object.fromEntries(
    spec.split(';').flatMap((entry) => {
      const [names, n] = entry.trim().split('=');
      return names!
        .trim()
        .split(/\s+/)
        .map((name) => [name, Number(n)]);
    }),
  );
}

export const MONTHS =
  table(`jan january=1; feb february febuary=2; mar march=3; apr april=4; may=5; jun june=6;
  jul july=7; aug august=8; sep sept september=9; oct october=10; nov november=11; dec december=12`);
export const WEEKDAYS = table(`sun sunday=0; mon monday=1; tue tues tuesday=2; wed wednesday=3;
  thu thur thurs thursday=4; fri friday=5; sat saturday=6`);
export const NUMBER_WORDS =
  table(`a an one=1; two=2; three=3; four=4; five=5; six=6; seven=7; eight=8; nine=9;
  ten=10; eleven=11; twelve=12`);

export const MONTH_RE = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');
export const WEEKDAY_RE = Object.keys(WEEKDAYS)
  .sort((a, b) => b.length - a.length)
  .join('|');
export const ORD = '(?:st|nd|rd|th)?';
export const YEAR = "(?:,?\\s*'?(\\d{4}|\\d{2}))";

export function fullYear(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const digits = text.replace(/^'/, '');
  const n = Number(digits);
  return digits.length === 2 ? 2000 + n : n;
}

export function validDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The month (1–12) without a year, placed before or after today's month by tense. */
export function placeMonth(month: number, ctx: DateContext): IsoMonth {
  const { year, month: current } = parseIsoDate(ctx.today);
  if (month === current) return isoMonth(year, month);
  if (ctx.past) return isoMonth(month < current ? year : year - 1, month);
  const next = isoMonth(month > current ? year : year + 1, month);
  const earlier = isoMonth(month > current ? year - 1 : year, month);
  return justGone(month, current) &&
    beyondSchedule(`${next}-01`, ctx) &&
    inThisAcademicYear(`${earlier}-01`, ctx)
    ? earlier
    : next;
}

export function placeDay(month: number, day: number, ctx: DateContext): IsoDate | null {
  const { year } = parseIsoDate(ctx.today);
  for (const y of ctx.past ? [year, year - 1] : [year, year + 1]) {
    if (!validDay(y, month, day)) continue;
    const d = isoDate(y, month, day);
    if (!(ctx.past ? d <= ctx.today : d >= ctx.today)) continue;
    // Beyond the schedule, this academic year's day of that name, already gone, if there is one.
    const before = y - 1;
    if (!ctx.past && beyondSchedule(d, ctx) && validDay(before, month, day)) {
      const earlier = isoDate(before, month, day);
      if (justGone(month, parseIsoDate(ctx.today).month) && inThisAcademicYear(earlier, ctx)) return earlier;
    }
    return d;
  }
  return null;
}

/** "Next July", "next spring": the next one to come, said so, whether or not it is scheduled. */
export function ahead(ctx: DateContext): DateContext {
  const { scheduledUntil: _, ...rest } = ctx;
  return { ...rest, past: false };
}

/**
 * The month named is one of the last three gone ("October" in December): then, if the next one is
 * not scheduled, the one just gone is meant; "July" in December is the one to come.
 */
function justGone(month: number, current: number): boolean {
  const back = (current - month + 12) % 12;
  return back >= 1 && back <= 3;
}

/** After the last day the schedule covers, when it is known. */
function beyondSchedule(date: IsoDate, ctx: DateContext): boolean {
  return ctx.scheduledUntil !== undefined && date > ctx.scheduledUntil;
}

/** On or after the first day of today's academic year. */
function inThisAcademicYear(date: IsoDate, ctx: DateContext): boolean {
  const { year, month } = parseIsoDate(ctx.today);
  const start = ctx.academicYearStartMonth;
  return date >= isoDate(month >= start ? year : year - 1, start, 1);
}

export const day = (date: IsoDate, ctx: DateContext): DateRef => ({
  kind: 'day',
  date,
  label: formatDate(date, ctx.locale),
});
export const month = (m: IsoMonth, ctx: DateContext): DateRef => ({
  kind: 'month',
  month: m,
  label: formatMonth(m, ctx.locale),
});

/** An academic year by the calendar year it starts in, named "the 2026–27 academic year" unless told. */
export function academicYear(
  startYear: number,
  ctx: DateContext,
  label = `the ${startYear}–${String(startYear + 1).slice(2)} academic year`,
): DateRef {
  const from = isoDate(startYear, ctx.academicYearStartMonth, 1);
  const to = addDays(isoDate(startYear + 1, ctx.academicYearStartMonth, 1), -1);
  return { kind: 'range', from, to, label };
}

const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** "feb 30": a month's name and a day (not a year after it). Made once: a question is read for it every time. */
const NAMED_DAY = new RegExp(`\\b(${MONTH_RE})\\.?\\s+(\\d{1,2})${ORD}\\b(?!\\s*\\d)`);

/** "4/31", "13/1", "feb 30": a date that does not exist, quoted as written; undefined when all dates are real. */
export function impossibleDate(folded: string): string | undefined {
  for (const m of folded.matchAll(/\b(\d{1,2})\/(\d{1,2})(?:\/\d{2,4})?\b/g)) {
    const [month, day] = [Number(m[1]), Number(m[2])];
    if (month < 1 || month > 12 || day < 1 || day > MONTH_DAYS[month - 1]!) return m[0];
  }
  const named = NAMED_DAY.exec(folded);
  if (named && Number(named[2]) > MONTH_DAYS[MONTHS[named[1]!]! - 1]!) return named[0];
  return undefined;
}

/** A date's label without its preposition: "in March" → "March", "on Friday, May 1" → "Friday, May 1". */
export const bareLabel = (label: string) => label.replace(/^(in|on) /, '');
