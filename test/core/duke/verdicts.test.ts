import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../src/time/local-date.js';
import { ask, knowledge, NOW, schedule } from '../helpers.js';

const CASEY = 'casey.demoreaux@example.edu';
const casey = schedule.byEmail(CASEY)!;
const groupOn = (date: string) => {
  const b = schedule.blockOn(casey, date as IsoDate);
  return b?.rotationId ? knowledge.rotations.find((r) => r.id === b.rotationId)?.group : undefined;
};
const anyoneOn = (month: string, test: (r: { site?: string; group: string }) => boolean) =>
  schedule.assignmentsInMonth(month as never).some((a) => {
    const r = knowledge.rotations.find((x) => x.id === a.block.rotationId);
    return r !== undefined && test(r);
  });
const va = knowledge.program.sites.find((s) => s.id === 'durham-va')!;
const vaNear = /across the street/.test(va.description);
const r4 = knowledge.training.years.find((y) => y.level === 'R4')!;
const r4Months = (group: string) => r4.months.find((m) => m.group === group)?.months ?? 0;
const yn = (b: boolean) => (b ? 'yes' : 'no');

/** The verdict of each yes/no family, against the facts it is computed from (true, false, undecided). */
const TABLE: Array<{ text: string; as?: string; verdict: string }> = [
  // procedures: listed, excluded, not listed at all
  { text: 'does IR do TIPS?', verdict: yn(knowledge.procedures.some((p) => p.id === 'tips')) },
  { text: 'does IR do biopsies?', verdict: yn(!knowledge.exclusions.some((x) => x.id === 'biopsies')) },
  { text: 'does IR do varicocele embolization?', verdict: 'unknown' },
  // the asker's schedule: on it, not on it, a month the schedule does not cover
  { text: 'am I on ICU this month?', as: CASEY, verdict: yn(groupOn('2026-11-15') === 'icu') },
  { text: 'am I on ICU in March?', as: CASEY, verdict: yn(groupOn('2027-03-15') === 'icu') },
  { text: 'am I on ICU in September 2027?', as: CASEY, verdict: 'unknown' },
  // who is on: someone, nobody
  { text: 'is anyone at the VA in March?', verdict: yn(anyoneOn('2027-03', (r) => r.site === 'durham-va')) },
  { text: 'is anyone on ICU in july 2026?', verdict: yn(anyoneOn('2026-07', (r) => r.group === 'icu')) },
  // training years: a quantifier, a stated count, a stated length
  { text: 'is the R4 year all IR?', verdict: yn(r4Months('ir') === 12) },
  { text: 'does R4 have two research months?', verdict: yn(r4Months('research') === 2) },
  { text: 'does R4 have one research month?', verdict: yn(r4Months('research') === 1) },
  { text: 'is the residency 5 years?', verdict: yn(knowledge.training.residency.length_years === 5) },
  { text: 'is the residency 4 years?', verdict: yn(knowledge.training.residency.length_years === 4) },
  // options: a group the option concerns, and one it does not mention (undecided, never a guess)
  { text: 'is the elective optional in R4?', verdict: yn(r4.optional_groups.includes('elective')) },
  { text: 'is R4 research optional?', verdict: r4.optional_groups.includes('research') ? 'yes' : 'unknown' },
  // patients: a fact, its negation asked back, a separate division
  { text: 'does IR treat kids?', verdict: yn(knowledge.program.patients.pediatric) },
  { text: "IR doesn't treat kids, right?", verdict: yn(!knowledge.program.patients.pediatric) },
  { text: "is it true IR doesn't treat kids?", verdict: yn(!knowledge.program.patients.pediatric) },
  // a claim put with "is it true": Yes when the claim holds
  {
    text: "is it true IR doesn't do biopsies?",
    verdict: yn(knowledge.exclusions.some((x) => x.id === 'biopsies')),
  },
  {
    text: "is it true that IR doesn't do TIPS?",
    verdict: yn(!knowledge.procedures.some((p) => p.id === 'tips')),
  },
  { text: 'is it true that IR does TIPS?', verdict: yn(knowledge.procedures.some((p) => p.id === 'tips')) },
  {
    text: "isn't it true that IR does TIPS?",
    verdict: yn(knowledge.procedures.some((p) => p.id === 'tips')),
  },
  { text: 'are adult and pediatric IR separate?', verdict: yn(!knowledge.program.patients.unified) },
  // a site: near is in its description; "part of Duke" is not decided by anything
  { text: 'is the VA close?', verdict: yn(vaNear) },
  { text: 'is the VA far?', verdict: yn(!vaNear) },
  { text: 'is the VA part of Duke?', verdict: 'unknown' },
  // not a yes/no question
  { text: 'who is at the VA in March?', verdict: 'none' },
];

describe('verdicts are computed from the facts and rendered once', () => {
  it.each(TABLE)('$text → $verdict', ({ text, as, verdict }) => {
    const a = ask(text, { as, now: NOW });
    expect(a.verdict).toBe(verdict);
    // The text says the same, first: "Yes — " / "No — ", and neither when undecided.
    if (verdict === 'yes') expect(a.text).toMatch(/^Yes — /);
    else if (verdict === 'no') expect(a.text).toMatch(/^No — /);
    else expect(a.text).not.toMatch(/^(Yes|No)\b/);
  });
});

describe('a figure stated in a yes/no question is checked against the data’s', () => {
  const perMonth = knowledge.program.volume.procedures_per_month;
  const site = knowledge.program.sites[0]!.name;
  it.each([
    [`does IR do ${perMonth} procedures a month?`, 'yes'],
    [`does IR do ${perMonth + 100} procedures a month?`, 'no'],
    [`does IR do ${perMonth - 100} procedures a month?`, 'no'],
    [`does IR do more than ${perMonth - 200} procedures a month?`, 'yes'],
    [`does IR do more than ${perMonth + 200} procedures a month?`, 'no'],
    [`does IR do fewer than ${perMonth + 200} procedures a month?`, 'yes'],
    [`does IR do ${(perMonth * 12).toLocaleString('en-US')} procedures a year?`, 'yes'],
    [`does IR do ${perMonth} procedures a year?`, 'no'],
    // The figure is a month's, for the whole division: a day's, or one site's, is not known.
    [`does IR do 30 procedures a day?`, 'unknown'],
    // "Approximately" decides neither "at least" nor "at most" the figure itself.
    [`does IR do at least ${perMonth} procedures a month?`, 'unknown'],
    [`does IR do at most ${perMonth} procedures a month?`, 'unknown'],
    // A level's digits are no figure, and the division's total is not one year's residents'.
    [`do the R4s see ${perMonth} procedures a month?`, 'unknown'],
    [`does IR do ${perMonth} procedures a month at ${site}?`, 'unknown'],
  ])('%s → %s', (q, expected) => {
    const a = ask(q);
    expect(a.intent).toBe('program.volume');
    expect(a.verdict).toBe(expected);
    expect(a.text).toContain(knowledge.program.volume.text);
  });
});
