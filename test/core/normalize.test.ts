import { describe, expect, it } from 'vitest';
import { foldFully as foldedInFull, foldText } from '../../src/core/text/normalize.js';

describe('foldText', () => {
  it('folds every ASCII text as the full folding does', () => {
    const pieces = [
      "Dr. O'Neil's",
      'R&D',
      '`IR`',
      "don't",
      "we're",
      'Y-90',
      'ICU',
      '  MIXED Case ',
      "rock 'n' roll",
      '"quoted"',
      '',
      'a&b&c',
    ];
    for (const a of pieces)
      for (const b of pieces) expect(foldText(`${a} ${b}`)).toBe(foldedInFull(`${a} ${b}`));
    // Every printable ASCII character, alone and between letters.
    for (let c = 0; c < 128; c++) {
      const ch = String.fromCharCode(c);
      expect(foldText(`x${ch}s ${ch}`)).toBe(foldedInFull(`x${ch}s ${ch}`));
    }
  });

  it('still folds accents, curly quotes and full-width letters', () => {
    expect(foldText('Dupré’s Ｉｒ “biopsy”')).toBe('dupres ir "biopsy"');
    expect(foldText('García & Núñez')).toBe(foldedInFull('García & Núñez'));
  });
});
