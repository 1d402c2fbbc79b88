import { editDistance } from './edit-distance.js';

/**
 * Symmetric-delete candidates (the SymSpell idea): every word is stored under each string left
 * by deleting up to its depth (see depthFor) of its letters; a misspelling within `d` edits of a word (OSA
 * distance: insertions, deletions, substitutions, adjacent transpositions) shares at least one
 * such string with it when both sides delete up to `d`. A lookup therefore touches only the few
 * words that share a deletion, never the whole vocabulary or roster: a first-seen typo costs
 * about what a correctly spelt word costs.
 *
 * Only a word's first PREFIX letters are deleted from, on both sides (SymSpell's prefix): the
 * vocabulary joins many-word names into one long word ("dukeinterventionalradiology"), and
 * every pair of places in 27 letters is 351 deletions where 8 letters give 37. Nothing is
 * lost: within `d` edits, each side's first PREFIX letters reach a common string by deleting at
 * most `d` of them (a substitution or a swap costs one deletion on each side, an insertion or
 * deletion one on its side, and a shift across the PREFIX-th letter is made up by deleting
 * the letters pushed past it), and every candidate's whole distance is measured. That needs
 * both sides to delete up to `d`, the stored word too (letters a typo inserted push the word's
 * last prefix letters out of the query's): a lookup whose budget is deeper than its shortest
 * possible match is stored is answered by a scan instead (never so with typoBudget and the
 * depths the bot uses).
 *
 * Building the deletions costs more than a few scans, so the index is built only once it has
 * answered SCAN_FIRST lookups by scanning: a one-shot command with a typo or two never pays for
 * it, a server builds it early and answers every later typo from it.
 */
const SCAN_FIRST = 16;
const PREFIX = 8;

/** How many deletions a step of a build in steps handles (see buildSteps): about 2 ms of work. */
const STEP = 1 << 16;
/** A deletion's hash has 30 bits (see hashWithout): sorted 15 at a time when the index is built. */
const RADIX_BITS = 15;
const RADIX = 2 ** RADIX_BITS;

export class DeleteIndex<T> {
  /**
   * Every word's deletions, as built (see forEachDeletion): the hashes sorted, each beside the id
   * of a word that leaves it, in two flat arrays. A lookup finds a hash by binary search. Flat, a
   * roster of 50,000 distinct names (3.6 million deletions) is indexed in about 45 MB, where a map
   * of lists took about 200 MB and seconds to build.
   */
  private hashes = new Int32Array(0);
  private hashIds = new Int32Array(0);
  /** Words added after the build, by the hash of each of their deletions. */
  private readonly byDeletion = new Map<number, number[]>();
  private readonly words: string[] = [];
  private readonly values: T[][] = [];
  private readonly ids = new Map<string, number>();
  /** Ids by word length: a scan reads only words whose length is within the budget. */
  private readonly byLength: number[][] = [];
  private built = false;
  /** A build in steps under way (see buildSteps). */
  private building: Generator<void> | undefined;
  private lookups = 0;
  /** Which lookup last took each id (ids taken once per lookup, without a set per lookup). */
  private takenBy = new Uint32Array(0);
  private lookup = 0;

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

