import type { Resident } from '../schedule/types.js';
import { says } from './cues.js';
import type { Aspect, Frame, FrameAsk, FramePerson, FrameSubject, Quantifier } from './frame.js';
import type { Lexicon } from './lexicon.js';
import type { Understanding } from './understand.js';

/* The frame of one understood question: the same facts, put as typed parts. */

/** What the question asks for, from its intent, its cues and whether it opens with "do/does/can…". */
export function asksOf(
  u: Pick<Understanding, 'intent' | 'yesNo' | 'asks' | 'cues'>,
  opensDoes: boolean,
): FrameAsk {
  switch (u.intent) {
    case 'greeting':
      return 'greet';
    case 'thanks':
      return 'thank';
    case 'help':
      return 'help';
  }
  if (u.yesNo) return opensDoes ? 'does' : 'is-it';
  if (u.asks.howMany) return 'how-many';
  if (u.asks.who) return 'who';
  if (u.asks.when) return 'when';
  if (u.asks.where) return 'where';
  if (u.intent === 'rotation.info' || says(u, 'describe')) return 'describe';
  if (says(u, 'which_list')) return 'list';
  return u.intent === 'fallback' && !says(u, 'which_what') ? 'unknown' : 'what';
}

/** The parts of time the question looks at, from its cues. */
export function aspectsOf(u: Pick<Understanding, 'asks' | 'past' | 'cues'>): Aspect[] {
  const out: Aspect[] = [];
  const add = (a: Aspect, yes: boolean) => {
    if (yes) out.push(a);
  };
  add('next', u.asks.next && !u.asks.after);
  add('after', u.asks.after);
  add('last', says(u, 'final_words'));
  add('first', says(u, 'first_words'));
  // "when does ICU end", "am I done with ICU" — not "done by", "over at the VA".
  add('end', says(u, 'end_words') && !says(u, 'not_an_end'));
  add('count', u.asks.howMany);
  add('left', u.asks.left);
  add('past', u.past);
  add('now', says(u, 'present_words'));
  return out;
}

/** "both", "all of", "each", "any", "only", "mostly": the first quantifier said, if any. */
export function quantifierOf(words: readonly string[], L: Lexicon): Quantifier | undefined {
  return words.map((w) => L.QUANTIFIERS[w]).find(Boolean);
}

/** The frame of an understanding; `text` is the question as written. */
export function frameOf(u: Understanding, text: string): Frame {
  const subjects: FrameSubject[] = [];
  const exclusions: FrameSubject[] = [];
  for (const m of u.matches) {
    const ruledOut = m.refs.some((r) => u.excluded[r.kind].includes(r.id));
    const out = ruledOut ? exclusions : subjects;
    for (const r of m.refs) {
      if (!out.some((s) => s.kind === r.kind && s.id === r.id))
        out.push({ kind: r.kind, id: r.id, words: m.text });
    }
  }
  // Year ranges ("R1-R3") name years no single match did.
  for (const id of u.refs.year)
    if (!subjects.some((s) => s.kind === 'year' && s.id === id))
      subjects.push({ kind: 'year', id, words: id });
  const people = u.people.map(framePerson);
  for (const p of u.people) if (p[0]) subjects.push({ kind: 'person', id: p[0].name, words: p[0].name });
  const quantifier = u.quantifier;
  const compared = u.compared
    ? subjects.filter((s) => s.kind !== 'person' && u.compared![s.kind].includes(s.id))
    : undefined;
  return {
    text,
    intent: u.intent,
    asks: u.ask,
    yesNo: u.yesNo,
    personal: u.personal,
    subjects,
    people,
    time: u.dates,
    aspects: u.aspects,
    polarity: u.negatedClaim ? 'negative' : 'positive',
    negated: u.negatedClaim,
    exclusions,
    ...(quantifier ? { quantifier } : {}),
    ...(u.order ? { order: u.order } : {}),
    ...(compared ? { compared } : {}),
    ...(u.besides?.length ? { besides: u.besides.map((r) => `${r.name} (${r.level})`) } : {}),
    numbers: u.numbers,
    unplaced: u.unknownWords,
    corrections: u.corrections,
    cues: u.cues,
  };
}

/**
 * A person named, with every candidate as "Name (R4)", written when first read: every answer has
 * a frame, few read its candidates (`ask --json` does), and a common surname on a large roster
 * has thousands. Reads, spreads and JSON see a plain property.
 */
function framePerson(candidates: readonly Resident[]): FramePerson {
  let written: string[] | undefined;
  return Object.defineProperty({ words: candidates[0]?.name ?? '' } as FramePerson, 'candidates', {
    enumerable: true,
    get: () => {
      written ??= candidates.map((r) => `${r.name} (${r.level})`);
      return written;
    },
  });
}
