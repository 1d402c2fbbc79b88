import { DeleteIndex } from './delete-index.js';
import { typoBudget } from './edit-distance.js';
import { tokenize } from './normalize.js';

/** One kind of thing the knowledge base names. */
export type EntityKind =
  | 'procedure'
  | 'category'
  | 'exclusion'
  | 'division'
  | 'rotation'
  | 'group'
  | 'site'
  | 'year'
  | 'program'
  | 'faq'
  | 'topic';

export interface EntityRef {
  kind: EntityKind;
  id: string;
}

export interface PhraseMatch {
  /** Token positions [start, end) in the question. */
  start: number;
  end: number;
  refs: EntityRef[];
  /** The words as matched, after typo correction. */
  text: string;
  /** For a name matched in any order: exactly which words it took. */
  positions?: number[];
}

export interface Correction {
  from: string;
  to: string;
  /** Other vocabulary words as close as `to`: two readings, offered rather than guessed. */
  alternatives: string[];
}

/** Longer names and aliases are not indexed (a question rarely repeats more words in order). */
export const MAX_PHRASE_TOKENS = 7;

/** Stems already worked out: the knowledge base's words are stemmed several times as it compiles. */
const stemmed = new Map<string, string>();
const MAX_STEMMED = 50_000;

/** A light plural fold so "biopsies", "drains" and "ports" meet "biopsy", "drain" and "port". */
export function stem(token: string): string {
  let out = stemmed.get(token);
  if (out === undefined) {
    // Bounded: questions bring new words without end.
    if (stemmed.size >= MAX_STEMMED) stemmed.clear();
    out = stemOf(token);
    stemmed.set(token, out);
  }
  return out;
}

function stemOf(token: string): string {
  // A verb meets its procedure's noun: "embolize"/"embolized" → "embolization", "ablate" → "ablation".
  if (token.length >= 6 && /i[sz](e|ed|es|ing)$/.test(token))
    return token.replace(/i[sz](e|ed|es|ing)$/, 'ization');
  if (token.length < 4 || !token.endsWith('s')) return token;
  if (/(ss|us|is|ys)$/.test(token)) return token;
  if (token.endsWith('ies') && token.length > 4) return `${token.slice(0, -3)}y`;
  if (/(ches|shes|xes|sses)$/.test(token)) return token.slice(0, -2);
  return token.slice(0, -1);
}

export function stems(text: string): string[] {
  return tokenize(text).map(stem);
}

/**
 * Names and aliases, indexed by their words joined without spaces, so "Y-90", "Y 90" and "y90"
 * are one key; matched leftmost-longest over a question's words, after correcting typos of
 * words long enough to carry one (abbreviations must match exactly, so IR never becomes IRE).
 */
export class PhraseIndex {
  private readonly phrases = new Map<string, EntityRef[]>();
  private readonly vocabulary = new Set<string>();
  /** Correctable words (5+ letters) by their deletions: a typo reads only the words sharing one. */
  private readonly typos = new DeleteIndex<string>({ one: 0, two: 7 });
  private readonly corrections = new Map<string, Correction | null>();
  /** The bot's own words: never what a name is about. */
  private readonly lexicon = new Set<string>();
  /** Plural and verb forms of vocabulary words, each with the stem it folds to. */
  private readonly surfaces = new Map<string, string>();
  /** Multi-word names by each of their content words, for matching them in any order. */
  private readonly bags = new Map<string, Array<{ content: string[]; key: string }>>();

  constructor(knownWords: Iterable<string> = []) {
    for (const w of knownWords) {
      this.addWord(stem(w));
      this.lexicon.add(stem(w));
    }
  }

  /** An index as v8.deserialize gives it back (its fields, without its classes): made whole again. */
  static revive(value: PhraseIndex): PhraseIndex {
    DeleteIndex.revive(value.typos);
    return Object.setPrototypeOf(value, PhraseIndex.prototype) as PhraseIndex;
  }

