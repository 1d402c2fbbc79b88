import { stem } from './phrase-index.js';

/*
 * Phrase lists: the language file's ways of asking that take more than one word ("how many", "can
 * I", "other than"). A phrase is written as words separated by spaces; "a/b/c" is one word of
 * several choices, "(please)" a word that may be left out. A phrase matches a run of the
 * question's words in order, each word as written (so "what" is not "whats"); read against the
 * bot's folded words of a question, a phrase is folded the same way ("divisions" as "division").
 * Compiled once per knowledge base; reading a question costs a map look-up per word.
 */

/** One phrase of a list, said at [start, end) of the words it was read in. */
export interface PhraseHit {
  list: string;
  start: number;
  end: number;
}

interface Compiled {
  list: string;
  /** The phrase's words after the first. */
  rest: readonly string[];
}

/** At most this many spellings from one written phrase, so a long list of choices stays cheap. */
const MAX_SPELLINGS = 256;

/** "may/can i (please) ask": every spelling, as lists of words. */
export function spellings(phrase: string): string[][] {
  let out: string[][] = [[]];
  for (const part of phrase.trim().split(/\s+/)) {
    const optional = part.startsWith('(') && part.endsWith(')');
    const choices = (optional ? part.slice(1, -1) : part).split('/').filter(Boolean);
    const next: string[][] = [];
    for (const words of out) {
      if (optional) next.push(words);
      for (const c of choices) next.push([...words, c]);
    }
    out = next.slice(0, MAX_SPELLINGS);
  }
  return out.filter((w) => w.length > 0);
}

/** Phrases by their first word. */
class ByFirst {
  private readonly map = new Map<string, Compiled[]>();
  static revive(value: ByFirst): ByFirst {
    return Object.setPrototypeOf(value, ByFirst.prototype) as ByFirst;
  }
  add(words: readonly string[], list: string): void {
    const [first, ...rest] = words;
    const bucket = this.map.get(first!) ?? [];
    bucket.push({ list, rest });
    this.map.set(first!, bucket);
  }
  scan(tokens: readonly string[]): PhraseHit[] {
    const hits: PhraseHit[] = [];
    tokens.forEach((t, i) => {
      for (const c of this.map.get(t) ?? []) {
        if (c.rest.every((w, k) => tokens[i + 1 + k] === w))
          hits.push({ list: c.list, start: i, end: i + 1 + c.rest.length });
      }
    });
    return hits.sort((a, b) => a.start - b.start || b.end - a.end);
  }
}

export class PhraseLists {
  /** As written: matched against a question's words as typed. */
  private readonly written = new ByFirst();
  /** Folded like the bot's reading of a question ("divisions" → "division", "does" → "doe"). */
  private readonly folded = new ByFirst();
  /** Every word any phrase uses, for the lexicon (never "corrected" into a name). */
  readonly words = new Set<string>();

  /** Lists as v8.deserialize gives them back (their fields, without their classes): made whole again. */
  static revive(value: PhraseLists): PhraseLists {
    ByFirst.revive(value.written);
    ByFirst.revive(value.folded);
    return Object.setPrototypeOf(value, PhraseLists.prototype) as PhraseLists;
  }

  constructor(lists: Readonly<Record<string, readonly string[]>>) {
    for (const [list, phrases] of Object.entries(lists)) {
      for (const phrase of phrases) {
        for (const words of spellings(phrase)) {
          for (const w of words) this.words.add(w);
          this.written.add(words, list);
          this.folded.add(words.map(stem), list);
        }
      }
    }
  }

  /**
   * Every phrase said in `tokens`, longest first at each position: words as typed, or, with
   * `folded`, words as the bot reads them (singular, typos corrected).
   */
  scan(tokens: readonly string[], folded = false): PhraseHit[] {
    return (folded ? this.folded : this.written).scan(tokens);
  }
}

/** The phrases of one reading, asked by list name and position. */
export class Said {
  constructor(
    readonly hits: readonly PhraseHit[],
    private readonly length: number,
  ) {}

  /** How many words were read. */
  get size(): number {
    return this.length;
  }

  has(list: string): boolean {
    return this.hits.some((h) => h.list === list);
  }

  /** The longest phrase of `list` that opens the words: its length, or 0. */
  opening(list: string): number {
    return Math.max(0, ...this.hits.filter((h) => h.list === list && h.start === 0).map((h) => h.end));
  }

  /** Where the last phrase of `list` that closes the words starts, or -1. */
  closing(list: string, end = this.length): number {
    const h = this.hits.filter((x) => x.list === list && x.end === end);
    return h.length ? Math.min(...h.map((x) => x.start)) : -1;
  }

  /** The words are nothing but one phrase of `list`. */
  whole(list: string): boolean {
    return (
      this.length > 0 && this.hits.some((h) => h.list === list && h.start === 0 && h.end === this.length)
    );
  }

  /** A phrase of `list` ends right before position `at`. */
  endsAt(list: string, at: number): boolean {
    return this.hits.some((h) => h.list === list && h.end === at);
  }

  /** Positions inside any phrase of `list`. */
  covers(list: string, at: number): boolean {
    return this.hits.some((h) => h.list === list && h.start <= at && at < h.end);
  }

  /** Position `at` is inside some phrase said. */
  coversAny(at: number): boolean {
    return this.hits.some((h) => h.start <= at && at < h.end);
  }

  /** The names of the lists said, once each, in order. */
  lists(): string[] {
    return [...new Set(this.hits.map((h) => h.list))];
  }
}

/** The phrases of `lists` said in `tokens`. */
export function said(lists: PhraseLists, tokens: readonly string[], folded = false): Said {
  return new Said(lists.scan(tokens, folded), tokens.length);
}