  /** How many letters a word of this length is stored with deleted. */
  private depthFor(length: number): number {
    return length >= this.depths.two ? 2 : length >= this.depths.one ? 1 : 0;
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

  /** A word added after the build: its deletions kept apart from the built ones. */
  private indexWord(id: number): void {
    const word = this.words[id]!;
    forEachDeletion(word, this.depthFor(word.length), (variant) => {
      const list = this.byDeletion.get(variant);
      // A word's variants are indexed one after another: a repeat is this word again.
      if (!list) this.byDeletion.set(variant, [id]);
      else if (list[list.length - 1] !== id) list.push(id);
    });
  }

  /** Indexes every word's deletions now (what a build in steps has left, if one is under way). */
  build(): void {
    for (const _ of this.buildSteps());
  }

  /**
   * Indexes every word's deletions a step at a time, about STEP entries each, for a caller that
   * lets other work run between steps (a server's warm-up after a load). The index keeps
   * scanning until the last step; a lookup that needs the index meanwhile finishes the build.
   */
  buildSteps(): Generator<void> {
    this.building ??= this.steps();
    return this.building;
  }

  private *steps(): Generator<void> {
    if (this.built) return;
    const words = this.words.length;
    let most = 0;
    for (let id = 0; id < words; id++)
      most += deletionsAtMost(this.words[id]!, this.depthFor(this.words[id]!.length));
    const hashes = new Int32Array(most);
    const ids = new Int32Array(most);
    let count = 0;
    for (let id = 0, since = 0; id < words; id++) {
      const word = this.words[id]!;
      forEachDeletion(word, this.depthFor(word.length), (variant) => {
        hashes[count] = variant;
        ids[count++] = id;
      });
      if (count - since >= STEP) {
        since = count;
        yield;
      }
    }
    // Sorted by hash, ids in the order they came within a hash: a radix sort, by the hash's low
    // 15 bits and then its high 15 (each pass counts, then places, keeping the order it found).
    let fromHashes = hashes.subarray(0, count);
    let fromIds = ids.subarray(0, count);
    let toHashes = new Int32Array(count);
    let toIds = new Int32Array(count);
    const counts = new Uint32Array(RADIX + 1);
    for (const shift of [0, RADIX_BITS]) {
      counts.fill(0);
      for (let start = 0; start < count; start += STEP) {
        for (let i = start, end = Math.min(count, start + STEP); i < end; i++)
          counts[((fromHashes[i]! >>> shift) & (RADIX - 1)) + 1]!++;
        yield;
      }
      for (let d = 0; d < RADIX; d++) counts[d + 1]! += counts[d]!;
      for (let start = 0; start < count; start += STEP) {
        for (let i = start, end = Math.min(count, start + STEP); i < end; i++) {
          const at = counts[(fromHashes[i]! >>> shift) & (RADIX - 1)]!++;
          toHashes[at] = fromHashes[i]!;
          toIds[at] = fromIds[i]!;
        }
        yield;
      }
      [fromHashes, toHashes] = [toHashes, fromHashes];
      [fromIds, toIds] = [toIds, fromIds];
    }
    this.hashes = fromHashes;
    this.hashIds = fromIds;
    this.built = true;
    this.building = undefined;
    // Words added while the steps ran: indexed as any word added after the build.
    for (let id = words; id < this.words.length; id++) this.indexWord(id);
  }

  /** The ids of the words, built or added since, that leave the deletion `variant`. */
  private forEachWith(variant: number, visit: (id: number) => void): void {
    const { hashes, hashIds } = this;
    let lo = 0;
    let hi = hashes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (hashes[mid]! < variant) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < hashes.length && hashes[i] === variant; i++) visit(hashIds[i]!);
    const added = this.byDeletion.get(variant);
    if (added) for (const id of added) visit(id);
  }

  /** The ids that may lie within `budget` of `query`: all of them while scanning, else those sharing a deletion. */
  private candidates(query: string, budget: number): Iterable<number> {
    if (!this.built && ++this.lookups > SCAN_FIRST) this.build();
    // The shortest word within budget has query.length - budget letters: stored that deep, it
    // shares a deletion with the query (see above); stored shallower, only a scan is sure.
    if (!this.built || this.depthFor(query.length - budget) < budget) {
      // No edit changes the length by more than one: the other lengths cannot be within budget.
      const ids: number[] = [];
      for (let n = Math.max(0, query.length - budget); n <= query.length + budget; n++)
        for (const id of this.byLength[n] ?? []) ids.push(id);
      return ids;
    }
    if (this.takenBy.length < this.words.length) this.takenBy = new Uint32Array(this.words.length * 2);
    if (++this.lookup === 0xffffffff) {
      this.takenBy.fill(0);
      this.lookup = 1;
    }
    const ids: number[] = [];
    const { takenBy, lookup } = this;
    forEachDeletion(query, budget, (variant) => {
      this.forEachWith(variant, (id) => {
        if (takenBy[id] === lookup) return;
        takenBy[id] = lookup;
        ids.push(id);
      });
    });
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

/** How many deletions forEachDeletion hands over for `word` at most (a doubled letter leaves some out). */
function deletionsAtMost(word: string, depth: number): number {
  const n = Math.min(word.length, PREFIX);
  if (depth < 1 || n <= 1) return 1;
  return 1 + n + (depth >= 2 && n > 2 ? (n * (n - 1)) / 2 : 0);
}

/**
 * The word's first PREFIX letters and every string left by deleting up to `depth` (at most 2) of them, each
 * handed to `visit` as a hash of that string: one letter at each place, then each pair of
 * places. No string is built, as this runs for every lookup: two strings sharing a hash only
 * make a word a candidate, and every candidate's distance is measured anyway. A string may come
 * more than once (a doubled letter); callers take each id once.
 */
function forEachDeletion(word: string, depth: number, visit: (variant: number) => void): void {
  const n = Math.min(word.length, PREFIX);
  visit(hashWithout(word, n, -1, -1));
  if (depth < 1 || n <= 1) return;
  for (let i = 0; i < n; i++) {
    // A doubled letter deletes to the same string from either place: once is enough.
    if (i > 0 && word[i] === word[i - 1]) continue;
    visit(hashWithout(word, n, i, -1));
    if (depth < 2 || n <= 2) continue;
    for (let j = i + 1; j < n; j++) {
      if (j > i + 1 && word[j] === word[j - 1]) continue;
      visit(hashWithout(word, n, i, j));
    }
  }
}

/** FNV-1a of the first `n` letters of `word` without those at `skip` and `skipToo`, kept to a small integer. */
function hashWithout(word: string, n: number, skip: number, skipToo: number): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < n; k++) {
    if (k === skip || k === skipToo) continue;
    h = Math.imul(h ^ word.charCodeAt(k), 0x01000193);
  }
  // A small integer is a map key V8 stores without boxing.
  return h & 0x3fffffff;
}
