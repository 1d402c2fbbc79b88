import { formatMonth } from '../time/format-date.js';
import {
  academicYearStart,
  addDays,
  addMonths,
  isoDate,
  isoMonth,
  lastDayOfMonth,
  monthOf,
  parseIsoDate,
  weekday,
} from '../time/local-date.js';
import { PERIOD_RULES } from './date-periods.js';
import {
  academicYear,
  ahead,
  day,
  fullYear,
  MONTH_RE,
  MONTHS,
  month,
  NUMBER_WORDS,
  ORD,
  placeDay,
  placeMonth,
  validDay,
  WEEKDAY_RE,
  WEEKDAYS,
  YEAR,
} from './date-words.js';
import type { DateContext, DateRef } from './dates.js';

/** The date words the bot reads, one rule each; earlier rules win where two overlap. */

export interface Rule {
  pattern: RegExp;
  /** A pattern made from the program's data (the language file's holidays), in place of `pattern`. */
  patternFor?: (ctx: DateContext) => RegExp;
  read: (m: RegExpMatchArray, ctx: DateContext) => DateRef | null;
}

export const RULES: Rule[] = [
  // "the last week of Feb", "the first week of March": a day in that week of the month
  {
    pattern: new RegExp(
      `\\b(?:the\\s+)?(first|1st|second|2nd|third|3rd|fourth|4th|last)\\s+week\\s+(?:of|in)\\s+(${MONTH_RE})\\b`,
      'g',
    ),
    read: (m, ctx) => {
      const which = placeMonth(MONTHS[m[2]!]!, ctx);
      const n = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 }[
        m[1] as 'first'
      ];
      return day(
        n ? `${which}-${String(1 + 7 * (n - 1)).padStart(2, '0')}` : addDays(lastDayOfMonth(which), -6),
        ctx,
      );
    },
  },
  // "2026-27", "2026–2027", "AY 2026-27", "the 2025/26 academic year": an academic year
  {
    pattern:
      /\b(?:(?:ay|academic\s+year)\s+)?(20\d\d)\s*(?:-|\u2013|\/)\s*(20\d\d|\d\d)(?:\s+(?:academic|school|residency)\s+year)?\b/g,
    read: (m, ctx) => {
      const first = Number(m[1]);
      const second = Number(m[2]);
      const follows = m[2]!.length === 4 ? second === first + 1 : second === (first + 1) % 100 && second > 12;
      return follows ? academicYear(first, ctx) : null;
    },
  },
  // "AY 26-27": the short form, only after "AY"
  {
    pattern: /\bay\s*'?(\d\d)\s*(?:-|\u2013|\/)\s*(\d\d)\b/g,
    read: (m, ctx) => {
      const first = 2000 + Number(m[1]);
      return Number(m[2]) === (first + 1) % 100 ? academicYear(first, ctx) : null;
    },
  },
  // 2027-01-10, 2027-01
  {
    pattern: /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g,
    read: (m, ctx) => (validDay(+m[1]!, +m[2]!, +m[3]!) ? day(isoDate(+m[1]!, +m[2]!, +m[3]!), ctx) : null),
  },
  {
    pattern: /\b(\d{4})-(\d{2})\b/g,
    read: (m, ctx) => (+m[2]! >= 1 && +m[2]! <= 12 ? month(isoMonth(+m[1]!, +m[2]!), ctx) : null),
  },
  // 1/10/2027 (US order), 1/2027, 1/10
  {
    pattern: /\b(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})\b/g,
    read: (m, ctx) => {
      const y = fullYear(m[3])!;
      return validDay(y, +m[1]!, +m[2]!) ? day(isoDate(y, +m[1]!, +m[2]!), ctx) : null;
    },
  },
  {
    pattern: /\b(\d{1,2})\/(\d{4})\b/g,
    read: (m, ctx) => (+m[1]! >= 1 && +m[1]! <= 12 ? month(isoMonth(+m[2]!, +m[1]!), ctx) : null),
  },
  {
    pattern: /\b(\d{1,2})\/(\d{1,2})\b/g,
    read: (m, ctx) => {
      const d = placeDay(+m[1]!, +m[2]!, ctx);
      return d ? day(d, ctx) : null;
    },
  },
  // Dec 15, December 15th 2026, 15 December, the 15th of December
  {
    pattern: new RegExp(`\\b(${MONTH_RE})\\.?\\s+(\\d{1,2})${ORD}\\b${YEAR}?(?!\\d)`, 'g'),
    read: (m, ctx) => {
      const y = fullYear(m[3]);
      const mo = MONTHS[m[1]!]!;
      if (y !== undefined) return validDay(y, mo, +m[2]!) ? day(isoDate(y, mo, +m[2]!), ctx) : null;
      const d = placeDay(mo, +m[2]!, ctx);
      return d ? day(d, ctx) : null;
    },
  },
  {
    pattern: new RegExp(`\\b(?:the\\s+)?(\\d{1,2})${ORD}\\s+(?:of\\s+)?(${MONTH_RE})\\b${YEAR}?(?!\\d)`, 'g'),
    read: (m, ctx) => {
      const y = fullYear(m[3]);
      const mo = MONTHS[m[2]!]!;
      if (y !== undefined) return validDay(y, mo, +m[1]!) ? day(isoDate(y, mo, +m[1]!), ctx) : null;
      const d = placeDay(mo, +m[1]!, ctx);
      return d ? day(d, ctx) : null;
    },
  },
  // "September or October 2026", "March and April 2026": the first month shares the year written
  // after the second (which the next rule reads with it).
  {
    pattern: new RegExp(
      `\\b(${MONTH_RE})\\.?(?=\\s*(?:,|or|and|&)\\s*(?:${MONTH_RE})\\.?\\s+(?:of\\s+)?(\\d{4}|'\\d{2})\\b)`,
      'g',
    ),
    read: (m, ctx) => month(isoMonth(fullYear(m[2])!, MONTHS[m[1]!]!), ctx),
  },
  // March 2027, March of 2027, Mar '27
  {
    pattern: new RegExp(`\\b(${MONTH_RE})\\.?\\s+(?:of\\s+)?(\\d{4}|'\\d{2})\\b`, 'g'),
    read: (m, ctx) => month(isoMonth(fullYear(m[2])!, MONTHS[m[1]!]!), ctx),
  },
  // "from Jan to March", "between Feb and April", "March and April": every month between; "Feb and
  // May" names two months, each read on its own.
  {
    pattern: new RegExp(
      `\\b(from\\s+|between\\s+)?(${MONTH_RE})\\s*(to|through|thru|until|till|and|-|\u2013)\\s*(${MONTH_RE})\\b`,
      'g',
    ),
    read: (m, ctx) => {
      const from = placeMonth(MONTHS[m[2]!]!, ctx);
      let to = placeMonth(MONTHS[m[4]!]!, { ...ctx, past: false });
      while (to < from) to = addMonths(to, 12);
      if (m[3] === 'and' && !m[1]?.startsWith('between') && to !== addMonths(from, 1)) return null;
      if (from === to) return month(from, ctx);
      return {
        kind: 'range',
        from: `${from}-01`,
        to: lastDayOfMonth(to),
        label: `${formatMonth(from, ctx.locale)} to ${formatMonth(to, ctx.locale)}`,
      };
    },
  },
  // "Feb and May", "March or May": after another month, "may" is the month too.
  {
    pattern: new RegExp(`(?<=\\b(?:${MONTH_RE})\\.?,?\\s+)(?:and|or)\\s+may\\b`, 'g'),
    read: (_m, ctx) => month(placeMonth(5, ctx), ctx),
  },
  // "in May" needs a preposition: "may" alone is usually the verb.
  {
    pattern: /\b(in|of|for|during|through|until|till|by|since|early|late|mid|next|last|this|coming)\s+may\b/g,
    read: (m, ctx) => {
      if (m[1] === 'next') return month(placeMonth(5, ahead(ctx)), ctx);
      if (m[1] === 'last') return month(placeMonth(5, { ...ctx, past: true }), ctx);
      return month(placeMonth(5, ctx), ctx);
    },
  },
  {
    pattern: new RegExp(
      `\\b(next\\s+|last\\s+|this\\s+|coming\\s+)?(${MONTH_RE.replace('may|', '')})\\b`,
      'g',
    ),
    read: (m, ctx) => {
      const which = m[1]?.trim();
      if (which === 'next' || which === 'coming') return month(placeMonth(MONTHS[m[2]!]!, ahead(ctx)), ctx);
      const past = which === 'last' ? true : ctx.past;
      return month(placeMonth(MONTHS[m[2]!]!, { ...ctx, past }), ctx);
    },
  },
  // "and May?" as a follow-up of a schedule question: nothing else in it, so the month.
  {
    pattern: /\bmay\b/g,
    read: (_m, ctx) => (ctx.monthAlone ? month(placeMonth(5, ctx), ctx) : null),
  },
  // holidays, seasons, quarters, bare years, the ends of months and weekends
  ...PERIOD_RULES,
  // relative days
  { pattern: /\b(day after tomorrow)\b/g, read: (_m, ctx) => day(addDays(ctx.today, 2), ctx) },
  {
    pattern: /\b(today|tonight|right now|currently|at the moment|this morning|this afternoon)\b/g,
    read: (_m, ctx) => day(ctx.today, ctx),
  },
  {
    pattern: /\b(tomorrow|tmrw|tmr|tomorow|tommorow|tommorrow)\b/g,
    read: (_m, ctx) => day(addDays(ctx.today, 1), ctx),
  },
  { pattern: /\b(yesterday)\b/g, read: (_m, ctx) => day(addDays(ctx.today, -1), ctx) },
  // "the week after next": two weeks from today
  { pattern: /\b(?:the\s+)?week\s+after\s+next\b/g, read: (_m, ctx) => day(addDays(ctx.today, 14), ctx) },
  // "the week before last": two weeks ago
  { pattern: /\b(?:the\s+)?week\s+before\s+last\b/g, read: (_m, ctx) => day(addDays(ctx.today, -14), ctx) },
  {
    pattern: /\b(next|this|last|previous)\s+week\b/g,
    read: (m, ctx) => day(addDays(ctx.today, m[1] === 'next' ? 7 : m[1] === 'this' ? 0 : -7), ctx),
  },
  {
    pattern: new RegExp(`\\b(?:(next|this|last|on|coming)\\s+)?(${WEEKDAY_RE})\\b`, 'g'),
    read: (m, ctx) => {
      const target = WEEKDAYS[m[2]!]!;
      const today = weekday(ctx.today);
      if (m[1] === 'last' || (ctx.past && m[1] !== 'next')) {
        const back = (today - target + 7) % 7 || 7;
        return day(addDays(ctx.today, -back), ctx);
      }
      let ahead = (target - today + 7) % 7;
      if (ahead === 0 && m[1] === 'next') ahead = 7;
      return day(addDays(ctx.today, ahead), ctx);
    },
  },
  {
    pattern:
      /\bin\s+(\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(day|week|month)s?\b/g,
    read: (m, ctx) => {
      const n = NUMBER_WORDS[m[1]!] ?? Number(m[1]);
      if (m[2] === 'month') return month(addMonths(monthOf(ctx.today), n), ctx);
      return day(addDays(ctx.today, m[2] === 'week' ? 7 * n : n), ctx);
    },
  },
  {
    pattern:
      /\b(\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(day|week|month|year)s?\s+(from now|ago)\b/g,
    read: (m, ctx) => {
      const n = (NUMBER_WORDS[m[1]!] ?? Number(m[1])) * (m[3] === 'ago' ? -1 : 1);
      if (m[2] === 'year') return month(addMonths(monthOf(ctx.today), 12 * n), ctx);
      if (m[2] === 'month') return month(addMonths(monthOf(ctx.today), n), ctx);
      return day(addDays(ctx.today, m[2] === 'week' ? 7 * n : n), ctx);
    },
  },
  // months relative to now
  {
    pattern:
      /\bmonth\s+after\s+next\b|\bmonth\s+before\s+last\b|\b(this|current|next|following|coming|upcoming|last|previous|past)\s+month\b/g,
    read: (m, ctx) => {
      const current = monthOf(ctx.today);
      if (/after/.test(m[0])) return month(addMonths(current, 2), ctx);
      if (/before/.test(m[0])) return month(addMonths(current, -2), ctx);
      const w = m[1]!;
      const delta = w === 'this' || w === 'current' ? 0 : ['last', 'previous', 'past'].includes(w) ? -1 : 1;
      return month(addMonths(current, delta), ctx);
    },
  },
  // academic years
  {
    pattern:
      /\b(?:the\s+)?rest\s+of\s+(?:the|this|my)\s+(?:academic\s+)?year\b|\b(?:the\s+)?rest\s+of\s+the\s+year\b/g,
    read: (_m, ctx) => {
      const start = academicYearStart(ctx.today, ctx.academicYearStartMonth);
      const year = academicYear(start, ctx, 'the rest of the academic year');
      return year.kind === 'range' ? { ...year, from: ctx.today, restOfYear: true } : year;
    },
  },
  {
    pattern:
      /\b(this|current|next|coming|last|previous)\s+(?:academic\s+|school\s+|residency\s+)?year\b(?!\s+of\b)/g,
    read: (m, ctx) => {
      const start = academicYearStart(ctx.today, ctx.academicYearStartMonth);
      const w = m[1]!;
      const delta = w === 'this' || w === 'current' ? 0 : w === 'last' || w === 'previous' ? -1 : 1;
      return academicYear(start + delta, ctx);
    },
  },
  // the 15th (of this month, or the next one to come)
  {
    pattern:
      /\b(?:on\s+)?the\s+(\d{1,2})(?:st|nd|rd|th)\b(?!\s*(?:[a-z-]+\s+)?(?:year|yr|month|rotation|block|week))/g,
    read: (m, ctx) => {
      const { year, month: mo } = parseIsoDate(ctx.today);
      const d = +m[1]!;
      if (
        validDay(year, mo, d) &&
        (ctx.past ? isoDate(year, mo, d) <= ctx.today : isoDate(year, mo, d) >= ctx.today)
      ) {
        return day(isoDate(year, mo, d), ctx);
      }
      const other = ctx.past ? addMonths(monthOf(ctx.today), -1) : addMonths(monthOf(ctx.today), 1);
      const [y2, m2] = [Number(other.slice(0, 4)), Number(other.slice(5, 7))];
      return validDay(y2, m2, d) ? day(isoDate(y2, m2, d), ctx) : null;
    },
  },
];
