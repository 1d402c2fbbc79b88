import type { Resident, Schedule } from '../schedule/types.js';
import type { IsoDate } from '../time/local-date.js';
import { type DateRef, parseDates } from './dates.js';
import type { Order } from './frame.js';
import { decideIntent } from './intent.js';
import type { ResolvedMention } from './mentions.js';
import { findPeople } from './people.js';
import {
  addYearRanges,
  combine,
  fixMonthTypos,
  impossibleDate,
  NUMBER_WORDS,
  range,
  trailingYesNo,
} from './question-shape.js';
import { foldText, usSpelling } from './text/normalize.js';
import { type Correction, type EntityKind, type PhraseMatch, stem } from './text/phrase-index.js';
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
  corrections: Correction[];
  /** The question's words, normalised and typo-corrected. */
  words: string[];
  /** Numbers the question states ("two research months", "4 years"), for yes/no questions that claim a count. */
  numbers: number[];
  /** A statement with a negation asked back ("IR doesn't do kids, right?"): the verdict answers the claim. */
  negatedClaim: boolean;
  /** A date as written that does not exist ("4/31"); the answer says so instead of guessing. */
  impossibleDate?: string;
  /** "Is that before or after ICU?": where the question's time lies beside the blocks it names. */
  order?: Order;
  /** The other questions of the same message, each understood alone ("…? And who is at the VA?"). */
  also?: Understanding[];
}

export interface UnderstandContext {
  vocabulary: Vocabulary;
  schedule?: Schedule;
  today: IsoDate;
  /** Platform mentions, written into the text as tokens by `markMentions`. */
  mentions?: readonly ResolvedMention[];
}

/** "4", "two", "5th": a number is placed, as a number. */
const isNumber = (w: string) => /^\d+(st|nd|rd|th)?$/.test(w) || NUMBER_WORDS[w] !== undefined;

/** The words before a name that rule it out: "non-IR", "except the VA", "but not ICU", "other than IR". */
export function rulesOut(words: readonly string[], at: number, EXCEPT: ReadonlySet<string>): boolean {
  const before = (k: number) => words[at - k] ?? '';
  const skip = before(1) === 'the' || before(1) === 'at' || before(1) === 'on' ? 1 : 0;
  const w1 = before(1 + skip);
  const w2 = before(2 + skip);
  return (
    EXCEPT.has(w1) ||
    (w1 === 'not' && w2 === 'but') ||
    (w1 === 'than' && w2 === 'other') ||
    (w1 === 'from' && w2 === 'apart') ||
    // "my next rotation that isn't IR"
    (/^(isnt|arent|not)$/.test(w1) && /^(that|which|thats)$/.test(w2))
  );
}

