import type { Resident } from '../schedule/types.js';
import type { Aspect, Frame, FrameAsk, FramePerson, FrameSubject, Quantifier } from './frame.js';
import type { Understanding } from './understand.js';

/* The frame of one understood question: the same facts, put as typed parts. */

const QUANTIFIERS: Record<string, Quantifier> = {
  all: 'all',
  every: 'all',
  entirely: 'all',
  both: 'both',
  each: 'each',
  any: 'any',
  either: 'any',
  only: 'only',
  just: 'only',
  solely: 'only',
  exclusively: 'only',
  mostly: 'most',
  most: 'most',
  majority: 'most',
  mainly: 'most',
};

function asksOf(u: Understanding): FrameAsk {
  switch (u.intent) {
    case 'greeting':
      return 'greet';
    case 'thanks':
      return 'thank';
    case 'help':
      return 'help';
  }
  if (u.yesNo) return /^\W*(do|does|did|can|could|will|would|have|has)\b/i.test(u.text) ? 'does' : 'is-it';
  if (u.asks.howMany) return 'how-many';
  if (u.asks.who) return 'who';
  if (u.asks.when) return 'when';
  if (u.asks.where) return 'where';
  if (u.intent === 'rotation.info' || u.words.some((w) => w === 'describe' || w === 'about' || w === 'like'))
    return 'describe';
  if (u.words.some((w) => w === 'which' || w === 'list')) return 'list';
  if (u.words.includes('what')) return 'what';
  return u.intent === 'fallback' ? 'unknown' : 'what';
}

function aspectsOf(u: Understanding): Aspect[] {
  const said = new Set(u.words);
  const out: Aspect[] = [];
  const add = (a: Aspect, yes: boolean) => {
    if (yes) out.push(a);
  };
  add('next', u.asks.next && !u.asks.after);
  add('after', u.asks.after);
  add('last', said.has('last') || said.has('final'));
  add('first', said.has('first'));
  add(
    'end',
    ['end', 'ends', 'finish', 'done', 'over'].some((w) => said.has(w)),
  );
  add('count', u.asks.howMany);
  add('left', u.asks.left);
  add('past', u.past);
  add(
    'now',
    ['now', 'current', 'currently', 'today'].some((w) => said.has(w)),
  );
  return out;
}

/** "both", "all of", "each", "any", "only", "mostly": the first quantifier said, if any. */
export function quantifierOf(words: readonly string[]): Quantifier | undefined {
  return words.map((w) => QUANTIFIERS[w]).find(Boolean);
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
  const quantifier = quantifierOf(u.words);
  return {
    text,
    intent: u.intent,
    asks: asksOf(u),
    yesNo: u.yesNo,
    personal: u.personal,
    subjects,
    people,
    time: u.dates,
    aspects: aspectsOf(u),
    polarity: u.negatedClaim ? 'negative' : 'positive',
    negated: u.negatedClaim,
    exclusions,
    ...(quantifier ? { quantifier } : {}),
    numbers: u.numbers,
    unplaced: u.unknownWords,
    corrections: u.corrections,
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
