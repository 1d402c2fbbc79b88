import type { Procedure } from '../knowledge/schema.js';
import type { Resident, Schedule } from '../schedule/types.js';
import type { IsoDate } from '../time/local-date.js';
import { type Cues, cuesOf } from './cues.js';
import { impossibleDate, ORD } from './date-words.js';
import { type DateRef, parseDates } from './dates.js';
import type { Aspect, FrameAsk, Order, Quantifier } from './frame.js';
import { asksOf, aspectsOf, quantifierOf } from './frame-of.js';
import { decideIntent } from './intent.js';
import type { CueName, Lexicon } from './lexicon.js';
import type { ResolvedMention } from './mentions.js';
import { comparisonIn } from './order.js';
import { findPeople } from './people.js';
import { addYearRanges, combine, fixMonthTypos, range, trailingYesNo, yearSum } from './question-shape.js';
import { foldText, nounOfAteVerb, usSpelling } from './text/normalize.js';
import { type Correction, type EntityKind, type PhraseMatch, stem, stems } from './text/phrase-index.js';
import { said } from './text/phrases.js';
import type { Vocabulary } from './vocabulary.js';

/** Every kind of question the bot answers; one handler family each (src/core/answers). */
export type Intent =
  | 'greeting'
  | 'thanks'
  | 'help'
  | 'calendar.link'
  | 'schedule.mine'
  | 'schedule.person'
  | 'schedule.who'
  | 'procedure.does'
  | 'procedure.who'
  | 'procedure.unknown'
  | 'category.list'
  | 'program.overview'
  | 'program.patients'
  | 'program.volume'
  | 'program.site'
  | 'program.contact'
  | 'training'
  | 'rotation.info'
  | 'rotation.list'
  | 'faq'
  | 'fallback';

export type Refs = Record<EntityKind, string[]>;

/** What the bot understood, and why: every field is visible in `ask --json` for explanation. */
export interface Understanding {
  /** The question as written. */
  text: string;
  intent: Intent;
  yesNo: boolean;
  personal: boolean;
  past: boolean;
  asks: {
    who: boolean;
    when: boolean;
    where: boolean;
    howMany: boolean;
    left: boolean;
    next: boolean;
    after: boolean;
  };
  refs: Refs;
  /** Sites named as the place of something ("at the VA", "in Durham"), not as who does it. */
  placeSites: string[];
  /** What the question rules out: "non-IR", "except the VA", "but not ICU", "other than IR". */
  excluded: Refs;
  matches: PhraseMatch[];
  dates: DateRef[];
  /** Residents named in the question, one candidate list per mention. */
  people: Resident[][];
  /** People mentioned on the platform (Slack "@Jordan") whom the schedule does not have. */
  unknownPeople: string[];
  /** Words the bot did not understand (neither vocabulary nor ordinary words). */
  unknownWords: string[];
  /**
   * Words understood only by lists that some answers read (READ_BY_SOME): "supervised" of the
   * part residents play. Any other answer has not read them, and honesty treats them as unplaced.
   */
  heldBy?: Array<{ word: string; lists: CueName[] }>;
  corrections: Correction[];
  /** The question's words, normalised and typo-corrected. */
  words: string[];
  /** Numbers the question states ("two research months", "4 years"), for yes/no questions that claim a count. */
  numbers: number[];
  /** A count of months claimed ("5 months of IR", "twice": at least two), not a span ("the next 2 weeks"). */
  countClaimed?: CountClaim;
  /** A statement with a negation asked back ("IR doesn't do kids, right?"): the verdict answers the claim. */
  negatedClaim: boolean;
  /** "Port removal": a listed procedure's name with a word after it that makes it one the data does not list. */
  variants?: string[];
  /** A date as written that does not exist ("4/31"); the answer says so instead of guessing. */
  impossibleDate?: string;
  /**
   * The language file's lists the question says (word lists and phrase lists, by name), read from
   * its words after dates and names: what handlers read instead of the words.
   */
  cues: CueName[];
  /** The lists whose word or phrase opens the question ("which …", "what …"). */
  opens: CueName[];
  /** Which part of time the question looks at beside its dates: next, last, first, end, past, now… */
  aspects: Aspect[];
  /** What the question asks for. */
  ask: FrameAsk;
  quantifier?: Quantifier;
  /** "Is that before or after ICU?": where the question's time lies beside the blocks it names. */
  order?: Order;
  /**
   * "Is my ICU before my VA month?": the subjects (of `refs`) whose blocks are placed beside the
   * others'; absent when the time is what is placed (a follow-up's "that").
   */
  compared?: Refs;
  /**
   * "Who else is there?" completed from before: the question leaves out whom it is about, the
   * asker (with `personal`) or `besides`, as "else" said in the message itself does.
   */
  others?: boolean;
  /** "Who else is there?" after a question about a colleague: the residents left out. */
  besides?: Resident[];
  /** The other questions of the same message, each understood alone ("…? And who is at the VA?"). */
  also?: Understanding[];
}

