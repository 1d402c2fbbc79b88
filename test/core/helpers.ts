// Duke Interventional Radiology (the shipped knowledge/ folder) and its sample schedule, for the
// suites of Duke's own facts (test/core/duke) and the other folders' tests that ask Duke questions.
// Behaviour every program must have is tested on every program folder in test/core/programs.
import { readFileSync } from 'node:fs';
import type { Answer } from '../../src/core/types.js';
import { vocabularyOf } from '../../src/core/vocabulary.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { createLabelResolver } from '../../src/knowledge/rotation-names.js';
import type { Knowledge } from '../../src/knowledge/schema.js';
import { parseSchedule } from '../../src/schedule/parse.js';
import type { Schedule } from '../../src/schedule/types.js';
import { askerOf } from '../support/ask.js';

export const knowledge: Knowledge = await loadKnowledge('knowledge');

const parsed = parseSchedule(readFileSync('knowledge/sample-schedule.csv', 'utf8'), {
  source: 'knowledge/sample-schedule.csv',
  resolveLabel: createLabelResolver(knowledge.rotations),
});
if (!parsed.schedule) throw new Error('the sample schedule does not load');
export const schedule: Schedule = parsed.schedule;

/** Saturday, November 28, 2026, 10:00 in Durham. */
export const NOW = new Date('2026-11-28T15:00:00Z');

/** Asks Duke's bot core about the sample schedule, on NOW unless told otherwise. */
export const ask = askerOf(knowledge, schedule, NOW);

/** The first word of an answer: "Yes", "No", or something else. */
export function verdict(answer: Answer): string {
  return answer.text.split(/[\s—,.]/)[0]!;
}

/** The language file's compiled lists, for tests of the grammar pieces that read them. */
export const lexicon = vocabularyOf(knowledge).words;
