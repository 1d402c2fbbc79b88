import type { CueName, Lexicon } from './lexicon.js';
import { stem } from './text/phrase-index.js';
import { type Said, said } from './text/phrases.js';

/*
 * Cues: which of the language file's lists a question says, by name. Read once per question from
 * its words; the intent table's parts and the handlers ask for cues by name ("far", "separate",
 * "done_so_far") and never read the words again.
 */

export interface Cues {
  /** Every list said, word list or phrase list, once each. */
  names: CueName[];
  /** The phrases said, with their positions in the words read. */
  phrases: Said;
}

export function cuesOf(words: readonly string[], lexicon: Lexicon): Cues {
  const phrases = said(lexicon.PHRASES, words, true);
  const names = new Set<CueName>(phrases.lists() as CueName[]);
  for (const w of words) {
    for (const n of lexicon.LISTS_OF.get(w) ?? lexicon.LISTS_OF.get(stem(w)) ?? []) names.add(n);
  }
  return { names: [...names], phrases };
}

/** The question says one of the list's words or phrases. */
export const says = (u: { cues: readonly CueName[] }, name: CueName) => u.cues.includes(name);
