import { describe, expect, it } from 'vitest';
import { ask, schedule } from '../helpers.js';

/* Rotations counted from now: "after next" and "before last" are two steps, not one. */

const HARPER = 'harper.exampleton@example.edu';
const AVERY = 'avery.samplewood@example.edu';
// Wednesday, December 2, 2026.
const now = new Date('2026-12-02T15:00:00Z');

/** The resident's rotation label in a month of the sample schedule. */
const labelIn = (email: string, month: string) =>
  schedule.byEmail(email)!.blocks.find((b) => b.start.startsWith(month))!.label;

describe('counted rotations', () => {
  it('the rotation after next skips the next change and any run of the same rotation', () => {
    // Avery: IR in December and January, the VA in February, IR again from March.
    expect([labelIn(AVERY, '2027-01'), labelIn(AVERY, '2027-02'), labelIn(AVERY, '2027-03')]).toEqual([
      'IR',
      'IR-VA',
      'IR',
    ]);
    for (const q of ["what's my rotation after next?", 'what am I on after the next one?']) {
      const a = ask(q, { as: AVERY, now });
      expect(a.text).toMatch(
        /^Your rotation after next is Interventional Radiology at Duke University Medical Center \(March 2027\)/,
      );
    }
  });

  it('the rotation before last is two rotations behind', () => {
    // Harper: MSK in October, Body in November, Chest now.
    expect([labelIn(HARPER, '2026-10'), labelIn(HARPER, '2026-11')]).toEqual(['DR-MSK', 'DR-Body']);
    const a = ask('what was my rotation before last?', { as: HARPER, now });
    expect(a.text).toMatch(/^Your rotation before last was Musculoskeletal Imaging.*\(October 2026\)/);
    expect(ask('what was my last rotation?', { as: HARPER, now }).text).toContain('Abdominal Imaging');
  });

  it('a month or a week so counted is a date', () => {
    expect(ask('what was I on the month before last?', { as: HARPER, now }).text).toMatch(
      /^In October 2026 you were on Musculoskeletal Imaging/,
    );
    expect(ask('what am I on the month after next?', { as: AVERY, now }).text).toMatch(/^In February 2027/);
    expect(ask('where was I the week before last?', { as: AVERY, now }).text).toMatch(
      /^On Wednesday, November 18, 2026/,
    );
  });
});
