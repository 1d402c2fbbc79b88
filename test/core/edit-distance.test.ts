import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/core/text/edit-distance.js';

/** Optimal string alignment as the textbook writes it: the whole table, no early exit. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** A small seeded generator, so a failure names the same strings on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('edit distance (optimal string alignment, with a budget)', () => {
  it('is the textbook distance when within the budget, and more than the budget beyond it', () => {
    const next = random(7);
    // Few letters, so that near strings (and transpositions) are common.
    const word = () =>
      Array.from({ length: Math.floor(next() * 12) }, () => 'abcde'[Math.floor(next() * 5)]).join('');
    for (let k = 0; k < 3000; k++) {
      const a = word();
      // Half the pairs are a word and a light edit of it, the rest two unrelated words.
      const b = k % 2 ? word() : a.slice(0, Math.floor(next() * a.length)) + word().slice(0, 2);
      const max = Math.floor(next() * 4);
      const exact = reference(a, b);
      const got = editDistance(a, b, max);
      expect([a, b, max, exact <= max ? got : got > max]).toEqual([a, b, max, exact <= max ? exact : true]);
    }
  });

  it('counts a transposition of neighbours as one edit, and works for words longer than any before', () => {
    expect(editDistance('tisp', 'tips', 2)).toBe(1);
    expect(editDistance('abcd', 'badc', 2)).toBe(2);
    const long = 'x'.repeat(300);
    expect(editDistance(long, `${long}y`, 2)).toBe(1);
    expect(editDistance('radiology', 'radiolgoy', 2)).toBe(1);
  });
});
