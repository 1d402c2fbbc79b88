/** Letters no accent-stripping splits, written as the letters they sort with ("Øberg" with "Oberg"). */
const BASE_LETTERS: Record<string, string> = {
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  þ: 'th',
  ı: 'i',
};

const BASE_LETTER = new RegExp(`[${Object.keys(BASE_LETTERS).join('')}]`, 'g');

/**
 * A name's sort key: case, accents and apostrophes do not reorder names ("Émile" sorts with
 * "Emile", "O’Brien" with "OBrien", "Łukasz" with "Lukasz").
 */
export function sortKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['\u2019`]/g, '')
    .replace(BASE_LETTER, (c) => BASE_LETTERS[c]!);
}

const swapCase = (s: string) =>
  s.replace(/\p{L}/gu, (c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()));

/**
 * Text in the order a reader expects of a list: by sort key, then as written, lower case first
 * ("van Dyke" before "Van Dyke"). The same on every host: no ICU collation (whose first use
 * costs a short command 10–30 ms), no host locale.
 */
export function compareText(a: string, b: string): number {
  return byKeyThenText(sortKey(a), a, sortKey(b), b);
}

function byKeyThenText(ka: string, a: string, kb: string, b: string): number {
  if (ka !== kb) return ka < kb ? -1 : 1;
  const [sa, sb] = [swapCase(a), swapCase(b)];
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** `items` in compareText's order of their text, each sort key worked out once (for long lists). */
export function sortedByText<T>(items: readonly T[], textOf: (item: T) => string): T[] {
  return items
    .map((item) => {
      const text = textOf(item);
      return { item, text, key: sortKey(text) };
    })
    .sort((x, y) => byKeyThenText(x.key, x.text, y.key, y.text))
    .map((x) => x.item);
}

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
