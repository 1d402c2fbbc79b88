import type { Resident, Schedule } from '../schedule/types.js';
import type { IsoDate } from '../time/local-date.js';
import { type DateRef, parseDates } from './dates.js';
import {
  CALENDAR,
  GREETING,
  HELP,
  LEFT,
  PAST,
  PERFORM,
  PERSONAL,
  THANKS,
  WHEN,
  WHERE,
  WHO,
  YES_NO_STARTERS,
} from './lexicon.js';
import { foldText, usSpelling } from './text/normalize.js';
import {
  type Correction,
  type EntityKind,
  type EntityRef,
  type PhraseMatch,
  stem,
} from './text/phrase-index.js';
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
  | 'faq'
  | 'fallback';

export type Refs = Record<EntityKind, string[]>;

/** What the bot understood, and why: every field is visible in `ask --json` for explanation. */
export interface Understanding {
  intent: Intent;
  yesNo: boolean;
  personal: boolean;
  past: boolean;
  asks: { who: boolean; when: boolean; where: boolean; howMany: boolean; left: boolean; next: boolean };
  refs: Refs;
  matches: PhraseMatch[];
  dates: DateRef[];
  /** Residents named in the question, one candidate list per mention. */
  people: Resident[][];
  /** Words the bot did not understand (neither vocabulary nor ordinary words). */
  unknownWords: string[];
  corrections: Correction[];
  /** The question's words, normalised and typo-corrected. */
  words: string[];
}

export interface UnderstandContext {
  vocabulary: Vocabulary;
  schedule?: Schedule;
  today: IsoDate;
}

const FILLER = new Set([
  'rotabot',
  'bot',
  'there',
  'you',
  'so',
  'much',
  'very',
  'again',
  'all',
  'guys',
  'team',
  'a',
  'lot',
  'for',
  'the',
  'and',
  'good',
  'day',
  'just',
  'wanted',
  'to',
  'say',
  'many',
]);
const SCHEDULE_STRONG = new Set([
  'rotation',
  'rotations',
  'rotating',
  'schedule',
  'scheduled',
  'assigned',
  'assignment',
  'block',
  'blocks',
  'service',
]);
const OPTION_WORDS = new Set([
  'replace',
  'replacing',
  'instead',
  'swap',
  'option',
  'optional',
  'substitute',
  'choose',
  'extra',
  'additional',
]);
const SEPARATE_WORDS = new Set(['separate', 'different', 'own', 'distinct', 'split', 'unified', 'same']);
const TRAINING_WORDS = new Set([
  'residency',
  'training',
  'pgy',
  'curriculum',
  'structure',
  'integrated',
  'program',
  'year',
  'years',
]);

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

/** Finds residents named in the question ("Alice", "Dr. Chen", "Alice Chen's"), consuming their words. */
function findPeople(
  tokens: string[],
  schedule: Schedule | undefined,
  vocabulary: Vocabulary,
): { people: Resident[][]; used: Set<number> } {
  const people: Resident[][] = [];
  const used = new Set<number>();
  if (!schedule) return { people, used };
  const lookup = (q: string) => {
    const found = schedule.findByName(q);
    return found.length || !q.endsWith('s') ? found : schedule.findByName(q.slice(0, -1));
  };
  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i)) continue;
    const afterTitle = i > 0 && (tokens[i - 1] === 'dr' || tokens[i - 1] === 'doctor');
    const two = i + 1 < tokens.length ? lookup(`${tokens[i]} ${tokens[i + 1]}`) : [];
    if (two.length) {
      people.push(two);
      used.add(i).add(i + 1);
      continue;
    }
    const t = tokens[i]!;
    if (t.length < 2 || PERSONAL.has(t)) continue;
    if (!afterTitle && (vocabulary.index.knows(stem(t)) || /^\d/.test(t))) continue;
    const one = lookup(t);
    if (one.length) {
      people.push(one);
      used.add(i);
      if (afterTitle) used.add(i - 1);
    }
  }
  return { people, used };
}

export function understand(text: string, ctx: UnderstandContext): Understanding {
  const { vocabulary } = ctx;
  const folded = foldText(text);
  const raw = folded.split(/[^a-z0-9]+/).filter(Boolean);
  const past = raw.some((w) => PAST.has(w));
  const first = raw.find(
    (w) => !GREETING.has(w) && !FILLER.has(w) && w !== 'quick' && w !== 'question' && w !== 'q',
  );
  const yesNo = first !== undefined && YES_NO_STARTERS.has(first);

  const { refs: dates, rest } = parseDates(folded, {
    today: ctx.today,
    academicYearStartMonth: vocabulary.knowledge.program.academic_year_start_month,
    past,
  });
  const tokens = rest
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map(usSpelling);
  const { people, used } = findPeople(tokens, ctx.schedule, vocabulary);

  const corrections: Correction[] = [];
  const words: string[] = [];
  const unknownWords: string[] = [];
  tokens.forEach((t, i) => {
    if (used.has(i)) return;
    const s = stem(t);
    if (vocabulary.index.knows(s) || /^\d+$/.test(t)) {
      words.push(s);
      return;
    }
    const c = vocabulary.index.correct(s);
    if (c) {
      corrections.push({ ...c, from: t });
      words.push(c.to);
    } else {
      words.push(s);
      unknownWords.push(t);
    }
  });

  const matches = vocabulary.index.match(words);
  const refs = collect(matches);
  addYearRanges(folded, refs, vocabulary);
  const has = (w: Set<string>) => raw.some((x) => w.has(x));
  const asks = {
    who: has(WHO) || /\bwhich (division|section|team|service|group|department)s?\b/.test(folded),
    when: has(WHEN),
    where: has(WHERE),
    howMany: /\bhow (many|much)\b/.test(folded) || raw.includes('count'),
    left: has(LEFT),
    next:
      raw.includes('next') || raw.includes('after') || raw.includes('upcoming') || raw.includes('following'),
  };
  const personal = has(PERSONAL);
  const base = {
    yesNo,
    personal,
    past,
    asks,
    refs,
    matches,
    dates,
    people,
    unknownWords,
    corrections,
    words,
  };
  return { intent: decide(base, raw, folded), ...base };
}