function emptyRefs(): Refs {
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

function collect(matches: PhraseMatch[]): Refs {
  const refs = emptyRefs();
  for (const m of matches) for (const r of m.refs) if (!refs[r.kind].includes(r.id)) refs[r.kind].push(r.id);
  return refs;
}

export function understand(text: string, ctx: UnderstandContext): Understanding {
  const { vocabulary } = ctx;
  const {
    EXCEPT,
    FILLER,
    GREETING,
    LEFT,
    ME_VERBS,
    PAST,
    PERSONAL,
    SHORTHAND,
    TOTAL_WORDS,
    WHEN,
    WHERE,
    WHO,
    YES_NO_STARTERS,
  } = vocabulary.words;
  const folded = foldText(text).replace(/[a-z0-9]+/g, (w) => SHORTHAND[w] ?? w);
  // "May I ask…", "can you tell me…", "I was wondering…": politeness, not the question itself.
  const asked = folded.replace(
    /^\s*(?:(?:may|can|could) (?:i|you) (?:please )?(?:ask|know|tell me|check|see)|i (?:was|am) wondering|quick question|question)\b[\s,:]*/,
    '',
  );
  const raw = asked
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map(usSpelling);
  const past = raw.some((w) => PAST.has(w));
  const first = raw.find(
    (w) => !GREETING.has(w) && !FILLER.has(w) && w !== 'quick' && w !== 'question' && w !== 'q',
  );
  const startsYesNo =
    (first !== undefined && YES_NO_STARTERS.has(first)) || trailingYesNo(folded, YES_NO_STARTERS);
  // "IR does Y90, right?" and "I wonder if IR does TIPS" ask yes or no too; "X or Y?" asks which, not yes/no.
  const tagged =
    /,?\s*(right|correct|true|yeah|yes|no|isnt it|dont they|doesnt it|arent they|is that right)\s*\?*\s*$/.test(
      // the tag before any trailing thanks: "IR does Y90, right? thanks!"
      folded.replace(/[\s!.?]*\b(thanks?|thank you|thx|ty|cheers|please)\b[\s!.]*$/, '').trim(),
    );
  const embedded =
    /\b(if|whether)\s+(ir|you|we|they|the|it|there|i|duke|residents?)\b/.test(folded) &&
    !/^(what|which|who|when|where|how)\b/.test(folded);
  let yesNo = startsYesNo || tagged || embedded;

  const { refs: dates, rest } = parseDates(fixMonthTypos(folded, vocabulary), {
    today: ctx.today,
    academicYearStartMonth: vocabulary.knowledge.program.academic_year_start_month,
    locale: vocabulary.knowledge.program.locale,
    past,
  });
  // British spelling is folded only into words the bot knows, so "biopises" stays a typo to correct.
  const tokens = rest
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((t) => {
      const us = usSpelling(t);
      return us === t || vocabulary.index.knows(stem(us)) ? us : t;
    });
  const { people, used, unknown: unknownPeople } = findPeople(tokens, ctx.schedule, vocabulary, ctx.mentions);

  const corrections: Correction[] = [];
  // Word positions whose typo had several equally close readings, and their correction.
  const ambiguous = new Map<number, number>();
  const words: string[] = [];
  const wordTokens: string[] = [];
  const unknownWords: string[] = [];
  tokens.forEach((t, i) => {
    if (used.has(i)) return;
    wordTokens.push(t);
    const s = stem(t);
    if (vocabulary.index.knows(s) || isNumber(t)) {
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
  const or = words.indexOf('or');
  if (
    or > 0 &&
    !words.includes('not') &&
    !words.includes('either') &&
    matches.some((m) => m.end <= or) &&
    matches.some((m) => m.start > or)
  )
    yesNo = false;
  // "IR doesn't do kids, right?" states a claim: Yes/No then says whether the claim holds.
  const negatedClaim = yesNo && !startsYesNo && /\b(not|dont|doesnt|didnt|isnt|arent|never)\b/.test(folded);
  const spans = (ms: PhraseMatch[]) => ms.flatMap((m) => m.positions ?? range(m.start, m.end));
  // A knowledge-base word outside any whole name ("stents" from "biliary stent placement") names nothing known.
  const covered = new Set(spans(matches));
  words.forEach((w, i) => {
    const t = wordTokens[i]!;
    if (!covered.has(i) && !vocabulary.lexicon.has(w) && !isNumber(w) && !unknownWords.includes(t))
      unknownWords.push(t);
  });
  const ruledOut = matches.filter((m) => rulesOut(words, m.start, EXCEPT));
  const refs = collect(matches.filter((m) => !ruledOut.includes(m)));
  const excluded = collect(ruledOut);
  addYearRanges(folded, refs, vocabulary);
  const has = (w: ReadonlySet<string>) => raw.some((x) => w.has(x));
  const asks = {
    who:
      has(WHO) ||
      /\bwhich (division|section|team|service|group|department|resident|people|person|one|fellow)s?\b/.test(
        folded,
      ) ||
      /\banyone\b|\banybody\b|\bsomeone\b/.test(folded),
    when: has(WHEN),
    where: has(WHERE),
    howMany:
      /\bhow (many|much)\b/.test(folded) ||
      raw.includes('count') ||
      has(TOTAL_WORDS) ||
      /\br\d\s*\+\s*r\d\b/.test(folded),
    left: has(LEFT) && !/\bmore than\b/.test(folded),
    // From the words left after dates: "the day after tomorrow" is a date, not "after".
    next: ['next', 'after', 'upcoming', 'following'].some((w) => tokens.includes(w)),
    after: tokens.includes('after'),
  };
  // "me" after "tell/show/let" is a way of asking, and "I heard/think/wonder" a way of speaking,
  // not the asker's schedule.
  const personal = raw.some(
    (w, i) =>
      PERSONAL.has(w) &&
      !(w === 'me' && ME_VERBS.has(raw[i - 1] ?? '')) &&
      !(
        w === 'i' &&
        /^(heard|hear|think|thought|wonder|wondered|read|know|want|wanted|believe|guess|assume|remember)$/.test(
          raw[i + 1] ?? '',
        )
      ),
  );
  const numbers = tokens.flatMap((t) =>
    /^\d{1,2}$/.test(t) ? [Number(t)] : NUMBER_WORDS[t] ? [NUMBER_WORDS[t]!] : [],
  );
  const base = {
    text,
    yesNo,
    personal,
    past,
    asks,
    refs,
    excluded,
    matches,
    dates,
    people,
    unknownPeople,
    unknownWords,
    corrections,
    words,
    numbers,
    negatedClaim,
    impossibleDate: impossibleDate(folded),
  };
  return { intent: decideIntent(base, raw, folded, vocabulary), ...base };
}
