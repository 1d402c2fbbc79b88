import { editDistance, typoBudget } from './edit-distance.js';
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
}

export interface Correction {
  from: string;
  to: string;
  /** Other vocabulary words as close as `to`: two readings, offered rather than guessed. */
  alternatives: string[];
}

const MAX_PHRASE_TOKENS = 7;

/** A light plural fold so "biopsies", "drains" and "ports" meet "biopsy", "drain" and "port". */
export function stem(token: string): string {
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
  private readonly byLength = new Map<number, string[]>();
  private readonly corrections = new Map<string, Correction | null>();

  constructor(knownWords: Iterable<string> = []) {
    for (const w of knownWords) this.addWord(stem(w));
  }

  add(phrase: string, ref: EntityRef): void {
    const words = stems(phrase);
    if (words.length === 0 || words.length > MAX_PHRASE_TOKENS) return;
    const key = words.join('');
    const refs = this.phrases.get(key) ?? [];
    if (!refs.some((r) => r.kind === ref.kind && r.id === ref.id)) refs.push(ref);
    this.phrases.set(key, refs);
    for (const w of words) this.addWord(w, true);
    if (words.length > 1) this.addWord(key, true);
  }

  /** A word the index knows (vocabulary or ordinary English), never "corrected". */
  addWord(word: string, correctable = false): void {
    if (this.vocabulary.has(word)) return;
    this.vocabulary.add(word);
    if (!correctable) return;
    const list = this.byLength.get(word.length) ?? [];
    list.push(word);
    this.byLength.set(word.length, list);
  }

  knows(word: string): boolean {
    return this.vocabulary.has(word);
  }

  /** The vocabulary word a typo most likely meant, with equally close alternatives; null when none. */
  correct(word: string): Correction | null {
    if (this.vocabulary.has(word)) return null;
    const cached = this.corrections.get(word);
    if (cached !== undefined) return cached;
    const budget = typoBudget(word.length);
    let best: string[] = [];
    let bestDistance = budget + 1;
    for (let len = word.length - budget; len <= word.length + budget; len++) {
      for (const candidate of this.byLength.get(len) ?? []) {
        if (typoBudget(candidate.length) === 0) continue;
        const d = editDistance(word, candidate, Math.min(bestDistance, budget));
        if (d < bestDistance) {
          bestDistance = d;
          best = [candidate];
        } else if (d === bestDistance && d <= budget) best.push(candidate);
      }
    }
    const result = best.length ? { from: word, to: best[0]!, alternatives: best.slice(1) } : null;
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
