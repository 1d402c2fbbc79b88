import { describe, expect, it } from 'vitest';
import { splitQuestions } from '../../../src/core/clauses.js';
import type { Block } from '../../../src/schedule/types.js';
import type { IsoDate } from '../../../src/time/local-date.js';
import { ask, knowledge, lexicon, NOW, schedule } from '../helpers.js';

const CASEY = 'casey.demoreaux@example.edu';
const AVERY = 'avery.samplewood@example.edu';
const TODAY = '2026-11-28' as IsoDate;
const groupOf = (b: Block) => knowledge.rotations.find((r) => r.id === b.rotationId)?.group;
const siteOf = (b: Block) => knowledge.rotations.find((r) => r.id === b.rotationId)?.site;
const blocksOf = (email: string) => schedule.byEmail(email)!.blocks;

describe('exclusions: "non-IR", "except", "other than", "that isn’t"', () => {
  it.each([
    'whats my next non-IR rotation',
    'when is my next rotation that isn’t IR',
    'my next rotation other than IR',
  ])('%s → the next block that is not IR', (text) => {
    const a = ask(text, { as: CASEY, now: NOW });
    const current = schedule.blockOn(schedule.byEmail(CASEY)!, TODAY);
    const next = blocksOf(CASEY).find(
      (b) => b.start > TODAY && groupOf(b) !== 'ir' && b.rotationId !== current?.rotationId,
    )!;
    expect(a.factIds).toContain(next.source);
    expect(a.frames![0]!.exclusions.map((s) => s.id)).toContain('ir');
  });

  it('who is on IR in a month except at a site: nobody at that site is listed', () => {
    const a = ask('who is on IR in March except the VA?', { now: NOW });
    const expected = schedule
      .assignmentsInMonth('2027-03' as never)
      .filter((x) => groupOf(x.block) === 'ir' && siteOf(x.block) !== 'durham-va');
    expect(a.items ?? []).toHaveLength(expected.length);
    for (const x of expected) expect(a.items!.join('\n')).toContain(x.resident.name);
    expect(a.items!.join('\n')).not.toMatch(/Durham VA/);
  });
});

describe('quantifiers over several subjects', () => {
  const tips = knowledge.procedures.some((p) => p.id === 'tips');
  const biopsies = !knowledge.exclusions.some((x) => x.id === 'biopsies');
  it('computes one verdict from each subject’s fact and the quantifier', () => {
    expect(tips).not.toBe(biopsies); // the facts differ, so the quantifier decides
    expect(ask('does IR do TIPS and biopsies?').verdict).toBe('partly');
    expect(ask('does IR do both TIPS and biopsies?').verdict).toBe('no');
    expect(ask('does IR do either TIPS or biopsies?').verdict).toBe('yes');
    expect(ask('does IR do both TIPS and biopsies?').frames![0]!.quantifier).toBe('both');
  });
});

describe('list filters', () => {
  it('"which months am I on IR?" lists every IR block, past ones marked done', () => {
    const a = ask('which months am I on IR?', { as: CASEY, now: NOW });
    const ir = blocksOf(CASEY).filter((b) => groupOf(b) === 'ir');
    expect(a.items).toHaveLength(ir.length);
    expect(a.items!.filter((i) => i.endsWith('(done)'))).toHaveLength(ir.filter((b) => b.end < TODAY).length);
  });

  it('"my DR rotations this year" lists only the DR blocks of the academic year', () => {
    const a = ask('what are my DR rotations this year?', { as: CASEY, now: NOW });
    const dr = blocksOf(CASEY).filter(
      (b) => groupOf(b) === 'dr' && b.start >= '2026-07-01' && b.start <= '2027-06-30',
    );
    expect(a.items).toHaveLength(dr.length);
    for (const b of dr) expect(a.factIds).toContain(b.source);
  });
});

describe('two questions in one message', () => {
  it('splits at a question mark and at "and" before a question word, not inside one question', () => {
    expect(splitQuestions('does IR do TIPS? is the VA far?', lexicon)).toEqual([
      'does IR do TIPS?',
      'is the VA far?',
    ]);
    expect(splitQuestions('who is on ICU in March and who is at the VA?', lexicon)).toEqual([
      'who is on ICU in March',
      'who is at the VA?',
    ]);
    expect(splitQuestions('who is on ICU in March and April?', lexicon)).toHaveLength(1);
    expect(splitQuestions('my patient needs a port, does IR do that', lexicon)).toHaveLength(1);
  });

  it('answers each question, in order, with a frame each', () => {
    const a = ask('does IR do TIPS? does IR do biopsies?');
    expect(a.frames).toHaveLength(2);
    expect(
      a.frames!.map(
        (f) =>
          f.subjects.find((s) => s.kind !== 'program' && s.kind !== 'group' && s.kind !== 'rotation')?.id,
      ),
    ).toEqual(['tips', 'biopsies']);
    const [first, second] = a.text.split('\n\n');
    expect(first).toMatch(/^Yes — /);
    expect(a.text).toMatch(/\n\nNo — /);
    expect(second).toBeDefined();
  });

  it('a schedule question and a procedure question both get their facts', () => {
    const a = ask('does IR do y90 and who is on ICU in March?', { now: NOW });
    expect(a.factIds).toContain('y90-radioembolization');
    const icu = schedule.assignmentsInMonth('2027-03' as never).filter((x) => groupOf(x.block) === 'icu');
    for (const x of icu) expect(a.text + (a.items ?? []).join('\n')).toContain(x.resident.name);
  });
});

describe('past-only blocks', () => {
  const icu = blocksOf(AVERY).filter((b) => groupOf(b) === 'icu');
  it('"when is my next ICU month?" after the last one: when it was and how far the schedule runs', () => {
    expect(icu.every((b) => b.end < TODAY)).toBe(true);
    const a = ask('when is my next ICU month?', { as: AVERY, now: NOW });
    expect(a.factIds).toContain(icu[icu.length - 1]!.source);
    expect(a.text).toMatch(/last ICU block was/);
    expect(a.text).toMatch(/schedule runs/);
  });

  it('"when was my ICU month?" answers in the past tense', () => {
    const a = ask('when was my ICU month?', { as: AVERY, now: NOW });
    expect(a.text).toMatch(/\bwere\b/);
    expect(a.factIds).toContain(icu[icu.length - 1]!.source);
  });
});
