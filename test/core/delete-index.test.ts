import { describe, expect, it } from 'vitest';
import { DeleteIndex } from '../../src/core/text/delete-index.js';
import { editDistance, typoBudget } from '../../src/core/text/edit-distance.js';

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

  it('builds its deletions when told to (a server after a load), before any lookup, and answers as a scan does', () => {
    const i = index(false);
    const deletions = () => (i as unknown as { hashes: Int32Array }).hashes.length;
    expect(deletions()).toBe(0);
    i.build();
    const built = deletions();
    expect(built).toBeGreaterThan(words.length);
    i.build();
    expect(deletions()).toBe(built);
    for (const [query, budget] of [
      ['fostr', 1],
      ['tsetarossa', 2],
      ['embolisation', 2],
    ] as const)
      expect(i.nearest(query, budget).map((c) => c.word)).toEqual(scan(query, budget));
    // A word added after the build is indexed as it comes.
    i.add('haddad', 'HADDAD');
    expect(i.nearest('hadad', 1).map((c) => c.word)).toEqual(['haddad']);
  });

  it('builds in steps, answering as a scan does meanwhile, and a lookup that needs the index finishes it', () => {
    // Enough words for several steps.
    const many = new DeleteIndex<number>({ one: 4, two: 7 });
    const all: string[] = [];
    for (let n = 0; n < 20_000; n++) {
      const w = `w${n.toString(36)}qzx${(n * 7919).toString(36)}`;
      all.push(w);
      many.add(w, n);
    }
    const steps = many.buildSteps();
    expect(steps.next().done).toBe(false);
    expect(many.nearest(`${all[123]!}k`, 1).map((c) => c.values)).toEqual([[123]]);
    // Added while the steps run: found once they end.
    many.add('haddadson', -1);
    // Past the lookups it scans for, a lookup builds the rest itself.
    for (let n = 0; n < 20; n++) many.nearest('zzzzzzz', 1);
    expect(steps.next().done).toBe(true);
    expect(many.buildSteps().next().done).toBe(true);
    expect((many as unknown as { hashes: Int32Array }).hashes.length).toBeGreaterThan(all.length);
    expect(many.nearest(`${all[19_999]!.slice(0, -1)}`, 1).map((c) => c.values)).toEqual([[19_999]]);
    expect(many.nearest('hadadson', 1).map((c) => c.values)).toEqual([[-1]]);
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
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    // Long words too, like the names the vocabulary joins into one: only their first letters are indexed.
    // Half of them from five letters (doubled letters and shared deletions are common), half from
    // twelve (few words share a deletion by chance, so a deletion the index misses is seen).
    const word = () => {
      const letters = random(2) ? 5 : 12;
      return Array.from(
        { length: 3 + random(random(4) ? 9 : 30) },
        () => 'abcdefghijkl'[random(letters)],
      ).join('');
    };
    const vocabulary = [...new Set(Array.from({ length: 400 }, word))];
    const built = new DeleteIndex<string>({ one: 0, two: 7 });
    for (const w of vocabulary) built.add(w, w);
    for (let n = 0; n < 20; n++) built.nearest('warm-up', 1);
    // One or two edits of any kind, most of them among the first letters, where the index looks:
    // an inserted or deleted letter there shifts the rest across the end of the indexed part.
    const edit = (w: string) => {
      const at = random(Math.min(w.length, random(4) ? 10 : w.length) + 1);
      const letter = 'abcdefghijkl'[random(12)]!;
      switch (random(4)) {
        case 0:
          return w.slice(0, at) + letter + w.slice(at);
        case 1:
          return w.slice(0, at) + w.slice(at + 1);
        case 2:
          return w.slice(0, at) + letter + w.slice(at + 1);
        default:
          return w.slice(0, at) + w.slice(at + 1, at + 2) + w.slice(at, at + 1) + w.slice(at + 2);
      }
    };
    for (let n = 0; n < 3_000; n++) {
      const target = vocabulary[random(vocabulary.length)]!;
      const query = n % 4 === 0 ? word() : random(2) ? edit(target) : edit(edit(target));
      // As the bot asks: no typo in a short word, one from 5 letters, two from 9.
      const budget = typoBudget(query.length);
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

  it('scans when a lookup is deeper than its shortest possible match is stored, so that no word is lost', () => {
    // Two letters inserted near the start push the word's 7th and 8th letters out of the query's
    // first eight: found only if the word is stored two deep, which at 9 letters it is not here.
    const shallow = new DeleteIndex<string>({ one: 4, two: 12 });
    shallow.add('accacdddb', 'word');
    for (let n = 0; n < 20; n++) shallow.nearest('warm-up', 1);
    expect(editDistance('aeccacdaddb', 'accacdddb', 2)).toBe(2);
    expect(shallow.within('aeccacdaddb', 2).map((c) => c.word)).toEqual(['accacdddb']);
  });

  it('returns every word within the budget, and the values added with each', () => {
    const i = index();
    i.add('foster', 'second');
    expect(i.within('foster', 1).map((c) => c.word)).toEqual(['fosters', 'roster']);
    expect(i.nearest('fostr', 1)).toEqual([{ word: 'foster', distance: 1, values: ['FOSTER', 'second'] }]);
    expect(i.nearest('fostr', 0)).toEqual([]);
  });
});