export interface CountClaim {
  n: number;
  atLeast: boolean;
}

export interface UnderstandContext {
  vocabulary: Vocabulary;
  schedule?: Schedule;
  today: IsoDate;
  /** Platform mentions, written into the text as tokens by `markMentions`. */
  mentions?: readonly ResolvedMention[];
}

/**
 * The lists only some answers read, with the answers that read them: a word placed by nothing
 * else is understood by those answers only ("supervised" by the part residents play in a procedure).
 */
export const READ_BY: Partial<Record<CueName, readonly Intent[]>> = {
  operator_role: ['procedure.does', 'category.list'],
  level_asked: ['schedule.mine', 'schedule.person'],
  comparative: ['schedule.mine', 'schedule.person', 'schedule.who', 'program.volume'],
  than: ['schedule.mine', 'schedule.person', 'schedule.who', 'program.volume'],
};
const READ_BY_SOME = new Set(Object.keys(READ_BY) as CueName[]);

/**
 * "The first one", "that one", "which one": the word for one after a determiner or an ordinal of
 * the follow-ups is a pronoun, not a count ("the two VA months" still counts).
 */
function isPronounOne(words: readonly string[], i: number, vocabulary: Vocabulary): boolean {
  const ordinals = vocabulary.knowledge.language.follow_ups.ordinals;
  // One or two words back: "that one", "the only one", "the second one".
  const near = [words[i - 1] ?? '', words[i - 2] ?? ''];
  return (
    vocabulary.words.NUMBERS[words[i]!] === 1 &&
    near.some((w) => vocabulary.words.DETERMINERS.has(w) || ordinals[w] !== undefined)
  );
}

/**
 * A count of months the question claims: a number with a month's unit after it ("5 months of IR",
 * "two VA months"), or a number word with no unit ("once", "twice": at least that many). Not a
 * span ("the next 2 weeks", "for 2 more months"): a number after "next", before "more", or with
 * another unit ("2 weeks") claims no count.
 */
function countClaimIn(words: readonly string[], vocabulary: Vocabulary): CountClaim | undefined {
  const L = vocabulary.words;
  const units = vocabulary.knowledge.language.follow_ups.units;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const word = isPronounOne(words, i, vocabulary) ? undefined : L.NUMBERS[w];
    const n = /^\d{1,2}$/.test(w) ? Number(w) : word;
    if (n === undefined) continue;
    if (L.NEXT_WORDS.has(words[i - 1] ?? '')) return undefined;
    if (said(L.PHRASES, words.slice(i + 1, i + 2)).has('comparative')) return undefined;
    const unit = words.slice(i + 1, i + 4).find((x) => units[x] !== undefined);
    if (unit) return units[unit] === 'month' ? { n, atLeast: false } : undefined;
    return word !== undefined ? { n, atLeast: true } : undefined;
  }
  return undefined;
}

