import type { Resident, Schedule } from '../schedule/types.js';
import type { Lexicon } from './lexicon.js';
import { mentionIndex, type ResolvedMention } from './mentions.js';
import { DeleteIndex } from './text/delete-index.js';
import { typoBudget } from './text/edit-distance.js';
import { isOrdinaryEnglish, loadOrdinaryEnglish } from './text/english.js';
import { foldText } from './text/normalize.js';
import { stem } from './text/phrase-index.js';
import type { Vocabulary } from './vocabulary.js';

/** Finds residents named in the question ("Alice", "Dr. Chen", "Alice Chen's"), consuming their words. */
export function findPeople(
  tokens: string[],
  schedule: Schedule | undefined,
  vocabulary: Vocabulary,
  mentions: readonly ResolvedMention[] = [],
): { people: Resident[][]; used: Set<number>; unknown: string[]; unfound: string[] } {
  const { PERSONAL } = vocabulary.words;
  const people: Resident[][] = [];
  const used = new Set<number>();
  const unknown: string[] = [];
  /** Words written as a name (after a title) that the schedule does not have: "Dr. Smith". */
  const unfound: string[] = [];
  // A platform mention is a person whether or not the schedule has them.
  tokens.forEach((t, i) => {
    const m = mentionIndex(t);
    const mention = m === undefined ? undefined : mentions[m];
    if (!mention) return;
    used.add(i);
    people.push(mention.resident ? [mention.resident] : []);
    if (!mention.resident) unknown.push(mention.name);
  });
  if (!schedule) return { people, used, unknown, unfound };
  const lookup = (q: string) => {
    const found = schedule.findByName(q);
    return found.length || !q.endsWith('s') ? found : schedule.findByName(q.slice(0, -1));
  };
  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i)) continue;
    const afterTitle = i > 0 && vocabulary.words.TITLES.has(tokens[i - 1]!);
    const two = i + 1 < tokens.length ? lookup(`${tokens[i]} ${tokens[i + 1]}`) : [];
    if (two.length) {
      people.push(two);
      used.add(i).add(i + 1);
      continue;
    }
    const t = tokens[i]!;
    if (t.length < 2 || PERSONAL.has(t)) continue;
    if (!afterTitle && (vocabulary.index.knows(stem(t)) || /^\d/.test(t))) continue;
    let one = lookup(t);
    if (!one.length) {
      // Names are names: a typo is read as a resident's name only where a name is expected, or
      // when neither the vocabulary nor ordinary English explains the word ("roster" ≠ Foster).
      // English is asked last: only a word close to a resident's name needs it.
      const close = nameTypo(t, schedule, vocabulary);
      if (
        close.length &&
        (afterTitle || nameExpected(tokens, i, vocabulary.words) || !isOrdinaryEnglish(t))
      ) {
        one = close;
      }
    }
    if (one.length) {
      people.push(one);
      used.add(i);
      if (afterTitle) used.add(i - 1);
    } else if (afterTitle && !vocabulary.index.knows(stem(t))) {
      // "Dr. Smithe": a title before an unknown word is a person we cannot find, never the DR group.
      people.push([]);
      unfound.push(t);
      used.add(i).add(i - 1);
    }
  }
  return { people, used, unknown, unfound };
}

/** "What is X on?", "where is X?": the word at `i` stands where a person's name is expected (language.yaml's before_name / after_name). */
function nameExpected(tokens: readonly string[], i: number, L: Lexicon): boolean {
  if (i === 0 || !L.BEFORE_NAME.has(tokens[i - 1]!)) return false;
  return i + 1 === tokens.length || L.AFTER_NAME.has(tokens[i + 1]!);
}

const nameWords = new WeakMap<Schedule, DeleteIndex<Resident>>();

/** The roster's name words, indexed on the first typo of a name (or by indexNames). */
function nameIndex(schedule: Schedule): DeleteIndex<Resident> {
  let index = nameWords.get(schedule);
  if (!index) {
    index = new DeleteIndex<Resident>(nameDeletes);
    for (const _ of addNames(index, schedule.residents));
    nameWords.set(schedule, index);
  }
  return index;
}

/** How many residents' names are added between two turns of the event loop (see indexNames). */
const NAMES_PER_STEP = 2_000;

/** Adds the residents' name words to `index`, a step of NAMES_PER_STEP residents at a time. */
function* addNames(index: DeleteIndex<Resident>, residents: readonly Resident[]): Generator<void> {
  for (let i = 0; i < residents.length; i++) {
    const r = residents[i]!;
    // Each resident once per word ("Ada Ada"), so a lookup returns the word's residents as they are.
    for (const part of new Set(foldText(r.name).split(/[^a-z]+/))) {
      if (part.length >= 4) index.add(part, r);
    }
    if ((i + 1) % NAMES_PER_STEP === 0) yield;
  }
}

/**
 * Indexes the roster's name words with their deletions, as a server does after a schedule
 * loads: its first misspelt names are then read from the index, where they would each scan the
 * roster and one of them would pay for the whole index (0.4 s at 50,000 distinct names). Built a
 * step at a time, a turn of the event loop each, so questions are answered meanwhile; `still()`
 * false stops it. A misspelt name asked meanwhile builds what it needs itself. The ordinary
 * English words a name is told apart from are read too, once per process.
 */
export async function indexNames(schedule: Schedule, still: () => boolean = () => true): Promise<void> {
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
  loadOrdinaryEnglish();
  await turn();
  let index = nameWords.get(schedule);
  if (!index) {
    const building = new DeleteIndex<Resident>(nameDeletes);
    for (const _ of addNames(building, schedule.residents)) {
      await turn();
      if (!still()) return;
    }
    // A question may have made the roster's index meanwhile: that one is kept.
    index = nameWords.get(schedule) ?? building;
    nameWords.set(schedule, index);
  }
  for (const _ of index.buildSteps()) {
    await turn();
    if (!still()) return;
  }
}

/** How far a name word may be misspelt: one edit on names of 5+ letters, two on 9+ (deletions indexed to match). */
const nameDeletes = { one: 4, two: 7 };

/**
 * A resident's name with a typo ("testarosa"): one edit on names of 5+ letters, two on 9+. The
 * roster's name words are indexed once by their deletions, so a lookup reads only the few words
 * that share one, at any roster size.
 */
function nameTypo(word: string, schedule: Schedule, vocabulary: Vocabulary): Resident[] {
  if (word.length < 5 || vocabulary.index.knows(stem(word))) return [];
  const close = nameIndex(schedule).within(word, typoBudget(word.length));
  return close.length === 1 ? close[0]!.values.slice() : [];
}
