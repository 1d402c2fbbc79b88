import {
  keptDates,
  namesIn,
  namesOf,
  type Pattern,
  patternOf,
  plainSpaces,
  type RangeStyle,
  STYLES,
  type Style,
  shapeOf,
  writePattern,
} from './intl-memo.js';
import {
  type IsoDate,
  type IsoMonth,
  isValidIsoDate,
  lastDayOfMonth,
  monthOf,
  parseIsoDate,
} from './local-date.js';

/**
 * Every date a person reads is written here, in the program's locale (program.yaml `locale`):
 * "Friday, January 1, 2027" for en-US, "Friday, 1 January 2027" for en-GB. Calendar dates are
 * formatted at noon UTC, so no host or program time zone can move them to another day.
 */

export const DEFAULT_LOCALE = 'en-US';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, style: Style): Intl.DateTimeFormat {
  const key = `${locale}|${style}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...STYLES[style], timeZone: 'UTC' });
    formatters.set(key, f);
  }
  return f;
}

/** A date in a style: from the locale's kept patterns when there are some, else from Intl. */
function write(date: IsoDate, locale: string, style: Style): string {
  const kept = keptDates(locale);
  if (!kept) return plainSpaces(formatter(locale, style).format(noonUtc(date)));
  return writePattern(kept.patterns[style], namesOf(kept, style), parseIsoDate(date));
}

/** A range in a style, the same way. Equal dates are one date, as Intl writes them. */
function writeRange(start: IsoDate, end: IsoDate, locale: string, style: RangeStyle): string {
  const kept = keptDates(locale);
  if (!kept) return plainSpaces(formatter(locale, style).formatRange(noonUtc(start), noonUtc(end)));
  const [a, b] = [parseIsoDate(start), parseIsoDate(end)];
  const shape = shapeOf(a, b);
  if (!shape) return write(start, locale, style);
  return writePattern(kept.ranges[style][shape], namesOf(kept, style), a, b);
}

function noonUtc(date: IsoDate): Date {
  const { year, month, day } = parseIsoDate(date);
  return new Date(Date.UTC(year, month - 1, day, 12));
}

/** True when `locale` is a BCP 47 tag this Node can format dates in ("en-US", "en-GB", "fr-CA"). */
export function isSupportedLocale(locale: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0;
  } catch {
    return false;
  }
}

/** "Friday, January 1, 2027" (en-US); `weekday: false` gives "January 1, 2027". */
export function formatDate(date: IsoDate, locale: string, options: { weekday?: boolean } = {}): string {
  return write(date, locale, options.weekday === false ? 'long-no-weekday' : 'long');
}

/** "January 2027" */
export function formatMonth(month: IsoMonth, locale: string): string {
  return write(`${month}-01`, locale, 'month');
}

/** "Jan 1" (en-US), "1 Jan" (en-GB): for dense lists such as announcements. */
export function formatShortDate(date: IsoDate, locale: string): string {
  return write(date, locale, 'short');
}

/** "December 2026" for a whole month, else "December 1 – 14, 2026" / "December 15, 2026 – January 10, 2027". */
export function formatSpan(start: IsoDate, end: IsoDate, locale: string): string {
  if (start.endsWith('-01') && end === lastDayOfMonth(monthOf(start)))
    return formatMonth(monthOf(start), locale);
  return writeRange(start, end, locale, 'long-no-weekday');
}

/** "Dec 1 – 14" for part of a month in a dense list. */
export function formatShortSpan(start: IsoDate, end: IsoDate, locale: string): string {
  return writeRange(start, end, locale, 'short');
}

export interface FoundDate {
  /** Where the date's text starts and ends in the searched text. */
  start: number;
  end: number;
  date: IsoDate;
}

const finders = new Map<string, { pattern: RegExp; read: (m: RegExpExecArray) => IsoDate | null }>();

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Finds the long dates `formatDate` wrote into a text (with or without the weekday), so a
 * renderer can turn them into the platform's own date tokens. The pattern is derived from the
 * locale's own format, so it follows whatever order and words that locale uses.
 */
export function findDates(text: string, locale: string): FoundDate[] {
  const finder = finderFor(locale);
  const out: FoundDate[] = [];
  finder.pattern.lastIndex = 0;
  for (let m = finder.pattern.exec(text); m; m = finder.pattern.exec(text)) {
    const date = finder.read(m);
    if (date) out.push({ start: m.index, end: m.index + m[0].length, date });
  }
  return out;
}

/** How the locale writes a long date: the kept pattern, or Intl's own parts of a sample date. */
function longDate(locale: string): { pattern: Pattern; months: string[]; weekdays: string[] } {
  const kept = keptDates(locale);
  if (kept) return { pattern: kept.patterns.long, ...namesOf(kept, 'long') };
  const long = formatter(locale, 'long');
  const known = new Set(['literal', 'weekday', 'month', 'day', 'year']);
  return {
    pattern: patternOf(
      long.formatToParts(new Date(Date.UTC(2027, 0, 1, 12))).filter((p) => known.has(p.type)),
    )!,
    ...namesIn(long),
  };
}

function finderFor(locale: string) {
  let finder = finders.get(locale);
  if (finder) return finder;
  const { pattern: parts, months: monthNames, weekdays: weekdayNames } = longDate(locale);
  // The long date's parts, in the locale's order, each replaced by what it may be.
  const groups: string[] = [];
  let source = '';
  parts.forEach((part, i) => {
    const next = parts[i + 1];
    const previous = parts[i - 1];
    if ('literal' in part) {
      if (!(previous && 'field' in previous && previous.field === 'weekday'))
        source += escapeRegex(part.literal);
    } else if (part.field === 'weekday') {
      // The weekday and the literal after it (", " in en-US) are optional together.
      const after = next && 'literal' in next ? escapeRegex(next.literal) : '';
      source += `(?:(?:${weekdayNames.map(escapeRegex).join('|')})${after})?`;
    } else if (part.field === 'month') {
      groups.push('month');
      source += `(${monthNames.map(escapeRegex).join('|')})`;
    } else if (part.field === 'day') {
      groups.push('day');
      source += '(\\d{1,2})';
    } else {
      groups.push('year');
      source += '(\\d{4})';
    }
  });
  const pattern = new RegExp(source, 'gu');
  finder = {
    pattern,
    read: (m) => {
      const at = (g: string) => m[groups.indexOf(g) + 1]!;
      const month = monthNames.indexOf(at('month')) + 1;
      const date = `${at('year')}-${String(month).padStart(2, '0')}-${at('day').padStart(2, '0')}`;
      return isValidIsoDate(date) ? date : null;
    },
  };
  finders.set(locale, finder);
  return finder;
}
