import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answer.js';
import {
  findDates,
  formatDate,
  formatMonth,
  formatShortDate,
  formatShortSpan,
  formatSpan,
  isSupportedLocale,
} from '../../src/time/format-date.js';
import { knowledge, NOW, schedule } from '../core/helpers.js';

describe('dates in the program locale', () => {
  it('writes a US date the US way, and a British one the British way', () => {
    expect(formatDate('2027-01-01', 'en-US')).toBe('Friday, January 1, 2027');
    expect(formatDate('2027-01-01', 'en-US', { weekday: false })).toBe('January 1, 2027');
    expect(formatDate('2027-01-01', 'en-GB')).toBe('Friday, 1 January 2027');
    expect(formatMonth('2027-01', 'en-US')).toBe('January 2027');
    expect(formatShortDate('2026-12-14', 'en-US')).toBe('Dec 14');
    expect(formatShortDate('2026-12-14', 'en-GB')).toBe('14 Dec');
  });

  it('a calendar date never moves with the host time zone: the first of the month stays the first', () => {
    // Noon UTC is the same calendar day from UTC-11 to UTC+11.
    for (const date of ['2026-07-01', '2027-03-14', '2026-11-01', '2026-12-31'])
      expect(formatDate(date, 'en-US', { weekday: false })).toMatch(
        new RegExp(` ${Number(date.slice(8))}, `),
      );
  });

  it('names a whole month once, and a part of one from day to day', () => {
    expect(formatSpan('2026-12-01', '2026-12-31', 'en-US')).toBe('December 2026');
    expect(formatSpan('2026-12-01', '2026-12-14', 'en-US')).toBe('December 1 – 14, 2026');
    expect(formatSpan('2026-12-15', '2027-01-10', 'en-US')).toBe('December 15, 2026 – January 10, 2027');
    expect(formatShortSpan('2026-12-01', '2026-12-14', 'en-US')).toBe('Dec 1 – 14');
    // Plain spaces only: no thin or narrow spaces that break copy-paste and searches.
    expect(formatSpan('2026-12-01', '2026-12-14', 'en-US')).not.toMatch(/[\u2009\u202f]/);
  });

  it('finds the dates it wrote, with or without the weekday, in any supported locale', () => {
    for (const locale of ['en-US', 'en-GB', 'fr-FR', 'de-DE']) {
      const text = `From ${formatDate('2027-01-01', locale)} until ${formatDate('2027-02-28', locale, { weekday: false })}.`;
      const found = findDates(text, locale);
      expect(found.map((f) => f.date)).toEqual(['2027-01-01', '2027-02-28']);
      expect(text.slice(found[0]!.start, found[0]!.end)).toBe(formatDate('2027-01-01', locale));
    }
    // A month name and a number that are not a date are left alone.
    expect(findDates('In January 2027, 3 residents', 'en-US')).toEqual([]);
    expect(findDates('February 30, 2027', 'en-US')).toEqual([]);
  });

  it('accepts real locale tags only', () => {
    expect(isSupportedLocale('en-US')).toBe(true);
    expect(isSupportedLocale('en-GB')).toBe(true);
    expect(isSupportedLocale('english')).toBe(false);
    expect(isSupportedLocale('')).toBe(false);
  });
});

describe('answers write dates in the knowledge base locale', () => {
  const question = (locale: string) =>
    answerQuestion({
      text: 'what is my next rotation?',
      knowledge: { ...knowledge, program: { ...knowledge.program, locale } },
      schedule,
      askerEmail: 'casey.demoreaux@example.edu',
      conversation: 'private',
      now: NOW,
    }).answer.text;

  it('the shipped US program says "Tuesday, December 1, 2026"; the same data in en-GB says "Tuesday, 1 December 2026"', () => {
    expect(knowledge.program.locale).toBe('en-US');
    expect(question('en-US')).toContain('starting Tuesday, December 1, 2026');
    expect(question('en-GB')).toContain('starting Tuesday, 1 December 2026');
  });
});
