/** Words before or after a name that are not the name ("Dr. Okafor", "Lee MD"). */
const TITLES = new Set(['dr', 'doctor', 'mr', 'mrs', 'ms', 'miss', 'mx', 'prof', 'professor']);
const SUFFIXES = new Set(['md', 'do', 'phd', 'mph', 'jr', 'sr', 'ii', 'iii']);

/**
 * A name as comparable words: case and accents dropped ("José" → "jose"), apostrophes joined
 * ("O'Neil" → "oneil"), hyphenated names split, titles and degrees removed.
 */
export function nameTokens(text: string): string[] {
  const words = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['\u2019`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
  while (words.length > 1 && TITLES.has(words[0]!)) words.shift();
  while (words.length > 1 && SUFFIXES.has(words[words.length - 1]!)) words.pop();
  return words;
}
