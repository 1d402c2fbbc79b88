import { formatMonth } from '../time/format-date.js';
import {
  academicYearStart,
  addDays,
  addMonths,
  type IsoMonth,
  isoDate,
  isoMonth,
  lastDayOfMonth,
  monthOf,
  parseIsoDate,
  weekday,
} from '../time/local-date.js';
import type { Rule } from './date-rules.js';
import { ahead, day, fullYear, month, placeMonth } from './date-words.js';
import type { DateRef } from './dates.js';
import { holiday, holidayPattern } from './holidays.js';

type Season = 'spring' | 'summer' | 'fall' | 'autumn' | 'winter';
const SEASON_STARTS: Record<Season, number> = { spring: 3, summer: 6, fall: 9, autumn: 9, winter: 12 };

/** A season's three months from its first: "fall 2026", "winter 2026–27". */
function season(name: string, start: IsoMonth): DateRef {
  const end = addMonths(start, 2);
  return {
    kind: 'range',
    from: `${start}-01`,
    to: lastDayOfMonth(end),
    label: `${name} ${start.slice(0, 4)}${end.slice(0, 4) !== start.slice(0, 4) ? `–${end.slice(2, 4)}` : ''}`,
  };
}

/** Periods residents name without a date: holidays, seasons, quarters, a bare year, month ends, weekends. */
export const PERIOD_RULES: Rule[] = [
  // holidays residents ask about, placed like a date without a year
  {
    pattern: /(?!)/g,
    patternFor: (ctx) => holidayPattern(ctx.holidays),
    read: (m, ctx) => {
      const d = holiday(m[1]!, ctx);
      return d ? day(d, ctx) : null;
    },
  },
  // a season of a year: "fall 2025", "the spring of 2026", "winter '26" (December to February)
  {
    pattern: /\b(spring|summer|fall|autumn|winter)\s+(?:of\s+)?(20\d\d|'\d\d)\b/g,
    read: (m) => season(m[1]!, isoMonth(fullYear(m[2])!, SEASON_STARTS[m[1] as Season])),
  },
  // seasons, as the months residents mean by them
  {
    pattern: /\b(?:(next|this|last)\s+)?(spring|summer|fall|autumn|winter)\b/g,
    read: (m, ctx) =>
      season(
        m[2]!,
        placeMonth(
          SEASON_STARTS[m[2] as Season],
          m[1] === 'next' ? ahead(ctx) : { ...ctx, past: m[1] === 'last' ? true : ctx.past },
        ),
      ),
  },
  // "the first half of 2027" (January to June), "the second half of the year" (of the academic
  // year, as "this year" is: January to June of it)
  {
    pattern:
      /\b(?:the\s+)?(first|1st|second|2nd|last|latter)\s+half\s+of\s+(?:(?:the|this)\s+)?(?:(?:academic|school)\s+)?(year|20\d\d)\b/g,
    read: (m, ctx) => {
      const second = m[1] !== 'first' && m[1] !== '1st';
      const start =
        m[2] === 'year'
          ? isoMonth(academicYearStart(ctx.today, ctx.academicYearStartMonth), ctx.academicYearStartMonth)
          : isoMonth(Number(m[2]), 1);
      const from = addMonths(start, second ? 6 : 0);
      const to = addMonths(from, 5);
      return {
        kind: 'range',
        from: `${from}-01`,
        to: lastDayOfMonth(to),
        label: `${formatMonth(from, ctx.locale)} to ${formatMonth(to, ctx.locale)}`,
      };
    },
  },
  // a bare calendar year: "in 2028"
  {
    pattern: /\b(?:in|during|for|of)\s+(20\d\d)\b/g,
    read: (m) => ({ kind: 'range', from: `${m[1]}-01-01`, to: `${m[1]}-12-31`, label: m[1]! }),
  },
  // calendar quarters: "in Q1" is January to March, the next one to come
  {
    pattern: /\bq([1-4])\b/g,
    read: (m, ctx) => {
      const first = (Number(m[1]) - 1) * 3 + 1;
      const start = placeMonth(first, ctx);
      const firstMonth = monthOf(ctx.today) > addMonths(start, 2) ? addMonths(start, 12) : start;
      const end = addMonths(firstMonth, 2);
      return {
        kind: 'range',
        from: `${firstMonth}-01`,
        to: lastDayOfMonth(end),
        label: `Q${m[1]} ${firstMonth.slice(0, 4)}`,
      };
    },
  },
  // "the end of the year" (its last day; "academic" for the academic year's), "the start of next year"
  {
    pattern:
      /\b(?:the\s+)?(end|beginning|start)\s+of\s+(?:the\s+)?(this\s+|next\s+|last\s+)?(academic\s+|school\s+)?year\b/g,
    read: (m, ctx) => {
      const shift = m[2]?.trim() === 'next' ? 1 : m[2]?.trim() === 'last' ? -1 : 0;
      const { year } = parseIsoDate(ctx.today);
      const first = m[3]
        ? isoDate(
            academicYearStart(ctx.today, ctx.academicYearStartMonth) + shift,
            ctx.academicYearStartMonth,
            1,
          )
        : isoDate(year + shift, 1, 1);
      return day(m[1] === 'end' ? addDays(addMonths(monthOf(first), 12) + '-01', -1) : first, ctx);
    },
  },
  // the start or end of a month, a weekend, and "after the holidays"
  {
    pattern:
      /\b(?:the\s+)?(end|beginning|start|middle|mid)\s+of\s+(?:the\s+)?(this|next|last|the)\s+month\b/g,
    read: (m, ctx) => {
      const which = addMonths(monthOf(ctx.today), m[2] === 'next' ? 1 : m[2] === 'last' ? -1 : 0);
      const last = lastDayOfMonth(which);
      return day(
        m[1] === 'end' ? last : m[1] === 'middle' || m[1] === 'mid' ? `${which}-15` : `${which}-01`,
        ctx,
      );
    },
  },
  {
    pattern: /\b(this|next|the)\s+weekend\b/g,
    read: (m, ctx) => {
      const ahead = (6 - weekday(ctx.today) + 7) % 7;
      return day(addDays(ctx.today, ahead + (m[1] === 'next' && ahead < 7 ? 7 : 0)), ctx);
    },
  },
  {
    pattern: /\bafter (?:the )?holidays\b/g,
    read: (_m, ctx) => {
      const { year, month: mo } = parseIsoDate(ctx.today);
      return month(isoMonth(mo === 1 ? year : year + 1, 1), ctx);
    },
  },
];