type Facts = Omit<Understanding, 'intent'>;

/** "R1-R3", "R1 to R3", "R1–R3": every year between, not just the two ends. */
function addYearRanges(folded: string, refs: Refs, vocabulary: Vocabulary): void {
  for (const m of folded.matchAll(/\br\s?(\d)\s*(?:-|\u2013|\u2014|to|through|thru|and)\s*r?\s?(\d)\b/g)) {
    for (let n = Number(m[1]); n <= Number(m[2]); n++) {
      for (const ref of vocabulary.index.lookup(`r${n}`)) {
        if (ref.kind === 'year' && !refs.year.includes(ref.id)) refs.year.push(ref.id);
      }
    }
  }
}

function decide(u: Facts, raw: string[], folded: string): Intent {
  const { refs } = u;
  const any = (...kinds: EntityKind[]) => kinds.some((k) => refs[k].length > 0);
  const rawHas = (w: Set<string>) => raw.some((x) => w.has(x));
  const content = raw.filter((w) => !GREETING.has(w) && !THANKS.has(w) && !FILLER.has(w));

  if (raw.length === 0) return 'help';
  if (content.length === 0 && !u.dates.length) return raw.some((w) => THANKS.has(w)) ? 'thanks' : 'greeting';
  if (
    /^(help|\?|commands|usage|menu|start)$/.test(content.join(' ')) ||
    /\bwhat (can|do) (you|i) (do|ask|know)\b|\bhow (do|does|can) (i|you) (use|ask)\b/.test(folded)
  ) {
    return 'help';
  }
  if (rawHas(CALENDAR)) return 'calendar.link';
  if (u.people.length && !u.personal) return 'schedule.person';

  const procedureLike = any('procedure', 'exclusion');
  const scheduleTarget = any('rotation', 'group', 'site');
  const strongSchedule = rawHas(SCHEDULE_STRONG);
  const scheduleCue =
    u.dates.length > 0 || strongSchedule || raw.includes('on') || raw.includes('at') || u.asks.next;
  const trainingTalk = any('year') || raw.some((w) => TRAINING_WORDS.has(w)) || rawHas(OPTION_WORDS);

  if (
    u.personal &&
    !procedureLike &&
    !(trainingTalk && !u.dates.length && !strongSchedule && !u.asks.left && !u.past)
  ) {
    if (u.dates.length || scheduleTarget || scheduleCue || u.asks.howMany || u.asks.when)
      return 'schedule.mine';
  }
  if (u.people.length) return 'schedule.person';
  if (u.asks.who && scheduleTarget && !procedureLike) {
    const coverageFact =
      /\b(cover|covers|covered|coverage|staff|staffs|staffed|run|runs)\b/.test(folded) && !u.dates.length;
    if (!coverageFact && (scheduleCue || raw.includes('is') || raw.includes('s') || raw.includes('are')))
      return 'schedule.who';
  }
  if (procedureLike) return u.asks.who || u.asks.where ? 'procedure.who' : 'procedure.does';
  if (any('faq') && matchedWords(u, 'faq') >= 2) return 'faq';
  if (refs.topic.includes('patients')) return 'program.patients';
  if (refs.topic.includes('volume') || (u.asks.howMany && /\b(procedures?|cases?)\b/.test(folded)))
    return 'program.volume';
  if (any('category')) return 'category.list';
  if (refs.topic.includes('contact')) return 'program.contact';
  if (any('rotation', 'group') && u.asks.howMany) return 'training';
  if (any('year') || (trainingTalk && (any('group') || u.asks.howMany || /\b(long|length)\b/.test(folded))))
    return 'training';
  if (u.dates.length && scheduleTarget) return 'schedule.who';
  if (any('site') && !any('rotation', 'group')) return 'program.site';
  if (
    any('site') &&
    rawHas(new Set(['where', 'far', 'located', 'location', 'street', 'cover', 'covers', 'coverage']))
  )
    return 'program.site';
  if (any('division')) return 'procedure.who';
  if (any('rotation', 'group') && !any('program')) return 'rotation.info';
  if (any('rotation', 'group') && u.asks.howMany) return 'training';
  if (any('faq')) return 'faq';
  if (trainingTalk && !any('program')) return 'training';
  const aboutIr = any('program') || raw.includes('you') || raw.includes('they') || raw.includes('we');
  if (u.unknownWords.length && (rawHas(PERFORM) || u.yesNo) && (aboutIr || u.asks.who))
    return 'procedure.unknown';
  if (any('program') && rawHas(SEPARATE_WORDS)) return 'program.patients';
  if (any('program', 'group')) return 'program.overview';
  if (rawHas(HELP) && content.length <= 3) return 'help';
  return 'fallback';
}

function matchedWords(u: Facts, kind: EntityKind): number {
  return u.matches
    .filter((m) => m.refs.some((r: EntityRef) => r.kind === kind))
    .reduce((n, m) => n + (m.end - m.start), 0);
}
