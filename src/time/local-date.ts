/**
 * Calendar arithmetic in the program's time zone. Dates are ISO strings ('2026-11-30'),
 * months are 'YYYY-MM': plain values that compare with < and never shift with the host's zone.
 */

import { intlOffset, keptOffset, offsetFormat } from './intl-memo.js';

export type IsoDate = string;
export type IsoMonth = string;

/** The calendar date of an instant in a time zone: 23:30 on 30 Nov in Durham is still '…-11-30'. */
export function localDate(instant: Date, timeZone: string): IsoDate {
  // The same minute in the same zone is the same date: every question of a batch asks this.
  const minute = Math.floor(instant.getTime() / 60_000);
  const last = lastDate.get(timeZone);
  if (last?.minute === minute) return last.date;
  const wall = new Date(instant.getTime() + offsetAt(instant.getTime(), timeZone));
  const date = isoDate(wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate());
  lastDate.set(timeZone, { minute, date });
  return date;
}
const lastDate = new Map<string, { minute: number; date: IsoDate }>();

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at an instant, in ms (New York in winter: −5 h): kept, or asked of Intl. */
export function offsetAt(instant: number, timeZone: string): number {
  const kept = keptOffset(timeZone, instant);
  if (kept !== undefined) return kept;
  let f = offsetFormats.get(timeZone);
  if (!f) {
    f = offsetFormat(timeZone);
    offsetFormats.set(timeZone, f);
  }
  return intlOffset(instant, f);
}

/** The instant a wall-clock time happens in a zone (outside DST gaps, which jobs avoid). */
export function zonedInstant(
  date: IsoDate,
  hour: number,
  minute: number,
  second: number,
  timeZone: string,
): Date {
  const { year, month, day } = parseIsoDate(date);
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  let guess = wall - offsetAt(wall, timeZone);
  // A second pass settles times near a DST change, where the first guess used the other offset.
  guess = wall - offsetAt(guess, timeZone);
  return new Date(guess);
}

export function monthOf(date: IsoDate): IsoMonth {
  return date.slice(0, 7);
}

export function parseIsoDate(date: IsoDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isoMonth(year: number, month: number): IsoMonth {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidIsoDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const { year, month, day } = parseIsoDate(date);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isValidIsoMonth(month: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
}

/** Adds whole days using UTC arithmetic on the calendar date (no DST involved). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const { year, month, day } = parseIsoDate(date);
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addMonths(month: IsoMonth, count: number): IsoMonth {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7)) - 1 + count;
  return isoMonth(y + Math.floor(m / 12), (((m % 12) + 12) % 12) + 1);
}

export function firstDayOfMonth(month: IsoMonth): IsoDate {
  return `${month}-01`;
}

export function lastDayOfMonth(month: IsoMonth): IsoDate {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return isoDate(y, m, daysInMonth(y, m));
}

/** 0 = Sunday … 6 = Saturday, for a calendar date. */
export function weekday(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/**
 * The academic year a date falls in, named by the calendar year it starts in:
 * with a July start, 2027-03-10 is in the 2026 academic year (July 2026 – June 2027).
 */
export function academicYearStart(date: IsoDate, startMonth: number): number {
  const { year, month } = parseIsoDate(date);
  return month >= startMonth ? year : year - 1;
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function monthName(monthNumber: number): string {
  return MONTH_NAMES[monthNumber - 1]!;
}
