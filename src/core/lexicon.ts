import { type Language, WORD_LISTS, type WordListName } from '../knowledge/language.js';

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
};

export function compileLexicon(language: Language): Lexicon {
  const sets = Object.fromEntries(WORD_LISTS.map((n) => [n.toUpperCase(), new Set(language.words[n])]));
  return { ...sets, SHORTHAND: language.shorthand, TOPICS: language.topics } as unknown as Lexicon;
}

/** Every word of every list: all known, so typo correction never rewrites how a question is asked. */
export function lexiconWords(lexicon: Lexicon): string[] {
  return WORD_LISTS.flatMap((n) => [...lexicon[n.toUpperCase() as Uppercase<WordListName>]]);
}
