import { describe, expect, it } from 'vitest';
import { DeleteIndex } from '../../src/core/text/delete-index.js';
import { editDistance } from '../../src/core/text/edit-distance.js';

const words = ['foster', 'weaver', 'okafor', 'testarossa', 'nakamura', 'fosters', 'roster', 'embolization'];

function index() {
  const i = new DeleteIndex<string>((w) => (w.length >= 7 ? 2 : 1));
  for (const w of words) i.add(w, w.toUpperCase());
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

  it('returns every word within the budget, and the values added with each', () => {
    const i = index();
    i.add('foster', 'second');
    expect(i.within('foster', 1).map((c) => c.word)).toEqual(['fosters', 'roster']);
    expect(i.nearest('fostr', 1)).toEqual([{ word: 'foster', distance: 1, values: ['FOSTER', 'second'] }]);
    expect(i.nearest('fostr', 0)).toEqual([]);
  });
});