/** "4", "two", "5th": a number is placed, as a number. */
const ORDINAL_NUMBER = new RegExp(`^\\d+${ORD}$`);
const isNumber = (w: string, L: Lexicon) => ORDINAL_NUMBER.test(w) || L.NUMBERS[w] !== undefined;

/**
 * "Port removal", "TIPS revisions", "G-tube exchanges": a word of the language file's
 * procedure_actions, in no other name, right after a listed procedure's name, and that the
 * procedure's own words (name, aliases, description) do not have: a variant of it the data does
 * not list. In the user's words.
 */
function unlistedVariants(
  words: readonly string[],
  tokens: readonly string[],
  matches: readonly PhraseMatch[],
  vocabulary: Vocabulary,
): string[] {
  const out: string[] = [];
  for (const m of matches) {
    const after = tokens[m.end];
    if (after === undefined || !vocabulary.words.PROCEDURE_ACTIONS.has(after)) continue;
    // A word of another name ("port" then "exchange list"…) is that name's.
    if (matches.some((o) => o.start <= m.end && m.end < o.end)) continue;
    const id = m.refs.find((r) => r.kind === 'procedure')?.id;
    const p = id ? vocabulary.procedures.get(id) : undefined;
    if (!p) continue;
    if (!ownWords(p).has(words[m.end]!)) out.push([...tokens.slice(m.start, m.end), after].join(' '));
  }
  return out;
}

/** A procedure's own words (name, aliases, description), stemmed once per knowledge base. */
function ownWords(p: Procedure): ReadonlySet<string> {
  let own = procedureWords.get(p);
  if (!own) {
    own = new Set(stems([p.name, ...p.aliases, p.description ?? ''].join(' ')));
    procedureWords.set(p, own);
  }
  return own;
}
const procedureWords = new WeakMap<Procedure, ReadonlySet<string>>();

/** The phrase before a name rules it out ("non-IR", "except the VA", "but not ICU", "other than IR"). */
function rulesOut(
  words: readonly string[],
  at: number,
  ruledOut: Cues['phrases'],
  L: Lexicon,
  nameBefore: ReadonlySet<number>,
): boolean {
  // "not on IR": the phrase may hold the word before the name ("on"), or leave it out ("except the VA").
  // A person's name inside it ("isn't Casey on IR?") makes it no phrase: Casey is asked about.
  const ends = (end: number) =>
    ruledOut.hits.some(
      (h) =>
        h.list === 'ruled_out' && h.end === end && !range(h.start + 1, h.end).some((i) => nameBefore.has(i)),
    );
  if (ends(at)) return true;
  return L.BEFORE_RULED_OUT.has(words[at - 1] ?? '') && ends(at - 1);
}

/** Every kind of entity, none found yet. */
export function emptyRefs(): Refs {
  return {
    procedure: [],
    category: [],
    exclusion: [],
    division: [],
    rotation: [],
    group: [],
    site: [],
    year: [],
    program: [],
    faq: [],
    topic: [],
  };
}

/** What most questions rule out: nothing. One frozen value, read by every question that excludes nothing. */
const NOTHING_EXCLUDED: Refs = Object.freeze(
  Object.fromEntries(Object.entries(emptyRefs()).map(([k, v]) => [k, Object.freeze(v)])),
) as unknown as Refs;

function collect(matches: PhraseMatch[]): Refs {
  const refs = emptyRefs();
  for (const m of matches) for (const r of m.refs) if (!refs[r.kind].includes(r.id)) refs[r.kind].push(r.id);
  return refs;
}

