import { describe, expect, it } from 'vitest';
import { DeleteIndex } from '../../src/core/text/delete-index.js';
import { editDistance } from '../../src/core/text/edit-distance.js';

const words = ['foster', 'weaver', 'okafor', 'testarossa', 'nakamura', 'fosters', 'roster', 'embolization'];

/** An index past its first scanned lookups (`warm`), so its deletions answer. */
function index(warm = true) {
  const i = new DeleteIndex<string>({ one: 0, two: 7 });
  for (const w of words) i.add(w, w.toUpperCase());
  if (warm) for (let n = 0; n < 20; n++) i.nearest('warm-up', 1);
  return i;
}

/** What a scan of every word would find: the reference the index must agree with. */
function scan(query: string, budget: number) {
  const d = words.map((w) => editDistance(query, w, budget));
  const best = Math.min(...d);
  return best > budget ? [] : words.filter((_, i) => d[i] === best);
}

describe('DeleteIndex', () => {
  it('finds what a full scan finds, for substitutions, insertions, deletions and transpositions', () => {
    const i = index();
    for (const [query, budget] of [
      ['fostr', 1],
      ['fosterr', 1],
      ['wevaer', 1],
      ['okafro', 1],
      ['testarosa', 2],
      ['tsetarossa', 2],
      ['embolisation', 2],
      ['nakamrua', 1],
      ['zzzzzz', 1],
    ] as const) {
      expect(i.nearest(query, budget).map((c) => c.word)).toEqual(scan(query, budget));
    }
  });

  it('gives the same answers once it has built its deletions as while it scanned', () => {
    const i = index(false);
    const queries = ['fostr', 'wevaer', 'testarosa', 'embolisation', 'okafro', 'zzzzzz'];
    const scanned = queries.map((q) => i.nearest(q, 2));
    for (let n = 0; n < 20; n++) i.nearest('warm-up', 1);
    i.add('fostera', 'late');
    expect(queries.map((q) => i.nearest(q, 2))).toEqual(scanned);
    expect(i.within('fostr', 2).map((c) => c.word)).toContain('fostera');
  });

  it('agrees with a full scan on thousands of random words and typos, doubled letters and long words among them', () => {
    // A small alphabet, so doubled letters and words sharing deletions are common.
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    // Long words too, like the names the vocabulary joins into one: only their first letters are indexed.
    const word = () =>
      Array.from({ length: 3 + random(random(4) ? 9 : 30) }, () => 'abcde'[random(5)]).join('');
    const vocabulary = [...new Set(Array.from({ length: 400 }, word))];
    const built = new DeleteIndex<string>({ one: 0, two: 7 });
    for (const w of vocabulary) built.add(w, w);
    for (let n = 0; n < 20; n++) built.nearest('warm-up', 1);
    for (let n = 0; n < 2_000; n++) {
      const query = random(2) ? word() : vocabulary[random(vocabulary.length)]!.replace(/./, 'e');
      const budget = query.length >= 7 ? 2 : 1;
      const expected = vocabulary.filter((w) => w !== query && editDistance(query, w, budget) <= budget);
      expect(
        built
          .within(query, budget)
          .map((c) => c.word)
          .sort(),
        query,
      ).toEqual(expected.sort());
    }
  });

  it('returns every word within the budget, and the values added with each', () => {
    const i = index();
    i.add('foster', 'second');
    expect(i.within('foster', 1).map((c) => c.word)).toEqual(['fosters', 'roster']);
    expect(i.nearest('fostr', 1)).toEqual([{ word: 'foster', distance: 1, values: ['FOSTER', 'second'] }]);
    expect(i.nearest('fostr', 0)).toEqual([]);
  });
});
