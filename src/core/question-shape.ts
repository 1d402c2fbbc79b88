import type { Lexicon } from './lexicon.js';
import { editDistance, typoBudget } from './text/edit-distance.js';
import { type PhraseMatch, stem } from './text/phrase-index.js';
import type { Refs } from './understand.js';
import type { Vocabulary } from './vocabulary.js';

/* How a question is put, beside what it names: yes/no clauses, year ranges, typos of month names, numbers. */

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** "janaury", "feburary", "decemeber": month names get the same typo tolerance as the vocabulary. */
export function fixMonthTypos(folded: string, vocabulary: Vocabulary): string {
  // Six letters at least: "match" and "marsh" are words, not typos of March.
  return folded.replace(/[a-z]{6,}/g, (w) => {
    if (MONTH_NAMES.includes(w) || vocabulary.index.knows(stem(w))) return w;
    const budget = typoBudget(w.length);
    const month = MONTH_NAMES.find((m) => editDistance(w, m, budget) <= budget);
    return month ?? w;
  });
}

/** "bland embo — do we do that?": a short trailing clause that points back is a yes/no question too. */
export function trailingYesNo(folded: string, L: Lexicon): boolean {
  const clauses = folded.split(/[\u2014\u2013,;:?!]| - /).map((c) =>
    c
      .trim()
      .split(/[^a-z0-9]+/)
      .filter(Boolean),
  );
  return clauses
    .slice(1)
    .some(
      (c) =>
        c.length > 0 && c.length <= 6 && L.YES_NO_STARTERS.has(c[0]!) && c.some((w) => L.POINTS_BACK.has(w)),
    );
}

/**
 * How the program writes a year with its number ("r" in R1, "pgy" in PGY-2), from the training
 * years' ids and aliases, and the number of the first year each counts from.
 */
function yearNotations(vocabulary: Vocabulary): Map<string, number> {
  const cached = notations.get(vocabulary);
  if (cached) return cached;
  const out = new Map<string, number>();
  vocabulary.knowledge.training.years.forEach((y, i) => {
    for (const name of [y.id, y.level, ...y.aliases]) {
      const m = /^([a-z]+)\s?-?\s?(\d)$/.exec(name.toLowerCase());
      if (m && !out.has(m[1]!)) out.set(m[1]!, Number(m[2]) - i);
    }
  });
  notations.set(vocabulary, out);
  return out;
}
const notations = new WeakMap<Vocabulary, Map<string, number>>();

/** A written year ("r3", "pgy 4") as its place in training (1 = the first year), or undefined. */
function yearAt(
  tokens: readonly string[],
  i: number,
  vocabulary: Vocabulary,
): [place: number, next: number] | undefined {
  const n = yearNotations(vocabulary);
  const glued = /^([a-z]+)(\d)$/.exec(tokens[i] ?? '');
  if (glued && n.has(glued[1]!)) return [Number(glued[2]) - n.get(glued[1]!)! + 1, i + 1];
  if (n.has(tokens[i] ?? '') && /^\d$/.test(tokens[i + 1] ?? ''))
    return [Number(tokens[i + 1]) - n.get(tokens[i]!)! + 1, i + 2];
  return undefined;
}

/** "R1-R3", "PGY2-4" and "the first three years": every year between, not just the two ends. */
export function addYearRanges(folded: string, refs: Refs, vocabulary: Vocabulary): void {
  const L = vocabulary.words;
  const years = vocabulary.knowledge.training.years;
  const add = (from: number, to: number) => {
    for (let n = Math.max(1, from); n <= Math.min(years.length, to); n++) {
      const id = years[n - 1]!.id;
      if (!refs.year.includes(id)) refs.year.push(id);
    }
  };
  const tokens = folded.split(/[^a-z0-9]+/).filter(Boolean);
  const dashed = folded
    .replace(/[-\u2013\u2014]/g, ' to ')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  for (let i = 0; i < dashed.length; i++) {
    const from = yearAt(dashed, i, vocabulary);
    if (!from || !L.RANGE_WORDS.has(dashed[from[1]] ?? '')) continue;
    const k = from[1] + 1;
    const to =
      yearAt(dashed, k, vocabulary) ??
      (/^\d$/.test(dashed[k] ?? '') ? shiftLike(dashed, i, k, vocabulary) : undefined);
    if (to) add(from[0], to[0]);
  }
  // "the first three years"
  tokens.forEach((t, i) => {
    const n =
      L.NUMBERS[tokens[i + 1] ?? ''] ?? (/^\d$/.test(tokens[i + 1] ?? '') ? Number(tokens[i + 1]) : 0);
    if (L.FIRST_WORDS.has(t) && n > 1 && L.YEAR_WORDS.has(tokens[i + 2] ?? '')) add(1, n);
  });
}

/** "PGY2-4": the second end written as a bare number counts like the first. */
function shiftLike(
  tokens: readonly string[],
  i: number,
  k: number,
  vocabulary: Vocabulary,
): [number, number] | undefined {
  const glued = /^([a-z]+)\d$/.exec(tokens[i] ?? '');
  const prefix = glued ? glued[1]! : tokens[i]!;
  return yearAt([`${prefix}${tokens[k]}`], 0, vocabulary);
}

/** "R3+R4": a sum of two years asks how many. */
export function yearSum(folded: string, vocabulary: Vocabulary): boolean {
  const parts = folded.split('+');
  if (parts.length < 2) return false;
  return parts.slice(1).some((after, j) => {
    const left = parts[j]!.split(/[^a-z0-9]+/).filter(Boolean);
    const right = after.split(/[^a-z0-9]+/).filter(Boolean);
    const l = left.length >= 2 && !/^\d$/.test(left.at(-1)!) ? [left.at(-1)!] : left.slice(-2);
    return yearAt(l, 0, vocabulary) !== undefined && yearAt(right, 0, vocabulary) !== undefined;
  });
}

export const range = (start: number, end: number) => Array.from({ length: end - start }, (_, k) => start + k);

/**
 * Ordered matches, unless a name matched in any order covers more of the same words: "embolize the
 * uterine arteries" is uterine artery embolization, not the generic "embolization" entry.
 */
export function combine(ordered: PhraseMatch[], unordered: PhraseMatch[]): PhraseMatch[] {
  const kept = [...ordered];
  for (const u of unordered) {
    const taken = new Set(u.positions);
    const overlapping = kept.filter((m) => range(m.start, m.end).some((p) => taken.has(p)));
    const narrower = overlapping.every(
      (m) => m.end - m.start < taken.size && range(m.start, m.end).every((p) => taken.has(p)),
    );
    if (!narrower) continue;
    for (const m of overlapping) kept.splice(kept.indexOf(m), 1);
    kept.push(u);
  }
  return kept.sort((a, b) => a.start - b.start);
}
