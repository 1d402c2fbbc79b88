import { describe, expect, it } from 'vitest';
import type { Frame } from '../../../src/core/frame.js';
import { ask } from '../helpers.js';

const CASEY = 'casey.demoreaux@example.edu';

function frameOf(text: string, as?: string): Frame {
  const frames = ask(text, { as }).frames ?? [];
  expect(frames.length).toBeGreaterThan(0);
  return frames[0]!;
}

const ids = (f: Frame, kind: string) => f.subjects.filter((s) => s.kind === kind).map((s) => s.id);

/* What was understood, part by part, for a representative question of every family (not the answer's wording). */
describe('a frame for every family of question', () => {
  it('procedure: does the division do it', () => {
    const f = frameOf('does IR do TIPS?');
    expect(f).toMatchObject({ intent: 'procedure.does', asks: 'does', yesNo: true, polarity: 'positive' });
    expect(ids(f, 'procedure')).toEqual(['tips']);
    expect(f.unplaced).toEqual([]);
  });

  it('procedure: who does it', () => {
    const f = frameOf('who does biopsies?');
    expect(f).toMatchObject({ intent: 'procedure.who', asks: 'who', yesNo: false });
    expect(ids(f, 'exclusion')).toEqual(['biopsies']);
  });

  it('category: what is in it', () => {
    const f = frameOf('which oncologic procedures does IR do?');
    expect(f.intent).toBe('category.list');
    expect(ids(f, 'category').length).toBe(1);
  });

  it("schedule: the asker's next block of a rotation", () => {
    const f = frameOf('when is my next ICU month?', CASEY);
    expect(f).toMatchObject({ intent: 'schedule.mine', asks: 'when', personal: true });
    expect(ids(f, 'group')).toEqual(['icu']);
    expect(f.aspects).toContain('next');
    expect(f.time).toEqual([]);
  });

  it('schedule: who is at a site in a month', () => {
    const f = frameOf('who is at the VA in March?');
    expect(f).toMatchObject({ intent: 'schedule.who', asks: 'who', personal: false });
    expect(ids(f, 'site')).toEqual(['durham-va']);
    expect(f.time).toEqual([expect.objectContaining({ kind: 'month' })]);
    expect((f.time[0] as { month: string }).month).toMatch(/-03$/);
  });

  it('schedule: a colleague named, with candidates by name and level only', () => {
    const f = frameOf('what is Avery on in March?', CASEY);
    expect(f.intent).toBe('schedule.person');
    expect(f.people).toHaveLength(1);
    expect(f.people[0]!.candidates[0]).toMatch(/^Avery \w+ \(R\d\)$/);
    expect(JSON.stringify(f)).not.toMatch(/@/);
  });

  it('training: a stated count is a number of the frame', () => {
    const f = frameOf('does R4 have two research months?');
    expect(f).toMatchObject({ intent: 'training', yesNo: true });
    expect(ids(f, 'year')).toEqual(['r4']);
    expect(f.numbers).toEqual([2]);
  });

  it('training: a quantifier over a year', () => {
    const f = frameOf('is the R4 year all IR?');
    expect(f).toMatchObject({ intent: 'training', asks: 'is-it', quantifier: 'all' });
  });

  it('program: a negated claim asked back has negative polarity', () => {
    const f = frameOf("IR doesn't treat kids, right?");
    expect(f).toMatchObject({ intent: 'program.patients', yesNo: true, polarity: 'negative', negated: true });
    expect(ids(f, 'topic')).toEqual(['patients']);
  });

  it('site: a property of a site', () => {
    const f = frameOf('is the VA far?');
    expect(f).toMatchObject({ intent: 'program.site', asks: 'is-it' });
    expect(ids(f, 'site')).toEqual(['durham-va']);
  });

  it('rotation: described', () => {
    const f = frameOf('what is the ICU rotation like?');
    expect(f).toMatchObject({ intent: 'rotation.info', asks: 'describe' });
  });

  it('an excluded subject is an exclusion, not a subject', () => {
    const f = frameOf('whats my next non-IR rotation', CASEY);
    expect(f.exclusions.map((s) => s.id)).toContain('ir');
    expect(ids(f, 'group')).not.toContain('ir');
  });

  it('words it could not place are kept, in the user’s words', () => {
    const f = frameOf('what is the dress code?');
    expect(f.unplaced).toEqual(['dress', 'code']);
  });

  it('conversation: greeting, thanks and help', () => {
    expect(frameOf('hi').asks).toBe('greet');
    expect(frameOf('thanks!').asks).toBe('thank');
    expect(frameOf('help').asks).toBe('help');
  });
});