  add(phrase: string, ref: EntityRef): void {
    const surfaces = tokenize(phrase);
    const words = surfaces.map(stem);
    if (words.length === 0 || words.length > MAX_PHRASE_TOKENS) return;
    const key = words.join('');
    const refs = this.phrases.get(key) ?? [];
    if (!refs.some((r) => r.kind === ref.kind && r.id === ref.id)) refs.push(ref);
    this.phrases.set(key, refs);
    for (const w of words) this.addWord(w, true);
    if (words.length > 1) this.addWord(key, true);
    // The unfolded forms too ("biopsies" beside "biopsy"), so a typo of a plural is corrected as one.
    for (const surface of surfaces) {
      if (stem(surface) === surface || this.surfaces.has(surface)) continue;
      this.surfaces.set(surface, stem(surface));
      this.addCorrectable(surface);
    }
    const content = [...new Set(words.filter((w) => !this.lexicon.has(w)))];
    if (content.length < 2) return;
    for (const c of content) {
      const list = this.bags.get(c) ?? [];
      if (!list.some((b) => b.key === key)) list.push({ content, key });
      this.bags.set(c, list);
    }
  }

  /**
   * Names whose content words all appear, in any order, among words no ordered match took:
   * "recanalize the portal vein" finds "portal vein recanalization". The most specific name wins.
   */
  matchUnordered(words: readonly string[], taken: ReadonlySet<number>): PhraseMatch[] {
    // Most questions hold no word of a many-word name: nothing to build for them.
    if (!words.some((w, i) => !taken.has(i) && this.bags.has(w))) return [];
    const at = new Map<string, number>();
    words.forEach((w, i) => {
      if (!taken.has(i) && !at.has(w)) at.set(w, i);
    });
    const candidates = new Map<string, string[]>();
    for (const w of at.keys()) {
      for (const bag of this.bags.get(w) ?? []) {
        if (bag.content.every((c) => at.has(c))) candidates.set(bag.key, bag.content);
      }
    }
    const found: PhraseMatch[] = [];
    const used = new Set<number>();
    for (const [key, content] of [...candidates].sort((a, b) => b[1].length - a[1].length)) {
      const positions = content.map((c) => at.get(c)!);
      if (positions.some((p) => used.has(p))) continue;
      for (const p of positions) used.add(p);
      const start = Math.min(...positions);
      found.push({
        start,
        end: Math.max(...positions) + 1,
        refs: this.phrases.get(key)!,
        text: content.join(' '),
        positions,
      });
    }
    return found;
  }

  /** A word the index knows (vocabulary or ordinary English), never "corrected". */
  addWord(word: string, correctable = false): void {
    if (this.vocabulary.has(word)) return;
    this.vocabulary.add(word);
    if (correctable) this.addCorrectable(word);
  }

  private addCorrectable(word: string): void {
    // Words too short to carry a typo are never a correction's target.
    if (typoBudget(word.length) > 0) this.typos.add(word, word);
  }

  knows(word: string): boolean {
    return this.vocabulary.has(word);
  }

  /** The vocabulary word a typo most likely meant, with equally close alternatives; null when none. */
  correct(word: string): Correction | null {
    if (this.vocabulary.has(word)) return null;
    const cached = this.corrections.get(word);
    if (cached !== undefined) return cached;
    // The closest words, shorter ones first, each length in the order the names were added.
    const best = this.typos
      .nearest(word, typoBudget(word.length))
      .map((c) => c.word)
      .sort((a, b) => a.length - b.length);
    const folded = [...new Set(best.map((b) => this.surfaces.get(b) ?? b))];
    const result = folded.length ? { from: word, to: folded[0]!, alternatives: folded.slice(1) } : null;
    if (this.corrections.size > 10_000) this.corrections.clear();
    this.corrections.set(word, result);
    return result;
  }

  /** Leftmost-longest matches over already-stemmed words. */
  match(words: readonly string[]): PhraseMatch[] {
    const found: PhraseMatch[] = [];
    let i = 0;
    while (i < words.length) {
      let matched = false;
      for (let len = Math.min(MAX_PHRASE_TOKENS, words.length - i); len >= 1; len--) {
        const slice = words.slice(i, i + len);
        const refs = this.phrases.get(slice.join(''));
        if (refs) {
          found.push({ start: i, end: i + len, refs, text: slice.join(' ') });
          i += len;
          matched = true;
          break;
        }
      }
      if (!matched) i++;
    }
    return found;
  }

  /** Every entity whose name or alias is exactly this phrase. */
  lookup(phrase: string): EntityRef[] {
    return this.phrases.get(stems(phrase).join('')) ?? [];
  }
}
