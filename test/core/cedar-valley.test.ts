import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answer.js';
import { loadKnowledge } from '../../src/knowledge/load.js';

/* Facts only Cedar Valley has (the example program): a site whose name is also a topic word. */

const knowledge = await loadKnowledge('examples/cedar-valley-dr');
const ask = (text: string) =>
  answerQuestion({ text, knowledge, conversation: 'private', now: new Date('2026-12-01T17:00:00Z') });

describe("Cedar Valley: Children's is a site as well as a word for patients", () => {
  const site = knowledge.program.sites.find((s) => /children/i.test(s.name))!;

  it('"where is Children\'s?" is the site', () => {
    const { understanding, answer } = ask("where is Children's?");
    expect(understanding.intent).toBe('program.site');
    expect(answer.factIds).toContain(site.id);
  });

  it('"do we treat children?" is still the patients', () => {
    expect(ask('do we treat children?').understanding.intent).toBe('program.patients');
  });
});

describe('Cedar Valley: its own facts, and what its files do not say', () => {
  it('a unified division is checked against its own patients: adults and children are apart', () => {
    expect(knowledge.program.patients.unified).toBe(false);
    expect(ask('does the program treat adults and kids in one unified division?').answer.verdict).toBe('no');
    expect(ask('are adults and kids treated separately?').answer.verdict).toBe('yes');
  });

  it('IR is one of its rotations, not the program: what IR does is not said', () => {
    expect(knowledge.rotations.map((r) => r.id)).toContain('ir');
    expect(knowledge.program.aliases ?? []).not.toContain('IR');
    for (const q of [
      'does IR do biopsies?',
      'does IR treat kids?',
      'how many procedures does IR do a month?',
    ]) {
      const { answer } = ask(q);
      expect(answer.text, q).toMatch(/^I can't say for Interventional Radiology/);
    }
    // The program itself does them.
    expect(ask('do we do biopsies?').answer.verdict).toBe('yes');
  });

  it('a word no list explains before an area of work makes a procedure it may not list', () => {
    const { answer } = ask('do residents do percutaneous biliary drainage?');
    expect(answer.verdict).toBe('unknown');
    expect(answer.text).toContain('“percutaneous biliary drainage”');
    expect(ask('do residents do drainages?').answer.verdict).toBe('yes');
  });
});

describe('Cedar Valley: a level beyond its four years', () => {
  it('is said not to exist, with the years there are', () => {
    expect(knowledge.training.years.map((y) => y.level)).toEqual(['R1', 'R2', 'R3', 'R4']);
    const { answer } = ask('is there an R5 year?');
    expect(answer.verdict).toBe('no');
    expect(answer.text).toContain('R1 to R4: there is no R5');
  });
});
