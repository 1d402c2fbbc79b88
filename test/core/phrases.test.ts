import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PhraseLists, said, spellings } from '../../src/core/text/phrases.js';
import { ask } from './helpers.js';

/* Phrase lists: the language file's ways of asking that take more than one word. */

describe('phrase lists', () => {
  it('spells out choices and words that may be left out', () => {
    expect(spellings('can/could i (please) ask').map((w) => w.join(' '))).toEqual([
      'can i ask',
      'can i please ask',
      'could i ask',
      'could i please ask',
    ]);
  });

  it('matches words as typed, so "what" is not "whats"', () => {
    const lists = new PhraseLists({ describe: ['whats'], asked: ['what'] });
    expect(said(lists, ['what', 'is', 'it']).lists()).toEqual(['asked']);
    expect(said(lists, ['whats', 'it']).lists()).toEqual(['describe']);
  });

  it('against the bot\'s folded words, a phrase is folded the same way ("divisions" is "division")', () => {
    const lists = new PhraseLists({ who: ['which divisions'] });
    expect(said(lists, ['which', 'division'], true).has('who')).toBe(true);
    expect(said(lists, ['which', 'division']).has('who')).toBe(false);
  });

  it('knows where a phrase sits: opening, closing, the whole message, right before a word', () => {
    const lists = new PhraseLists({
      polite: ['may i ask'],
      tag: ['right', 'is that right'],
      out: ['but not'],
    });
    const s = said(lists, ['may', 'i', 'ask', 'is', 'ir', 'but', 'not', 'va', 'is', 'that', 'right']);
    expect(s.opening('polite')).toBe(3);
    expect(s.closing('tag')).toBe(8);
    expect(s.endsAt('out', 7)).toBe(true);
    expect(s.endsAt('out', 6)).toBe(false);
    expect(s.whole('polite')).toBe(false);
    expect(said(lists, ['may', 'i', 'ask']).whole('polite')).toBe(true);
  });

  it('a phrase with many choices is bounded', () => {
    const choices = Array.from({ length: 20 }, (_, i) => `w${i}`).join('/');
    expect(spellings(`${choices} ${choices} ${choices}`).length).toBeLessThanOrEqual(256);
  });
});

describe('handlers read cues, not words', () => {
  it('the question carries the lists it says, by name', () => {
    const u = ask('is the VA a long way from Duke?').understanding;
    expect(u.cues).toContain('far');
    expect(ask('is the VA close to Duke?').understanding.cues).toContain('near');
  });

  it('no handler reads the words of the question again', () => {
    const dir = 'src/core/answers';
    const offending = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) =>
        readFileSync(join(dir, f), 'utf8')
          .split('\n')
          .map((line, i) => [`${f}:${i + 1}`, line] as const)
          .filter(([, line]) => /\bu\.words\b/.test(line))
          .map(([at]) => at),
      );
    expect(offending).toEqual([]);
  });

  it('src/core has no English word alternations in regexes or word sets outside the date grammar', () => {
    const files = (d: string): string[] =>
      readdirSync(d, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(d, e.name)) : e.name.endsWith('.ts') ? [join(d, e.name)] : [],
      );
    // The date grammar (date-*.ts, holidays.ts) and word morphology (text/) are grammar by design.
    const grammar = /\/(date-[a-z-]+|holidays)\.ts$|\/text\//;
    const english = /[/(|^]\(?(\?:)?[a-z]{2,}\|[a-z]{2,}\|[a-z]{2,}|new Set\(\['[a-z]+', '[a-z]+'/;
    const offending = files('src/core')
      .filter((f) => !grammar.test(f))
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .filter(
            (line) => english.test(line) && !line.trim().startsWith('*') && !line.trim().startsWith('//'),
          )
          .map((line) => `${f}: ${line.trim()}`),
      );
    expect(offending).toEqual([]);
  });
});
