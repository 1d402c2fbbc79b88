import { describe, expect, it } from 'vitest';
import { englishWordsText, hasLine, isOrdinaryEnglish } from '../../src/core/text/english.js';

describe('ordinary English words', () => {
  it('are read for what they are: common words yes, surnames, jargon and lines of several words no', () => {
    for (const word of ['roster', 'weather', 'month', 'schedule', 'because'])
      expect(isOrdinaryEnglish(word), word).toBe(true);
    for (const word of ['nguyen', 'y90', 'kyphoplasty', '', 'roster\nweather'])
      expect(isOrdinaryEnglish(word), JSON.stringify(word)).toBe(false);
  });

  it('are found by binary search in a sorted text, first, last and between', () => {
    const text = ['ant', 'bee', 'cat', 'cow', 'dog', 'eel'].join('\n');
    for (const w of ['ant', 'bee', 'cat', 'cow', 'dog', 'eel']) expect(hasLine(text, w), w).toBe(true);
    for (const w of ['a', 'an', 'ants', 'bea', 'co', 'dogs', 'eels', 'zebra', ''])
      expect(hasLine(text, w), w).toBe(false);
    expect(hasLine('only', 'only')).toBe(true);
    expect(hasLine('', 'x')).toBe(false);
  });

  it('agree with the brute-force answer for every word of the list and near misses', () => {
    const text = englishWordsText();
    const lines = text.split('\n');
    expect(lines.length).toBeGreaterThan(30_000);
    expect([...lines].sort()).toEqual(lines);
    expect(new Set(lines).size).toBe(lines.length);
    for (let i = 0; i < lines.length; i += 97) {
      expect(hasLine(text, lines[i]!)).toBe(true);
      expect(hasLine(text, `${lines[i]}qx`)).toBe(lines.includes(`${lines[i]}qx`));
    }
  });

  it('are the same words in the build as in the sources (the build keeps its own list of lists)', async () => {
    const build = (await import('../../scripts/build.js' as string)) as { englishWordsText: () => string };
    expect(build.englishWordsText()).toBe(englishWordsText());
  });
});