export function understand(text: string, ctx: UnderstandContext): Understanding {
  const { vocabulary } = ctx;
  const L = vocabulary.words;
  const {
    FILLER,
    GREETING,
    LEFT,
    PAST,
    PERSONAL,
    SHORTHAND,
    TOTAL_WORDS,
    WHEN,
    WHERE,
    WHO,
    YES_NO_STARTERS,
  } = L;
  const folded = foldText(text).replace(/[a-z0-9]+/g, (w) => SHORTHAND[w] ?? w);
  const all = folded.split(/[^a-z0-9]+/).filter(Boolean);
  const whole = said(L.PHRASES, all);
  // "May I ask…", "can you tell me…", "I was wondering…": politeness, not the question itself.
  const opening = whole.opening('polite_opening');
  const raw = all.slice(opening).map(usSpelling);
  const past = raw.some((w) => PAST.has(w));
  const first = raw.find((w) => !GREETING.has(w) && !FILLER.has(w) && !L.OPENING_FILLER.has(w));
  const startsYesNo = (first !== undefined && YES_NO_STARTERS.has(first)) || trailingYesNo(folded, L);
  // "IR does Y90, right?" (before any thanks: "right? thanks!") and "I wonder if IR does TIPS" ask
  // yes or no too; "X or Y?" asks which, not yes/no.
  const thanksAt = whole.closing('closing_thanks');
  const tagged = whole.closing('tag_question', thanksAt > 0 ? thanksAt : all.length) >= 0;
  const programAfter = (i: number) =>
    L.WHETHER_WORDS.has(all[i] ?? '') &&
    vocabulary.index.lookup(all[i + 1] ?? '').some((r) => r.kind === 'program');
  const embedded =
    (whole.has('embedded_question') || all.some((_, i) => programAfter(i))) && !L.WH_WORDS.has(all[0] ?? '');
  let yesNo = startsYesNo || tagged || embedded;

  // "Before Christmas", "is my ICU before research?": "before" places a time or compares, it is no
  // past tense (the next Christmas), unless a verb says past.
  const earlier = vocabulary.knowledge.language.follow_ups.earlier;
  const pastBeyondBefore = raw.some((w) => PAST.has(w) && !earlier.includes(w));
  const { refs: dates, rest } = parseDates(fixMonthTypos(folded, vocabulary), {
    today: ctx.today,
    academicYearStartMonth: vocabulary.knowledge.program.academic_year_start_month,
    locale: vocabulary.knowledge.program.locale,
    past: pastBeyondBefore,
    holidays: L.HOLIDAYS,
    ...(ctx.schedule?.coverage && !raw.some((w) => L.FUTURE_WORDS.has(w))
      ? { scheduledUntil: ctx.schedule.coverage.last }
      : {}),
  });
  // British spelling is folded only into words the bot knows, so "biopises" stays a typo to correct.
  const tokens = rest
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((t) => {
      const us = usSpelling(t);
      if (us !== t && vocabulary.index.knows(stem(us))) return us;
      if (vocabulary.index.knows(stem(t))) return t;
      // "lookin", "doin": chat's dropped g, read as the word when that is a word the bot knows.
      if (t.endsWith('in') && vocabulary.index.knows(`${t}g`)) return `${t}g`;
      // "ablate", "aspirated": the procedure's noun, when the bot knows it ("ablation").
      const noun = nounOfAteVerb(t);
      if (noun && vocabulary.index.knows(noun)) return noun;
      // "LPs", "R1s": the plural of a short name the bot knows.
      return t.length <= 4 && t.endsWith('s') && vocabulary.index.knows(t.slice(0, -1)) ? t.slice(0, -1) : t;
    });
  const {
    people,
    used,
    unknown: unknownPeople,
    unfound,
  } = findPeople(tokens, ctx.schedule, vocabulary, ctx.mentions);

  const corrections: Correction[] = [];
  // Word positions whose typo had several equally close readings, and their correction.
  const ambiguous = new Map<number, number>();
  const words: string[] = [];
  const wordTokens: string[] = [];
  const unknownWords: string[] = [...unfound];
  // The word positions a person's name came just before: "isn't [Casey] on IR".
  const nameBefore = new Set<number>();
  tokens.forEach((t, i) => {
    if (used.has(i)) {
      nameBefore.add(wordTokens.length);
      return;
    }
    wordTokens.push(t);
    const s = stem(t);
    if (vocabulary.index.knows(s) || isNumber(t, L)) {
      words.push(s);
      return;
    }
    const c = vocabulary.index.correct(s) ?? (s === t ? null : vocabulary.index.correct(t));
    if (c) {
      corrections.push({ ...c, from: t });
      ambiguous.set(words.length, corrections.length - 1);
      words.push(c.to);
    } else {
      words.push(s);
      unknownWords.push(t);
    }
  });

  // Of equally close readings, take the one that completes the longest name ("portl vein" → "portal").
  for (const [at, ci] of ambiguous) {
    const c = corrections[ci]!;
    const options = [c.to, ...c.alternatives];
    const coverage = (w: string) => {
      const trial = [...words];
      trial[at] = w;
      return vocabulary.index
        .match(trial)
        .reduce((n, m) => n + (m.start <= at && at < m.end ? m.end - m.start : 0), 0);
    };
    const best = options.reduce((a, b) => (coverage(b) > coverage(a) ? b : a));
    words[at] = best;
    corrections[ci] = { ...c, to: best, alternatives: options.filter((o) => o !== best) };
  }
  const matches = combine(vocabulary.index.match(words), vocabulary.index.matchUnordered(words, new Set()));
  // "Is TIPS hepatobiliary or venous access?" asks which, not yes/no; "ICU in Jan or Feb?" is still yes/no.
  const or = words.findIndex((w) => L.OR_WORDS.has(w));
  if (
    or > 0 &&
    !words.some((w) => L.NEGATION.has(w) || L.EITHER_WORDS.has(w)) &&
    matches.some((m) => m.end <= or) &&
    matches.some((m) => m.start > or)
  )
    yesNo = false;
  // "Is my ICU before my VA month?": a comparison of two things named, by the language file's words;
  // "before or after" asks which.
  // Beside a time only when a block is asked about, not who is there ("who's on ICU after New Year's?").
  const whoAsked = raw.some((w) => L.WHO.has(w)) || whole.has('who_asked');
  const comparison = comparisonIn(
    words,
    matches,
    vocabulary.knowledge.language.follow_ups,
    dates.length > 0 && !whoAsked,
  );
  if (comparison?.order === 'before-or-after') yesNo = false;
  const tense = comparison ? pastBeyondBefore : past;
  // "IR doesn't do kids, right?" states a claim: Yes/No then says whether the claim holds.
  // "Is it true IR doesn't do drains?" puts a claim too, though it starts as a yes/no question.
  const claimed = !startsYesNo || whole.opening('claim_opening') > 0;
  const negated = yesNo && claimed && all.some((w) => L.NEGATION.has(w));
  const spans = (ms: PhraseMatch[]) => ms.flatMap((m) => m.positions ?? range(m.start, m.end));
  // A knowledge-base word outside any whole name ("stents" from "biliary stent placement") names nothing known.
  const covered = new Set(spans(matches));
  const inWords = cuesOf(words, L);
  // A word is placed by a name it is part of, a phrase it is part of, or a word list that places it
  // on its own; "fellows" outside "which fellows" is what the question is about.
  const heldBy: Array<{ word: string; lists: CueName[] }> = [];
  words.forEach((w, i) => {
    const t = wordTokens[i]!;
    // "block 3", "month 3": a numbered period no date rule read is not understood, unit and all.
    const numbered = isNumber(w, L) && L.NUMBERED_UNITS.has(words[i - 1] ?? '') && !covered.has(i);
    if (numbered && !unknownWords.includes(wordTokens[i - 1]!)) unknownWords.push(wordTokens[i - 1]!);
    const placed =
      covered.has(i) ||
      inWords.phrases.coversAny(i) ||
      vocabulary.lexicon.has(w) ||
      (isNumber(w, L) && !numbered);
    if (!placed && !unknownWords.includes(t)) unknownWords.push(t);
    // Placed by a list only some answers read ("supervised", "level"): kept, for honesty to judge.
    const by = inWords.phrases.hits.filter((h) => h.start <= i && i < h.end).map((h) => h.list as CueName);
    const alone = !covered.has(i) && !vocabulary.lexicon.has(w) && !isNumber(w, L);
    if (alone && by.length && by.every((list) => READ_BY_SOME.has(list))) heldBy.push({ word: t, lists: by });
  });
  const variants = unlistedVariants(words, wordTokens, matches, vocabulary);
  const placeSites = [
    ...new Set(
      matches
        .filter((m) => {
          const before = L.DETERMINERS.has(words[m.start - 1] ?? '') ? m.start - 2 : m.start - 1;
          return L.PLACE_WORDS.has(words[before] ?? '');
        })
        .flatMap((m) => m.refs.filter((r) => r.kind === 'site').map((r) => r.id)),
    ),
  ];
  const ruledOut = matches.filter((m) => rulesOut(words, m.start, inWords.phrases, L, nameBefore));
  // "Casey isn't on IR, right?": the "not" rules IR out, so it does not also turn the claim round.
  const negationRuledOut =
    ruledOut.length > 0 && words.some((w, i) => L.NEGATION.has(w) && inWords.phrases.covers('ruled_out', i));
  const negatedClaim = negated && !negationRuledOut;
  const refs = collect(matches.filter((m) => !ruledOut.includes(m)));
  const excluded = ruledOut.length ? collect(ruledOut) : NOTHING_EXCLUDED;
  addYearRanges(folded, refs, vocabulary);
  const has = (w: ReadonlySet<string>) => raw.some((x) => w.has(x));
  const asks = {
    who: has(WHO) || whole.has('who_asked'),
    when: has(WHEN),
    where: has(WHERE),
    howMany: whole.has('count_asked') || has(TOTAL_WORDS) || yearSum(folded, vocabulary),
    // "More than 10 months left?" asks what is left; the "more" of "more than once" does not.
    left: raw.some((w, i) => LEFT.has(w) && !whole.covers('comparison', i + opening)),
    // From the words left after dates: "the day after tomorrow" is a date, not "after".
    next: tokens.some((w) => L.NEXT_WORDS.has(w)),
    after: tokens.some((w) => L.AFTER_WORDS.has(w)),
  };
  // "tell me" is a way of asking, and "I heard/think/wonder" a way of speaking, not the asker's schedule.
  const personal = raw.some((w, i) => PERSONAL.has(w) && !whole.covers('not_personal', i + opening));
  const pronoun = (i: number) => isPronounOne(tokens, i, vocabulary);
  const numbers = tokens.flatMap((t, i) =>
    /^\d{1,2}$/.test(t) ? [Number(t)] : L.NUMBERS[t] && !pronoun(i) ? [L.NUMBERS[t]!] : [],
  );
  const cues = inWords.names;
  const countClaimed = countClaimIn(tokens, vocabulary);
  const quantifier = quantifierOf(words, L);
  const opens: CueName[] = [
    ...(L.LISTS_OF.get(words[0] ?? '') ?? []),
    ...(inWords.phrases.hits.filter((h) => h.start === 0).map((h) => h.list) as CueName[]),
  ];
  const base = {
    text,
    yesNo,
    personal,
    past: tense,
    asks,
    refs,
    placeSites,
    excluded,
    matches,
    dates,
    people,
    unknownPeople,
    unknownWords,
    ...(heldBy.length ? { heldBy } : {}),
    ...(countClaimed ? { countClaimed } : {}),
    corrections,
    words,
    numbers,
    negatedClaim,
    ...(variants.length ? { variants } : {}),
    impossibleDate: impossibleDate(folded),
    cues,
    opens,
    aspects: aspectsOf({ asks, past: tense, cues }),
    ...(quantifier ? { quantifier } : {}),
    ...(comparison ? { order: comparison.order, compared: collect(comparison.compared) } : {}),
  };
  const intent = decideIntent(base, raw, whole, vocabulary);
  return { intent, ask: asksOf({ ...base, intent }, L.DOES_STARTERS.has(all[0] ?? '')), ...base };
}
