import { editDistance } from './edit-distance.js';

/**
 * Symmetric-delete candidates (the SymSpell idea): every word is stored under each string left
 * by deleting up to `maxDeletes` of its letters; a misspelling within `d` edits of a word (OSA
 * distance: insertions, deletions, substitutions, adjacent transpositions) shares at least one
 * such string with it when both sides delete up to `d`. A lookup therefore touches only the few
 * words that share a deletion, never the whole vocabulary or roster: a first-seen typo costs
 * about what a correctly spelt word costs.
 *
 * Building the deletions costs more than a few scans, so the index is built only once it has
 * answered SCAN_FIRST lookups by scanning: a one-shot command with a typo or two never pays for
 * it, a server builds it early and answers every later typo from it.
 */
const SCAN_FIRST = 16;

export class DeleteIndex<T> {
  private readonly byDeletion = new Map<string, number[]>();
  private readonly words: string[] = [];
  private readonly values: T[][] = [];
  private readonly ids = new Map<string, number>();
  /** Ids by word length: a scan reads only words whose length is within the budget. */
  private readonly byLength: number[][] = [];
  private built = false;
  private lookups = 0;

  /**
   * How far a query may be from a word (its deletions are indexed that deep): one edit from
   * `depths.one` letters, two from `depths.two`. Plain numbers, so an index can be kept between
   * runs (see revive).
   */
  constructor(private readonly depths: { one: number; two: number }) {}

  /** An index as v8.deserialize gives it back (its fields, without its class): made whole again. */
  static revive<T>(value: DeleteIndex<T>): DeleteIndex<T> {
    return Object.setPrototypeOf(value, DeleteIndex.prototype) as DeleteIndex<T>;
  }

  private maxDeletes(word: string): number {
    return word.length >= this.depths.two ? 2 : word.length >= this.depths.one ? 1 : 0;
  }

  add(word: string, value: T): void {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(word, id);
      this.words.push(word);
      this.values.push([]);
      const sameLength = this.byLength[word.length];
      if (sameLength) sameLength.push(id);
      else this.byLength[word.length] = [id];
      if (this.built) this.indexWord(id);
    }
    this.values[id]!.push(value);
  }

  private indexWord(id: number): void {
    const word = this.words[id]!;
    for (const variant of deletions(word, this.maxDeletes(word))) {
      const list = this.byDeletion.get(variant);
      if (!list) this.byDeletion.set(variant, [id]);
      else if (list[list.length - 1] !== id) list.push(id);
    }
  }

  /** The ids that may lie within `budget` of `query`: all of them while scanning, else those sharing a deletion. */
  private candidates(query: string, budget: number): Iterable<number> {
    if (!this.built && ++this.lookups > SCAN_FIRST) {
      this.built = true;
      for (let id = 0; id < this.words.length; id++) this.indexWord(id);
    }
    if (!this.built) {
      // No edit changes the length by more than one: the other lengths cannot be within budget.
      const ids: number[] = [];
      for (let n = Math.max(0, query.length - budget); n <= query.length + budget; n++)
        for (const id of this.byLength[n] ?? []) ids.push(id);
      return ids;
    }
    const ids = new Set<number>();
    for (const variant of deletions(query, budget))
      for (const id of this.byDeletion.get(variant) ?? []) ids.add(id);
    return ids;
  }

  has(word: string): boolean {
    return this.ids.has(word);
  }

  /** Every indexed word within `budget` edits of `query` (not the query itself), in the order added. */
  within(query: string, budget: number): Array<{ word: string; distance: number; values: T[] }> {
    if (budget <= 0) return [];
    const out: Array<{ id: number; distance: number }> = [];
    for (const id of this.candidates(query, budget)) {
      if (this.words[id] === query) continue;
      const distance = editDistance(query, this.words[id]!, budget);
      if (distance <= budget) out.push({ id, distance });
    }
    return out
      .sort((a, b) => a.id - b.id)
      .map(({ id, distance }) => ({ word: this.words[id]!, distance, values: this.values[id]! }));
  }

  /**
   * The indexed words at the smallest distance ≤ `budget` from `query` (the query itself, at 0,
   * when it is indexed), in the order they were added, each with its values.
   */
  nearest(query: string, budget: number): Array<{ word: string; distance: number; values: T[] }> {
    if (budget <= 0) return [];
    let best = budget + 1;
    let found: number[] = [];
    for (const id of this.candidates(query, budget)) {
      const d = editDistance(query, this.words[id]!, Math.min(best, budget));
      if (d < best) {
        best = d;
        found = [id];
      } else if (d === best && d <= budget) found.push(id);
    }
    return found
      .sort((a, b) => a - b)
      .map((id) => ({ word: this.words[id]!, distance: best, values: this.values[id]! }));
  }
}

/** The word and every string left by deleting up to `depth` of its letters. */
function deletions(word: string, depth: number): Set<string> {
  const out = new Set<string>([word]);
  let frontier = [word];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const w of frontier) {
      if (w.length <= 1) continue;
      for (let i = 0; i < w.length; i++) {
        const v = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(v)) {
          out.add(v);
          next.push(v);
        }
      }
    }
    frontier = next;
  }
  return out;
}
