import { describe, expect, it } from 'vitest';
import { compareText, sortedByText } from '../../src/schedule/names.js';

/** Lists of names are sorted as a reader expects, the same on every host (no ICU collation). */
describe('the order of names in a list', () => {
  it('ignores case, accents, apostrophes and letters written without an accent mark', () => {
    const names = [
      'Zhang',
      'Øberg',
      'Łukasz Nowak',
      'O’Brien',
      'Ocampo',
      "O'Neil",
      'Émile',
      'Eaton',
      'ærø',
      'Adams',
    ];
    expect([...names].sort(compareText)).toEqual([
      'Adams',
      'ærø',
      'Eaton',
      'Émile',
      'Łukasz Nowak',
      'Øberg',
      'O’Brien',
      'Ocampo',
      "O'Neil",
      'Zhang',
    ]);
  });

  it('puts lower case first when names differ only in case, and is a total order', () => {
    expect(['Van Dyke', 'van Dyke'].sort(compareText)).toEqual(['van Dyke', 'Van Dyke']);
    expect(compareText('Ann', 'Ann')).toBe(0);
    expect(Math.sign(compareText('ann', 'Ann'))).toBe(-Math.sign(compareText('Ann', 'ann')));
  });

  it('sorts long lists by the same order, each key worked out once', () => {
    const people = ['Van Dyke', 'Øberg', 'van Dyke', 'Oberg', 'Émile', 'Adams'].map((name, i) => ({
      name,
      i,
    }));
    const sorted = sortedByText(people, (p) => p.name);
    expect(sorted.map((p) => p.name)).toEqual(people.map((p) => p.name).sort(compareText));
    expect(people.map((p) => p.i)).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
