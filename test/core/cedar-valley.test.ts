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
