import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, formatMonth, formatShortSpan, formatSpan } from '../../src/time/format-date.js';
import {
  dataVersions,
  datePatternsOf,
  forgetIntl,
  intlMemoOf,
  intlOffset,
  keptDates,
  keptOffset,
  offsetFormat,
  plainSpaces,
  rememberIntl,
  STYLES,
  type Style,
  zoneOffsetsOf,
} from '../../src/time/intl-memo.js';
import { localDate, offsetAt } from '../../src/time/local-date.js';

/**
 * What Intl answers for a program's zone and locale, kept so later runs need not load ICU's
 * locales: kept answers must be Intl's own, for dates the check at build time never saw too.
 */
afterEach(() => forgetIntl());

/** A spread of days over thirty years, not the year the patterns were checked on. */
function days(): Array<{ iso: string; noon: Date }> {
  const out = [];
  for (let t = Date.UTC(2010, 0, 1); t < Date.UTC(2040, 0, 1); t += 86_400_000 * 11 + 3_600_000) {
    const d = new Date(t);
    const iso = d.toISOString().slice(0, 10);
    out.push({ iso, noon: new Date(`${iso}T12:00:00Z`) });
  }
  return out;
}

describe('kept date patterns', () => {
  it.each(['en-US', 'en-GB', 'en-AU', 'fr-FR', 'de-DE', 'es-MX', 'pt-BR', 'nl-NL', 'pl-PL', 'ru-RU'])(
    '%s: write every style and range exactly as Intl does',
    (locale) => {
      const patterns = datePatternsOf(locale);
      expect(patterns).toBeDefined();
      const intl = (style: Style) => new Intl.DateTimeFormat(locale, { ...STYLES[style], timeZone: 'UTC' });
      const all = days();
      const expected = all.map(({ noon }) => ({
        long: plainSpaces(intl('long').format(noon)),
        month: plainSpaces(intl('month').format(noon)),
      }));
      const spans = all.slice(0, -40).flatMap(({ iso, noon }, i) =>
        [1, 3, 40].map((step) => {
          const end = all[i + step]!;
          return {
            start: iso,
            end: end.iso,
            long: plainSpaces(intl('long-no-weekday').formatRange(noon, end.noon)),
            short: plainSpaces(intl('short').formatRange(noon, end.noon)),
          };
        }),
      );
      rememberIntl(intlMemoOf(locale, 'UTC'));
      expect(keptDates(locale)).toBeDefined();
      all.forEach(({ iso }, i) => {
        expect(formatDate(iso, locale)).toBe(expected[i]!.long);
        expect(formatMonth(iso.slice(0, 7), locale)).toBe(expected[i]!.month);
      });
      for (const s of spans) {
        // A whole month is written as the month; any other span as Intl writes the range.
        if (!(s.start.endsWith('-01') && s.end.slice(0, 7) === s.start.slice(0, 7)))
          expect(formatSpan(s.start, s.end, locale)).toBe(s.long);
        expect(formatShortSpan(s.start, s.end, locale)).toBe(s.short);
      }
    },
  );

  it('are not kept for a locale whose dates they cannot write (other digits, other calendars)', () => {
    for (const locale of ['ar-EG', 'fa-IR']) expect(datePatternsOf(locale), locale).toBeUndefined();
  });

  it('are what formatting uses once remembered, and only for the ICU they came from', () => {
    const memo = intlMemoOf('en-US', 'America/New_York');
    const doctored = structuredClone(memo);
    doctored.dates!.months.long[0] = 'Janvember';
    rememberIntl({ ...doctored, icu: 'another ICU' });
    expect(formatDate('2027-01-01', 'en-US')).toBe('Friday, January 1, 2027');
    rememberIntl(doctored);
    expect(formatDate('2027-01-01', 'en-US')).toBe('Friday, Janvember 1, 2027');
    forgetIntl();
    expect(formatDate('2027-01-01', 'en-US')).toBe('Friday, January 1, 2027');
  });
});

describe('kept zone offsets', () => {
  const from = Date.UTC(2025, 0, 1);
  const to = Date.UTC(2031, 0, 1);

  it.each([
    'America/New_York',
    'Europe/London',
    'Australia/Lord_Howe',
    'America/Santiago',
    'Asia/Kolkata',
    'UTC',
  ])('%s: give Intl’s offset at instants all over the years kept, and the local date', (zone) => {
    const table = zoneOffsetsOf(zone, from, to)!;
    expect(table).toBeDefined();
    const format = offsetFormat(zone);
    const localFormat = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    const instants: number[] = [];
    for (let t = from; t < to; t += 3_600_000 * 37 + 61_000) instants.push(t);
    // Each side of every change, to the second.
    for (const s of table.starts.slice(1)) instants.push(s - 1000, s, s + 999);
    const expected = instants.map((t) => ({
      offset: intlOffset(t, format),
      date: localFormat.format(new Date(t)),
    }));
    rememberIntl({ ...dataVersions(), zone: table });
    instants.forEach((t, i) => {
      expect(keptOffset(zone, t), new Date(t).toISOString()).toBe(expected[i]!.offset);
      expect(offsetAt(t, zone)).toBe(expected[i]!.offset);
      // A minute apart, so the last date asked is not what answers.
      expect(localDate(new Date(t + 60_000 * (i % 2)), zone)).toBe(
        i % 2 ? localFormat.format(new Date(t + 60_000)) : expected[i]!.date,
      );
    });
  });

  it('find New York’s clock changes of 2026 to the second', () => {
    const table = zoneOffsetsOf('America/New_York', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1))!;
    expect(table.starts.slice(1).map((t) => new Date(t).toISOString())).toEqual([
      '2026-03-08T07:00:00.000Z',
      '2026-11-01T06:00:00.000Z',
    ]);
    expect(table.offsets).toEqual([-5 * 3_600_000, -4 * 3_600_000, -5 * 3_600_000]);
  });

  it('leave instants outside the years kept, and unknown zones, to Intl', () => {
    const table = zoneOffsetsOf('America/New_York', from, to)!;
    rememberIntl({ ...dataVersions(), zone: table });
    expect(keptOffset('America/New_York', from - 1)).toBeUndefined();
    expect(keptOffset('America/New_York', to)).toBeUndefined();
    expect(offsetAt(Date.UTC(2040, 6, 1), 'America/New_York')).toBe(-4 * 3_600_000);
    expect(zoneOffsetsOf('Mars/Olympus_Mons', from, to)).toBeUndefined();
  });
});
