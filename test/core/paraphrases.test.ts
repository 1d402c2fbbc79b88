import { describe, expect, it } from 'vitest';
import { categoryCases } from './fixtures/paraphrases/categories.js';
import { conversationCases } from './fixtures/paraphrases/conversation.js';
import { exclusionCases } from './fixtures/paraphrases/exclusions.js';
import { ask, type Case, problemsWith } from './fixtures/paraphrases/harness.js';
import { KNOWN_BUGS } from './fixtures/paraphrases/known-bugs.js';
import { noisyCases } from './fixtures/paraphrases/noisy.js';
import { procedureCases } from './fixtures/paraphrases/procedures.js';
import { programCases } from './fixtures/paraphrases/program.js';
import { scheduleCases } from './fixtures/paraphrases/schedule.js';
import { trainingCases } from './fixtures/paraphrases/training.js';

// Residents' own phrasings, answered from the shipped knowledge and the sample schedule.
// Each case states the behaviour a right answer has (intent, Yes/No first, fact ids, key facts,
// no emails); the expected rotations are computed from the Schedule API, not written down.
const families: Record<string, Case[]> = {
  'does IR do X / who does X': procedureCases,
  'biopsies, drainages and unlisted procedures': exclusionCases,
  'procedures of a category': categoryCases,
  'the division: patients, the VA, volume': programCases,
  'the training years': trainingCases,
  'greeting, thanks, help, nonsense': conversationCases,
  'the schedule: mine, who, a named resident': scheduleCases,
  'greetings, typos, British spellings, shouting': noisyCases,
};

const label = (c: Case) =>
  `${c.text}${c.as ? ` (as ${c.as.split('@')[0]})` : ''}${c.now ? ` at ${c.now}` : ''}`;

for (const [family, cases] of Object.entries(families)) {
  describe(family, () => {
    for (const c of cases) {
      const bug = c.bug ?? KNOWN_BUGS[c.text];
      // A known understanding bug (named in fixtures/paraphrases/known-bugs.ts): expected to fail until fixed.
      const test = bug ? it.fails : it;
      test(bug ? `${label(c)} — ${bug}` : label(c), () => {
        expect(problemsWith(c, ask(c).answer)).toEqual([]);
      });
    }
  });
}

describe('the phrasing sets', () => {
  it('has at least five phrasings for every procedure the knowledge base lists', async () => {
    const { knowledge } = await import('./fixtures/paraphrases/harness.js');
    for (const p of knowledge.procedures) {
      const n = procedureCases.filter((c) => c.facts?.includes(p.id)).length;
      expect(n, p.id).toBeGreaterThanOrEqual(5);
    }
  });

  it('lists every known bug against a phrasing that exists', () => {
    const texts = new Set(Object.values(families).flatMap((cases) => cases.map((c) => c.text)));
    for (const text of Object.keys(KNOWN_BUGS)) expect(texts.has(text), text).toBe(true);
  });
});
