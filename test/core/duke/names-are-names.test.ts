import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../../src/core/answer.js';
import { createLabelResolver } from '../../../src/knowledge/rotation-names.js';
import { parseSchedule } from '../../../src/schedule/parse.js';
import { knowledge, NOW } from '../helpers.js';

const letters = (n: number) => String.fromCharCode(97 + Math.floor(n / 26), 97 + (n % 26));

/** A roster of 200 with surnames that are one letter from ordinary words. */
function roster() {
  const surnames = ['Foster', 'Weaver', 'Chen', 'Okafor', 'Testarossa', 'Nakamura'];
  const lines = ['email,name,level,2026-11,2026-12'];
  for (let i = 0; i < 200; i++) {
    // The named six once each; the others get made-up letter-only surnames (Qxab, Qxac, …).
    const surname = surnames[i] ?? `Qx${letters(i)}`;
    lines.push(`p${i}@example.edu,Person ${surname},R${1 + (i % 5)},IR,ICU`);
  }
  const { schedule } = parseSchedule(`${lines.join('\n')}\n`, {
    source: 'names.csv',
    resolveLabel: createLabelResolver(knowledge.rotations),
  });
  if (!schedule) throw new Error('the roster did not load');
  return schedule;
}

const schedule = roster();
const understand = (text: string) =>
  answerQuestion({ text, knowledge, schedule, conversation: 'private', now: NOW }).understanding;
const surnamesOf = (text: string) =>
  understand(text)
    .people.flat()
    .map((r) => r.name.split(' ')[1]);

describe('names are names', () => {
  it('never reads an ordinary word as a misspelt surname', () => {
    expect(surnamesOf("what's the roster for ICU in December?")).toEqual([]);
    expect(surnamesOf('does the weather matter for the VA commute?')).toEqual([]);
    expect(surnamesOf('who is on IR this month?')).toEqual([]);
  });

  it('still forgives a typo in a name where no word explains it, or where a name is expected', () => {
    expect(surnamesOf('what is Okafr on in December?')).toEqual(['Okafor']);
    expect(surnamesOf('where is testarosa next month?')).toEqual(['Testarossa']);
    // "Dr. Weavers" after a title is a name even though "weavers" is a word.
    expect(surnamesOf('what is Dr. Weavers on?')).toEqual(['Weaver']);
  });

  it('finds exact names that are also words', () => {
    expect(surnamesOf('what is Foster on in December?')).toEqual(['Foster']);
  });
});
