import type { Lexicon } from './lexicon.js';

/*
 * Clause grammar: where one message holds several questions. "Who is on ICU in March and who is
 * at the VA?", "Does IR do TIPS? Is the VA far?" — each question gets its own frame and answer.
 * The words (what starts a question, what joins two, what points back) are the language file's.
 */

const AFTER_END = /(?<=[?!])\s+(?=\S)/;
const joinedBy = new WeakMap<Lexicon, RegExp>();

/** ";", ", " or "and"/"also" before a word that starts a question. */
function joined(L: Lexicon): RegExp {
  let re = joinedBy.get(L);
  if (!re) {
    const alt = (words: ReadonlySet<string>) => [...words].join('|');
    re = new RegExp(
      `\\s*(?:;|,?\\s+(?:${alt(L.JOINERS)})\\s+|,\\s+)(?=(?:${alt(L.CLAUSE_STARTERS)})\\b)`,
      'i',
    );
    joinedBy.set(L, re);
  }
  return re;
}

/** The questions of a message, in order; a message of one question is one clause. */
export function splitQuestions(text: string, L: Lexicon): string[] {
  const out: string[] = [];
  const pointsBack = (p: string) =>
    p
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .some((w) => L.POINTS_BACK.has(w));
  for (const sentence of text.split(AFTER_END)) {
    const parts = sentence.split(joined(L)).map((p) => p.trim());
    // "Do I have ICU, and when?": a part of one or two words continues the question before it, and so
    // does a short one pointing back ("my patient needs a port, does IR do that").
    for (const p of parts) {
      const n = p.split(/\s+/).length;
      const continues = (n < 3 && parts.length > 1) || (n <= 6 && pointsBack(p));
      if (out.length && continues) out[out.length - 1] += ` ${p}`;
      else if (p) out.push(p);
    }
  }
  return out.length ? out : [text];
}
