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

type Style = 'long' | 'long-no-weekday' | 'month' | 'short';

const STYLES: Record<Style, Intl.DateTimeFormatOptions> = {
  long: { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' },
  'long-no-weekday': { year: 'numeric', month: 'long', day: 'numeric' },
  month: { year: 'numeric', month: 'long' },
  short: { month: 'short', day: 'numeric' },
};

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

/** ICU puts thin and narrow no-break spaces around range dashes; plain spaces read the same everywhere. */
const plain = (s: string) => s.replace(/[\u2009\u202f]/g, ' ');

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
  return plain(
    formatter(locale, options.weekday === false ? 'long-no-weekday' : 'long').format(noonUtc(date)),
  );
}

/** "January 2027" */
export function formatMonth(month: IsoMonth, locale: string): string {
  return plain(formatter(locale, 'month').format(noonUtc(`${month}-01`)));
}

/** "Jan 1" (en-US), "1 Jan" (en-GB): for dense lists such as announcements. */
export function formatShortDate(date: IsoDate, locale: string): string {
  return plain(formatter(locale, 'short').format(noonUtc(date)));
}

/** "December 2026" for a whole month, else "December 1 – 14, 2026" / "December 15, 2026 – January 10, 2027". */
export function formatSpan(start: IsoDate, end: IsoDate, locale: string): string {
  if (start.endsWith('-01') && end === lastDayOfMonth(monthOf(start)))
    return formatMonth(monthOf(start), locale);
  return plain(formatter(locale, 'long-no-weekday').formatRange(noonUtc(start), noonUtc(end)));
}

/** "Dec 1 – 14" for part of a month in a dense list. */
export function formatShortSpan(start: IsoDate, end: IsoDate, locale: string): string {
  return plain(formatter(locale, 'short').formatRange(noonUtc(start), noonUtc(end)));
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

function finderFor(locale: string) {
  let finder = finders.get(locale);
  if (finder) return finder;
  const long = formatter(locale, 'long');
  const monthNames = Array.from(
    { length: 12 },
    (_, i) =>
      formatter(locale, 'long')
        .formatToParts(new Date(Date.UTC(2027, i, 1, 12)))
        .find((p) => p.type === 'month')!.value,
  );
  const weekdayNames = Array.from(
    { length: 7 },
    (_, i) =>
      long.formatToParts(new Date(Date.UTC(2027, 0, 3 + i, 12))).find((p) => p.type === 'weekday')!.value,
  );
  // A sample date's parts, in the locale's order, each replaced by what it may be.
  const parts = long.formatToParts(new Date(Date.UTC(2027, 0, 1, 12)));
  const groups: string[] = [];
  let source = '';
  parts.forEach((part, i) => {
    if (part.type === 'weekday') {
      // The weekday and the literal after it (", " in en-US) are optional together.
      const next = parts[i + 1]?.type === 'literal' ? escapeRegex(parts[i + 1]!.value) : '';
      source += `(?:(?:${weekdayNames.map(escapeRegex).join('|')})${next})?`;
    } else if (part.type === 'literal') {
      if (parts[i - 1]?.type !== 'weekday') source += escapeRegex(part.value);
    } else if (part.type === 'month') {
      groups.push('month');
      source += `(${monthNames.map(escapeRegex).join('|')})`;
    } else if (part.type === 'day') {
      groups.push('day');
      source += '(\\d{1,2})';
    } else if (part.type === 'year') {
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
