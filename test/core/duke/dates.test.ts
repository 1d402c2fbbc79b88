import { describe, expect, it } from 'vitest';
import { type DateContext, type DateRef, parseDates } from '../../../src/core/dates.js';
import { localDate } from '../../../src/time/local-date.js';

const ctx = (today: string, past = false): DateContext => ({
  today,
  academicYearStartMonth: 7,
  locale: 'en-US',
  past,
});
const first = (text: string, c: DateContext): DateRef | undefined => parseDates(text, c).refs[0];
const month = (text: string, c: DateContext) => {
  const ref = first(text, c);
  return ref?.kind === 'month' ? ref.month : ref;
};
const day = (text: string, c: DateContext) => {
  const ref = first(text, c);
  return ref?.kind === 'day' ? ref.date : ref;
};

describe('date words in the program time zone', () => {
  it('reads an instant as the calendar date in Durham, not UTC', () => {
    // 23:30 on 30 November in Durham is 04:30 UTC on 1 December.
    expect(localDate(new Date('2026-12-01T04:30:00Z'), 'America/New_York')).toBe('2026-11-30');
    expect(localDate(new Date('2026-12-01T05:00:00Z'), 'America/New_York')).toBe('2026-12-01');
    // Across the spring-forward and fall-back changes.
    expect(localDate(new Date('2027-03-14T06:59:00Z'), 'America/New_York')).toBe('2027-03-14');
    expect(localDate(new Date('2026-11-01T04:30:00Z'), 'America/New_York')).toBe('2026-11-01');
    expect(localDate(new Date('2026-11-01T03:30:00Z'), 'America/New_York')).toBe('2026-10-31');
  });

  it('reads an academic year written as two years, and a season of a given year', () => {
    const range = (text: string, c: DateContext) => {
      const ref = first(text, c);
      return ref?.kind === 'range' ? [ref.from, ref.to] : ref;
    };
    const today = ctx('2026-12-01');
    for (const text of ['2026-27', '2026–2027', 'the 2026/27 academic year', 'AY 26-27', 'ay 2026-27'])
      expect(range(`what am I on in ${text}?`, today), text).toEqual(['2026-07-01', '2027-06-30']);
    expect(range('what was I on in 2025-26', today)).toEqual(['2025-07-01', '2026-06-30']);
    // Two years that do not follow each other, or a month, are no academic year.
    expect(month('what am I on in 2027-01', today)).toBe('2027-01');
    expect(range('what was I on in 2025-27', today)).not.toEqual(['2025-07-01', '2026-06-30']);
    // A season of a year is that year's, whatever today is.
    expect(range('what was avery on in the fall of 2025', today)).toEqual(['2025-09-01', '2025-11-30']);
    expect(range('spring 2026', today)).toEqual(['2026-03-01', '2026-05-31']);
    expect(range("winter '26", today)).toEqual(['2026-12-01', '2027-02-28']);
    expect(first('spring 2026', today)?.label).toBe('spring 2026');
  });

  it('reads the end or start of the year, calendar or academic, as that day', () => {
    const today = ctx('2026-12-01');
    expect(day('what am I on at the end of the year?', today)).toBe('2026-12-31');
    expect(day('what am I on at the end of the academic year?', today)).toBe('2027-06-30');
    expect(day('what am I on at the start of next year?', today)).toBe('2027-01-01');
    expect(day('who is on IR at the beginning of the academic year?', today)).toBe('2026-07-01');
  });

  it('gives two months the year written after the second', () => {
    const months = (text: string) =>
      parseDates(text, ctx('2026-12-01')).refs.map((r) => (r.kind === 'month' ? r.month : r.kind));
    expect(months('is Blair at the VA in September or October 2026?')).toEqual(['2026-09', '2026-10']);
    expect(months("what was I on in March and April '26")).toEqual(['2026-03', '2026-04']);
    expect(months('Feb, March or May 2027')).toContain('2027-03');
  });

  it('reads "the week after next" as two weeks from today, not next month', () => {
    expect(day("who's on IR the week after next", ctx('2026-12-01'))).toBe('2026-12-15');
    expect(day('what am I doing the week after next?', ctx('2026-12-28'))).toBe('2027-01-11');
  });

  it('moves relative months across the year boundary', () => {
    expect(month('next month', ctx('2026-12-31'))).toBe('2027-01');
    expect(month('last month', ctx('2027-01-01'))).toBe('2026-12');
    expect(month('this month', ctx('2026-11-30'))).toBe('2026-11');
    expect(month('the month after next', ctx('2026-11-30'))).toBe('2027-01');
    expect(month('in 3 months', ctx('2026-11-15'))).toBe('2027-02');
  });

  it('moves relative days across month and year ends', () => {
    expect(day('tomorrow', ctx('2026-12-31'))).toBe('2027-01-01');
    expect(day('yesterday', ctx('2027-03-01'))).toBe('2027-02-28');
    expect(day('today', ctx('2026-11-28'))).toBe('2026-11-28');
    expect(day('in two weeks', ctx('2026-12-25'))).toBe('2027-01-08');
  });

  it('places a month without a year at its next occurrence, or its last one in the past tense', () => {
    expect(month('in March', ctx('2026-11-28'))).toBe('2027-03');
    expect(month('march', ctx('2026-11-28', true))).toBe('2026-03');
    expect(month('in November', ctx('2026-11-28'))).toBe('2026-11');
    expect(month('last july', ctx('2026-11-28'))).toBe('2026-07');
    expect(month('next july', ctx('2026-11-28'))).toBe('2027-07');
    expect(month('in may', ctx('2026-11-28'))).toBe('2027-05');
    expect(month('mar 2027', ctx('2026-11-28'))).toBe('2027-03');
    expect(month("sept '26", ctx('2027-01-01'))).toBe('2026-09');
    expect(month('2027-02', ctx('2026-11-28'))).toBe('2027-02');
  });

  it('does not read the verb "may" as a month', () => {
    expect(parseDates('may i ask who is on icu', ctx('2026-11-28')).refs).toEqual([]);
  });

  it('reads named and numeric dates, US order for slashes', () => {
    expect(day('Dec 15', ctx('2026-11-28'))).toBe('2026-12-15');
    expect(day('december 15th', ctx('2026-12-20'))).toBe('2027-12-15');
    expect(day('the 15th of december', ctx('2026-11-28'))).toBe('2026-12-15');
    expect(day('15 jan 2027', ctx('2026-11-28'))).toBe('2027-01-15');
    expect(day('1/10/2027', ctx('2026-11-28'))).toBe('2027-01-10');
    expect(day('1/10/27', ctx('2026-11-28'))).toBe('2027-01-10');
    expect(day('2027-01-10', ctx('2026-11-28'))).toBe('2027-01-10');
    expect(day('on 2/3', ctx('2026-11-28'))).toBe('2027-02-03');
    expect(parseDates('2/30/2027', ctx('2026-11-28')).refs).toEqual([]);
  });

  it('reads weekdays as the next one to come', () => {
    // 2026-11-28 is a Saturday.
    expect(day('on monday', ctx('2026-11-28'))).toBe('2026-11-30');
    expect(day('next saturday', ctx('2026-11-28'))).toBe('2026-12-05');
    expect(day('last friday', ctx('2026-11-28'))).toBe('2026-11-27');
  });

  it('reads "this year" and "the rest of the year" as the academic year, July to June', () => {
    expect(first('this year', ctx('2026-11-28'))).toMatchObject({
      kind: 'range',
      from: '2026-07-01',
      to: '2027-06-30',
    });
    expect(first('this year', ctx('2026-06-30'))).toMatchObject({ from: '2025-07-01', to: '2026-06-30' });
    expect(first('next year', ctx('2027-03-01'))).toMatchObject({ from: '2027-07-01', to: '2028-06-30' });
    expect(first('the rest of the year', ctx('2026-11-28'))).toMatchObject({
      from: '2026-11-28',
      to: '2027-06-30',
    });
  });

  it('leaves training-year words alone', () => {
    expect(parseDates('what is the 4th year like', ctx('2026-11-28')).refs).toEqual([]);
    expect(parseDates('the last year of residency', ctx('2026-11-28')).refs).toEqual([]);
  });

  it('blanks the date out of the rest of the text', () => {
    const { rest } = parseDates('who is at the va in march', ctx('2026-11-28'));
    expect(rest.trim().split(/\s+/)).toEqual(['who', 'is', 'at', 'the', 'va', 'in']);
  });
});

