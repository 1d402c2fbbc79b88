import type { Resident, Schedule } from '../schedule/types.js';
import { mentionIndex, type ResolvedMention } from './mentions.js';
import { editDistance, typoBudget } from './text/edit-distance.js';
import { foldText } from './text/normalize.js';
import { stem } from './text/phrase-index.js';
import type { Vocabulary } from './vocabulary.js';

/** Finds residents named in the question ("Alice", "Dr. Chen", "Alice Chen's"), consuming their words. */
export function findPeople(
  tokens: string[],
  schedule: Schedule | undefined,
  vocabulary: Vocabulary,
  mentions: readonly ResolvedMention[] = [],
): { people: Resident[][]; used: Set<number>; unknown: string[] } {
  const { PERSONAL } = vocabulary.words;
  const people: Resident[][] = [];
  const used = new Set<number>();
  const unknown: string[] = [];
  // A platform mention is a person whether or not the schedule has them.
  tokens.forEach((t, i) => {
    const m = mentionIndex(t);
    const mention = m === undefined ? undefined : mentions[m];
    if (!mention) return;
    used.add(i);
    people.push(mention.resident ? [mention.resident] : []);
    if (!mention.resident) unknown.push(mention.name);
  });
  if (!schedule) return { people, used, unknown };
  const lookup = (q: string) => {
    const found = schedule.findByName(q);
    return found.length || !q.endsWith('s') ? found : schedule.findByName(q.slice(0, -1));
  };
  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i)) continue;
    const afterTitle = i > 0 && (tokens[i - 1] === 'dr' || tokens[i - 1] === 'doctor');
    const two = i + 1 < tokens.length ? lookup(`${tokens[i]} ${tokens[i + 1]}`) : [];
    if (two.length) {
      people.push(two);
      used.add(i).add(i + 1);
      continue;
    }
    const t = tokens[i]!;
    if (t.length < 2 || PERSONAL.has(t)) continue;
    if (!afterTitle && (vocabulary.index.knows(stem(t)) || /^\d/.test(t))) continue;
    const one = lookup(t).length ? lookup(t) : nameTypo(t, schedule, vocabulary);
    if (one.length) {
      people.push(one);
      used.add(i);
      if (afterTitle) used.add(i - 1);
    } else if (afterTitle && !vocabulary.index.knows(stem(t))) {
      // "Dr. Smithe": a title before an unknown word is a person we cannot find, never the DR group.
      people.push([]);
      used.add(i).add(i - 1);
    }
  }
  return { people, used, unknown };
}

const nameWords = new WeakMap<Schedule, Map<string, Resident[]>>();

/** A resident's name with a typo ("testarosa"): one edit on names of 5+ letters, two on 9+. */
function nameTypo(word: string, schedule: Schedule, vocabulary: Vocabulary): Resident[] {
  if (word.length < 5 || vocabulary.index.knows(stem(word))) return [];
  let index = nameWords.get(schedule);
  if (!index) {
    index = new Map();
    for (const r of schedule.residents) {
      for (const part of foldText(r.name).split(/[^a-z]+/)) {
        if (part.length >= 4) index.set(part, [...(index.get(part) ?? []), r]);
      }
    }
    nameWords.set(schedule, index);
  }
  const budget = typoBudget(word.length);
  const close = [...index].filter(([name]) => editDistance(word, name, budget) <= budget);
  return close.length === 1 ? close[0]![1] : [];
}
