import { describe, expect, it } from 'vitest';
import { categoryCases } from './fixtures/paraphrases/categories.js';
import { conversationCases } from './fixtures/paraphrases/conversation.js';
import { exclusionCases } from './fixtures/paraphrases/exclusions.js';
import { ask, CASEY, type Case, problemsWith } from './fixtures/paraphrases/harness.js';
import { KNOWN_BUGS, KNOWN_WRAPPED } from './fixtures/paraphrases/known-bugs.js';
import { noisyCases } from './fixtures/paraphrases/noisy.js';
import { noisyScheduleCases } from './fixtures/paraphrases/noisy-schedule.js';
import { procedureCases } from './fixtures/paraphrases/procedures.js';
import { procedureWhoCases } from './fixtures/paraphrases/procedures-who.js';
import { programCases } from './fixtures/paraphrases/program.js';
import { round2Cases } from './fixtures/paraphrases/round2.js';
import { scheduleDateCases } from './fixtures/paraphrases/schedule-dates.js';
import { scheduleMineCases } from './fixtures/paraphrases/schedule-mine.js';
import { scheduleOthersCases } from './fixtures/paraphrases/schedule-others.js';
import { terseCases } from './fixtures/paraphrases/terse.js';
import { trainingCases } from './fixtures/paraphrases/training.js';

// Residents' own phrasings, answered from the shipped knowledge and the sample schedule.
// Each case states the behaviour a right answer has (intent, Yes/No first, fact ids, key facts,
// no emails); the expected rotations are computed from the Schedule API, not written down.
const families: Record<string, Case[]> = {
  'does IR do X': procedureCases,
  'who does X (an IR procedure)': procedureWhoCases,
  'biopsies, drainages and unlisted procedures': exclusionCases,
  'procedures of a category': categoryCases,
  'the division: patients, the VA, volume': programCases,
  'the training years': trainingCases,
  'greeting, thanks, help, nonsense': conversationCases,
  'my schedule': scheduleMineCases,
  'my schedule on dates said every way': scheduleDateCases,
  'who is on, a named resident, privacy': scheduleOthersCases,
  'greetings, typos, British spellings, shouting': noisyCases,
  'the schedule asked sloppily': noisyScheduleCases,
  'one-word messages': terseCases,
  'second round: Slack-style phrasings': round2Cases,
};

const shown = (text: string) =>
  text.length > 80 ? `${text.slice(0, 40)}… (${text.length} characters)` : text;
const label = (c: Case) =>
  `${JSON.stringify(shown(c.text))}${c.as ? ` (as ${c.as.split('@')[0]})` : ''}${c.now ? ` at ${c.now}` : ''}${c.conversation ? ` in a ${c.conversation}` : ''}`;

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

describe('wrapped phrasings with a known bug', () => {
  const all = Object.values(families).flat();
  for (const [text, bug] of Object.entries(KNOWN_WRAPPED)) {
    it.fails(`${JSON.stringify(text)} — ${bug}`, () => {
      const c = all.find((x) => text.startsWith(x.text));
      expect(c, 'the unwrapped phrasing').toBeDefined();
      expect(problemsWith({ ...c!, text }, ask({ ...c!, text }).answer)).toEqual([]);
    });
  }
});

describe('the suggested follow-ups', () => {
  it('are themselves understood, for a resident on the schedule and for an unknown asker', () => {
    const suggested = new Set(
      Object.values(families)
        .flat()
        .flatMap((c) => (ask(c).answer.suggestions ?? []).map((s) => s.question)),
    );
    expect(suggested.size).toBeGreaterThan(10);
    const wrong = [...suggested].flatMap((text) =>
      [CASEY, undefined].flatMap((as) => {
        const { answer } = ask({ text, as });
        const bad = answer.intent === 'fallback' || (as !== undefined && answer.unanswered);
        return bad ? [`${text} (${as ?? 'unknown asker'}) → ${answer.intent}`] : [];
      }),
    );
    expect(wrong).toEqual([]);
  });
});

describe('the phrasing sets', () => {
  it('has at least five phrasings for every procedure the knowledge base lists', async () => {
    const { knowledge } = await import('./fixtures/paraphrases/harness.js');
    for (const p of knowledge.procedures) {
      const n = [...procedureCases, ...procedureWhoCases].filter((c) => c.facts?.includes(p.id)).length;
      expect(n, p.id).toBeGreaterThanOrEqual(5);
    }
  });

  it('has at least five phrasings for every other fact of the description', async () => {
    const { knowledge } = await import('./fixtures/paraphrases/harness.js');
    const all = Object.values(families).flat();
    const ids = [
      ...knowledge.categories.map((c) => c.id),
      ...knowledge.exclusions.map((x) => x.id),
      ...['program-patients', 'program-volume', 'durham-va', 'r1', 'r2', 'r3', 'r4', 'r5'],
    ];
    for (const id of ids) {
      const n = all.filter((c) => c.facts?.includes(id)).length;
      expect(n, id).toBeGreaterThanOrEqual(5);
    }
  });

  it('lists every known bug against a phrasing that exists', () => {
    const texts = new Set(Object.values(families).flatMap((cases) => cases.map((c) => c.text)));
    for (const text of Object.keys(KNOWN_BUGS)) expect(texts.has(text), text).toBe(true);
  });
});

// The way messages really arrive: a mention or greeting in front, thanks after, shouting, no "?".
const WRAPPINGS: [string, (text: string) => string][] = [
  ['@rotabot in front', (t) => `@rotabot ${t}`],
  ['a greeting in front', (t) => `hey rotabot, ${t}`],
  ['good morning in front', (t) => `Good morning! ${t}`],
  ['thanks after', (t) => `${t} thanks!`],
  ['capitals', (t) => t.toUpperCase()],
  ['no question mark', (t) => t.replace(/[?]+$/, '')],
  ['"quick question:" in front', (t) => `quick question: ${t}`],
];

describe('every phrasing answered right is still answered right when wrapped', () => {
  // Greetings and thanks are themselves the message; a phrasing answered wrong fails its own test above.
  const working = Object.values(families)
    .flat()
    .filter((c) => !conversationCases.includes(c) && problemsWith(c, ask(c).answer).length === 0);
  for (const [name, wrap] of WRAPPINGS) {
    it(name, () => {
      const wrong = working.flatMap((c) => {
        const w = { ...c, text: wrap(c.text) };
        if (KNOWN_WRAPPED[w.text]) return [];
        const problems = problemsWith(w, ask(w).answer);
        return problems.length ? [`${w.text}: ${problems.join('; ')}`] : [];
      });
      expect(wrong).toEqual([]);
    });
  }
});
