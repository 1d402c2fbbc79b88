/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), giving up early
 * once the distance must exceed `max` (it then returns some number above `max`): typo tolerance
 * needs only "is it within 1 or 2?".
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  // Three rows of one shared buffer: a typo lookup measures hundreds of words, and a row each
  // per call was most of its cost before the code is hot.
  if (rows.length < 3 * (n + 1)) rows = new Int32Array(6 * (n + 1));
  let prevPrev = 0;
  let prev = n + 1;
  let curr = 2 * (n + 1);
  for (let j = 0; j <= n; j++) rows[prev + j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ai = a.charCodeAt(i - 1);
    const aBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    rows[curr] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = rows[prev + j - 1]! + (ai === bj ? 0 : 1);
      const up = rows[prev + j]! + 1;
      if (up < v) v = up;
      const left = rows[curr + j - 1]! + 1;
      if (left < v) v = left;
      if (j > 1 && ai === b.charCodeAt(j - 2) && aBefore === bj) {
        const swap = rows[prevPrev + j - 2]! + 1;
        if (swap < v) v = swap;
      }
      rows[curr + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const oldest = prevPrev;
    prevPrev = prev;
    prev = curr;
    curr = oldest;
  }
  return rows[prev + n]!;
}

let rows = new Int32Array(96);

/** How many typos a word of this length may carry: short words and abbreviations must match exactly. */
export function typoBudget(length: number): number {
  if (length < 5) return 0;
  if (length < 9) return 1;
  return 2;
}
