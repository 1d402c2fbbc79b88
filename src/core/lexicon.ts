import type { Language } from '../knowledge/language.js';
import {
  PHRASE_LISTS,
  type PhraseListName,
  type QUANTIFIER_KINDS,
  WORD_LISTS,
  type WordListName,
} from '../knowledge/language-lists.js';
import { type HolidayRule, parseHolidayRule } from './holidays.js';
import { stem } from './text/phrase-index.js';
import { PhraseLists } from './text/phrases.js';

/**
 * The bot's own words, compiled from the knowledge base's language file (language.yaml): how
 * residents ask, as opposed to what they ask about. The grammar reads each list by its part
 * (YES_NO_STARTERS, PAST, WHO, …); the words are data. Compiled once per knowledge base.
 */
export type Lexicon = { readonly [K in WordListName as Uppercase<K>]: ReadonlySet<string> } & {
  /** Chat shorthand, expanded before anything else reads the question ("wat am i on nxt month"). */
  readonly SHORTHAND: Readonly<Record<string, string>>;
  /** Topic phrases (patients, volume, contact), for the phrase index. */
  readonly TOPICS: Readonly<Record<string, readonly string[]>>;
  /** The phrase lists (language.yaml `phrases:`), compiled for scanning a question's words. */
  readonly PHRASES: PhraseLists;
  /** A word (or its stem) → the word lists it is in: a question's cues in one look-up per word. */
  readonly LISTS_OF: ReadonlyMap<string, readonly WordListName[]>;
  readonly NUMBERS: Readonly<Record<string, number>>;
  /** Holidays by name, with when each falls (language.yaml `holidays:`). */
  readonly HOLIDAYS: ReadonlyMap<string, HolidayRule>;
  readonly QUANTIFIERS: Readonly<Record<string, (typeof QUANTIFIER_KINDS)[number]>>;
};

/** The name of a list of the language file, word list or phrase list. */
export type CueName = WordListName | PhraseListName;
export const CUE_NAMES: readonly CueName[] = [...WORD_LISTS, ...PHRASE_LISTS];

export function compileLexicon(language: Language): Lexicon {
  const sets = Object.fromEntries(WORD_LISTS.map((n) => [n.toUpperCase(), new Set(language.words[n])]));
  const listsOf = new Map<string, WordListName[]>();
  for (const n of WORD_LISTS)
    for (const w of language.words[n])
      for (const key of new Set([w, stem(w)])) {
        const lists = listsOf.get(key) ?? [];
        if (!lists.includes(n)) lists.push(n);
        listsOf.set(key, lists);
      }
  return {
    ...sets,
    SHORTHAND: language.shorthand,
    TOPICS: language.topics,
    PHRASES: new PhraseLists(language.phrases),
    LISTS_OF: listsOf,
    NUMBERS: language.numbers,
    HOLIDAYS: new Map(
      Object.entries(language.holidays).map(([name, when]) => [name, parseHolidayRule(when)!]),
    ),
    QUANTIFIERS: language.quantifiers,
  } as unknown as Lexicon;
}

/** Every word of every list: all known, so typo correction never rewrites how a question is asked. */
export function lexiconWords(lexicon: Lexicon): string[] {
  return [
    ...WORD_LISTS.flatMap((n) => [...lexicon[n.toUpperCase() as Uppercase<WordListName>]]),
    ...lexicon.PHRASES.words,
    ...Object.keys(lexicon.NUMBERS),
    ...Object.keys(lexicon.QUANTIFIERS),
    ...[...lexicon.HOLIDAYS.keys()].flatMap((name) => name.split(' ')),
  ];
}
