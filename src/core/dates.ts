import { addMonths, type IsoDate, type IsoMonth, lastDayOfMonth, monthOf } from '../time/local-date.js';
import { RULES } from './date-rules.js';
import type { HolidayRule } from './holidays.js';

/**
 * Date words in a question, read against "today" in the program's time zone. A month or day
 * without a year is the next one to come (the last one gone, for a question in the past tense).
 */

export type DateRef =
  | { kind: 'day'; date: IsoDate; label: string }
  | { kind: 'month'; month: IsoMonth; label: string }
  | { kind: 'range'; from: IsoDate; to: IsoDate; label: string; restOfYear?: boolean };

export interface DateContext {
  today: IsoDate;
  academicYearStartMonth: number;
  /** The program's locale, for the labels of dates ("Friday, January 1, 2027"). */
  locale: string;
  /** The question is about the past ("when was I…", "who did…"). */
  past: boolean;
  /** The holidays residents name, from the language file ("christmas", "thanksgiving"). */
  holidays?: ReadonlyMap<string, HolidayRule>;
  /**
   * The last day the schedule covers. A month or day named without a year is the next one to
   * come; when that one is beyond the schedule, and this academic year's is not and has just gone
   * (at most three months back), it is this academic year's ("what am I on in October?" asked in
   * December, before next year's grid). Left out for a question about what is to come ("will").
   */
  scheduledUntil?: IsoDate;
  /**
   * The text is a bare follow-up of a schedule question ("and May?"): a month name alone is the
   * month, even one that is also a verb ("may").
   */
  monthAlone?: boolean;
}

export interface DateParse {
  refs: DateRef[];
  /** The text with every date expression blanked out, for the rest of understanding. */
  rest: string;
}

/** Finds date expressions in (folded) text; earlier rules win over later ones on overlap. */
export function parseDates(text: string, ctx: DateContext): DateParse {
  let rest = text.toLowerCase();
  const found: Array<{ at: number; ref: DateRef }> = [];
  for (const rule of RULES) {
    const pattern = rule.patternFor?.(ctx) ?? rule.pattern;
    // Most rules find nothing in a question: a test first, so they build no list of matches.
    pattern.lastIndex = 0;
    const any = pattern.test(rest);
    // matchAll starts where the pattern's last search ended.
    pattern.lastIndex = 0;
    if (!any) continue;
    // Match against `rest` so text claimed by an earlier rule is not read twice.
    for (const m of [...rest.matchAll(pattern)]) {
      const ref = rule.read(m, ctx);
      if (ref) {
        found.push({ at: m.index, ref });
        rest = rest.slice(0, m.index) + ' '.repeat(m[0].length) + rest.slice(m.index + m[0].length);
      }
    }
  }
  found.sort((a, b) => a.at - b.at);
  return { refs: found.map((f) => f.ref), rest };
}

/** The months a date reference spans, first to last. */
export function monthsOf(ref: DateRef): IsoMonth[] {
  if (ref.kind === 'day') return [monthOf(ref.date)];
  if (ref.kind === 'month') return [ref.month];
  const out: IsoMonth[] = [];
  for (let m = monthOf(ref.from); m <= monthOf(ref.to); m = addMonths(m, 1)) out.push(m);
  return out;
}

/** A representative day: the day itself, or the first day of a month (today, if it is this month). */
export function firstDayOf(ref: DateRef, today: IsoDate): IsoDate {
  if (ref.kind === 'day') return ref.date;
  if (ref.kind === 'range') return ref.from;
  return monthOf(today) === ref.month ? today : `${ref.month}-01`;
}

export function lastDayOf(ref: DateRef): IsoDate {
  if (ref.kind === 'day') return ref.date;
  if (ref.kind === 'range') return ref.to;
  return lastDayOfMonth(ref.month);
}