describe('a month named without a year, beyond the schedule', () => {
  // December 2, 2026; the schedule runs to June 30, 2027.
  const scheduled = { ...ctx('2026-12-02'), scheduledUntil: '2027-06-30' };

  it("is this academic year's when next year's is not scheduled", () => {
    expect(month('what am I on in October?', scheduled)).toBe('2026-10');
    expect(month('am i at the VA in november?', scheduled)).toBe('2026-11');
    // Five months back is not just gone: "July" in December is the one to come.
    expect(month('am i on surg onc in july', scheduled)).toBe('2027-07');
    expect(day('where am I on October 15?', scheduled)).toBe('2026-10-15');
  });

  it('is the next one to come when it is scheduled, or when "next" is said', () => {
    expect(month('what am I on in March?', scheduled)).toBe('2027-03');
    expect(month('what am I on next October?', scheduled)).toBe('2027-10');
    expect(month('where am I next july', scheduled)).toBe('2027-07');
    // Without a schedule to go by, the next one to come, as always.
    expect(month('what am I on in October?', ctx('2026-12-02'))).toBe('2027-10');
  });

  it('is the nearer of the two, and never before this academic year', () => {
    // In June, "July" is next month, unscheduled yet: not the July eleven months ago.
    const june = { ...ctx('2027-06-10'), scheduledUntil: '2027-06-30' };
    expect(month('what am I on in July?', june)).toBe('2027-07');
    expect(month('what was I on in May?', june)).toBe('2027-05');
    // In August 2026 a June is ahead of it, in this academic year, and scheduled.
    expect(month('what am I on in June?', { ...ctx('2026-08-10'), scheduledUntil: '2027-06-30' })).toBe(
      '2027-06',
    );
    // In July 2026 last year's months are another academic year: not taken.
    expect(month('what am I on in May?', { ...ctx('2026-07-05'), scheduledUntil: '2026-06-30' })).toBe(
      '2027-05',
    );
  });
});
