import { editDistance, typoBudget } from './text/edit-distance.js';
import { type PhraseMatch, stem } from './text/phrase-index.js';
import type { Refs } from './understand.js';
import type { Vocabulary } from './vocabulary.js';

const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MONTH_WORDS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "4/31", "13/1", "feb 30": a date that does not exist, quoted as written; undefined when all dates are real. */
export function impossibleDate(folded: string): string | undefined {
  for (const m of folded.matchAll(/\b(\d{1,2})\/(\d{1,2})(?:\/\d{2,4})?\b/g)) {
    const [month, day] = [Number(m[1]), Number(m[2])];
    if (month < 1 || month > 12 || day < 1 || day > MONTH_DAYS[month - 1]!) return m[0];
  }
  const named =
    /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*\d)/.exec(
      folded,
    );
  if (named && Number(named[2]) > MONTH_DAYS[MONTH_WORDS.indexOf(named[1]!)]!) return named[0];
  return undefined;
}

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
export function trailingYesNo(folded: string, YES_NO_STARTERS: ReadonlySet<string>): boolean {
  const clauses = folded.split(/[\u2014\u2013,;:?!]| - /).map((c) => c.trim().split(/\s+/).filter(Boolean));
  return clauses
    .slice(1)
    .some(
      (c) =>
        c.length > 0 &&
        c.length <= 6 &&
        YES_NO_STARTERS.has(c[0]!) &&
        c.some((w) => /^(that|it|this|those|them|these)$/.test(w)),
    );
}

/** "R1-R3", "PGY2-4" and "the first three years": every year between, not just the two ends. */
export function addYearRanges(folded: string, refs: Refs, vocabulary: Vocabulary): void {
  const add = (from: number, to: number) => {
    for (let n = from; n <= to; n++) {
      for (const ref of vocabulary.index.lookup(`r${n}`)) {
        if (ref.kind === 'year' && !refs.year.includes(ref.id)) refs.year.push(ref.id);
      }
    }
  };
  const range = /\b(r|pgy)\s?(\d)\s*(?:-|\u2013|\u2014|to|through|thru)\s*(?:r|pgy)?\s?(\d)\b/g;
  for (const m of folded.matchAll(range)) {
    const shift = m[1] === 'pgy' ? 1 : 0;
    add(Number(m[2]) - shift, Number(m[3]) - shift);
  }
  const ordinal: Record<string, number> = {
    one: 1,
    two: 2,
    three: 3,
    four: 4,
    five: 5,
    '2': 2,
    '3': 3,
    '4': 4,
    '5': 5,
  };
  for (const m of folded.matchAll(/\bfirst (one|two|three|four|five|[2-5]) years?\b/g))
    add(1, ordinal[m[1]!]!);
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

export const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  seventeen: 17,
  sixteen: 16,
};
