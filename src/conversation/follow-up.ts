import { says } from '../core/cues.js';
import type { DateRef } from '../core/dates.js';
import type { Order } from '../core/frame.js';
import { aspectsOf } from '../core/frame-of.js';
import { decideIntentForText } from '../core/intent.js';
import { orderOf } from '../core/order.js';
import { isOrdinaryEnglish } from '../core/text/english.js';
import { foldText } from '../core/text/normalize.js';
import { type EntityKind, type PhraseMatch, stem } from '../core/text/phrase-index.js';
import { emptyRefs, type Intent, type Refs, type Understanding } from '../core/understand.js';
import type { Vocabulary } from '../core/vocabulary.js';
import type { FollowUpWords } from '../knowledge/language.js';
import type { Resident, Schedule } from '../schedule/types.js';
import { DEFAULT_LOCALE, formatDate, formatMonth } from '../time/format-date.js';
import { addDays, addMonths, type IsoDate, lastDayOfMonth, monthOf } from '../time/local-date.js';
import { answeredBlock, bareMonth, frameOfAnswer, listedBlocks } from './answered.js';
import type { ContextFrame, ConversationContext } from './context.js';
import { pickReading, residentsOf } from './readings.js';
import { contextFrameOf } from './remember.js';

/**
 * Completing a follow-up: a message that lacks what its question needs takes it from the
 * conversation's last frames. A message that stands alone is answered as itself — context never
 * changes it. What was taken is named, so a misreading is visible.
 */

export interface FollowUpEnv {
  vocabulary: Vocabulary;
  schedule?: Schedule;
  today: IsoDate;
}

/** One way to read an unclear follow-up: offered as a button, remembered for the reply. */
export interface Reading {
  label: string;
  question: string;
  frame: ContextFrame;
}

export type Completion =
  | { kind: 'standalone' }
  | { kind: 'completed'; understanding: Understanding; assumed: string[] }
  | {
      kind: 'clarify';
      text: string;
      readings: Reading[];
      /** In a message of several questions: the others, answered before and after this one. */
      among?: { before: Understanding[]; after: Understanding[] };
    };

const STANDALONE: Completion = { kind: 'standalone' };
const SMALL_TALK = new Set<Intent>(['greeting', 'thanks', 'help', 'calendar.link']);

/** Which slot of a frame an entity kind fills; a follow-up's new entity replaces the old one in its slot. */
type Slot = 'target' | 'procedure' | 'year' | 'other';
const SLOT: Record<EntityKind, Slot> = {
  rotation: 'target',
  group: 'target',
  site: 'target',
  procedure: 'procedure',
  category: 'procedure',
  exclusion: 'procedure',
  division: 'procedure',
  year: 'year',
  program: 'other',
  faq: 'other',
  topic: 'other',
};
/** The slots each family of question reads: a new entity outside them does not continue it. */
const SLOTS_OF: Partial<Record<Intent, Slot[]>> = {
  'schedule.mine': ['target', 'year'],
  'schedule.person': ['target', 'year'],
  'schedule.who': ['target', 'year'],
  'procedure.does': ['procedure'],
  'procedure.who': ['procedure'],
  'procedure.unknown': ['procedure'],
  'category.list': ['procedure'],
  training: ['year', 'target'],
  'rotation.info': ['target'],
  'program.site': ['target'],
};
const KINDS = Object.keys(SLOT) as EntityKind[];

// ── reading the message's own words ───────────────────────────────────────────────────────────

interface Cues {
  tokens: string[];
  opener: boolean;
  thing: boolean;
  place: boolean;
  /** A word standing for the last question's time ("who is on ICU then?"). */
  time: boolean;
  person: boolean;
  count: boolean;
  detail: boolean;
  /** Months (or days) to move the last question's time by: "the month after" → +1 month. */
  shift?: { unit: 'day' | 'month'; by: number };
  /** "before"/"after" with no unit beside it: a comparison ("is that before or after ICU?"). */
  order?: Order;
}

function hasPhrase(tokens: string[], phrase: string, at?: number): boolean {
  const p = phrase.split(' ');
  const fits = (i: number) => p.every((w, k) => tokens[i + k] === w);
  if (at !== undefined) return fits(at);
  for (let i = 0; i + p.length <= tokens.length; i++) if (fits(i)) return true;
  return false;
}

function readCues(text: string, words: FollowUpWords, v: Vocabulary, read: readonly string[]): Cues {
  const tokens = foldText(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  // A unit that ends a name ("my ICU month after research") is the name's: no move in time.
  const named = (i: number) => v.index.lookup(tokens[i] ?? '').length > 0;
  const has = (list: string[]) => list.some((w) => tokens.includes(w));
  // "is there a research month?" asks whether one exists; "who is there?" points at a place.
  const thereAt = tokens.lastIndexOf('there');
  const existential =
    words.being.includes(tokens[thereAt - 1] ?? '') &&
    (thereAt === 1 ||
      words.existential.includes(tokens[thereAt + 1] ?? '') ||
      // "what rotations are there?" lists what exists; "who is there?" asks about a place.
      (thereAt === tokens.length - 1 && !words.detail.includes(tokens[0] ?? '')));
  const place = has(words.places) && !existential;
  let shift: Cues['shift'];
  for (let i = 0; i < tokens.length; i++) {
    const unit = words.units[tokens[i]!];
    if (!unit) continue;
    if (named(i - 1)) continue;
    const near = [tokens[i - 1], tokens[i + 1]];
    const dir = near.some((w) => w && words.later.includes(w))
      ? 1
      : near.some((w) => w && words.earlier.includes(w))
        ? -1
        : 0;
    if (!dir) continue;
    shift =
      unit === 'day'
        ? { unit: 'day', by: dir }
        : unit === 'week'
          ? { unit: 'day', by: 7 * dir }
          : { unit: 'month', by: (unit === 'year' ? 12 : 1) * dir };
  }
  const order = orderOf(tokens, words, named);
  return {
    tokens,
    ...(order ? { order } : {}),
    opener: words.openers.some((o) => hasPhrase(tokens, o, 0)),
    // Of the words left after dates: "this year" is a time, not "this" pointing back.
    thing: read.some((w) => words.things.some((t) => t === w || stem(t) === w)),
    place,
    // Not the first word: "then what about May?" opens a follow-up, "what is she on then?" points back.
    time: tokens.slice(1).some((w) => words.times.includes(w)),
    person: has(words.people),
    count: words.count.some((c) => hasPhrase(tokens, c)),
    detail: words.detail.some((d) => hasPhrase(tokens, d, 0)) && tokens.length <= 4,
    ...(shift ? { shift } : {}),
  };
}

/** Nothing in the message asks anything: every word names a thing, a time, a person, or connects. */
function isFragment(u: Understanding, cues: Cues, words: FollowUpWords): boolean {
  const covered = new Set(u.matches.flatMap((m) => m.positions ?? range(m.start, m.end)));
  // The opening phrase ("what about") is the cue itself; after it, only names and connectors.
  const opener = cues.opener
    ? words.openers
        .filter((o) => hasPhrase(cues.tokens, o, 0))
        .map((o) => o.split(' '))
        .sort((a, b) => b.length - a.length)[0]
    : undefined;
  const skip = opener?.every((w, i) => u.words[i] === w) ? opener.length : 0;
  const filler = new Set([
    ...words.connectors,
    ...words.things,
    ...words.places,
    ...words.people,
    ...words.later,
    ...words.earlier,
    ...Object.keys(words.units),
  ]);
  const bare = u.words.every((w, i) => i < skip || covered.has(i) || filler.has(w) || /^\d+$/.test(w));
  const something =
    u.dates.length > 0 || u.people.length > 0 || u.matches.length > 0 || cues.shift !== undefined;
  // A cue word the rest of the knowledge base does not know ("ditto for April") is still a cue.
  const cue = new Set([...filler, ...words.openers.flatMap((o) => o.split(' '))]);
  return bare && something && u.unknownWords.every((w) => cue.has(w));
}

function range(a: number, b: number): number[] {
  return Array.from({ length: Math.max(0, b - a) }, (_, i) => a + i);
}

// ── frames ↔ understanding ───────────────────────────────────────────────────────────────────

function refsOf(subjects: ContextFrame['subjects']): Refs {
  const refs = emptyRefs();
  for (const s of subjects) {
    const list = refs[s.kind as EntityKind];
    if (list && !list.includes(s.id)) list.push(s.id);
  }
  return refs;
}

function slotsIn(refs: Refs): Set<Slot> {
  return new Set(KINDS.filter((k) => refs[k].length).map((k) => SLOT[k]));
}

function matchesOf(named: ContextFrame['named']): PhraseMatch[] {
  return named.map((refs) => ({
    start: 0,
    end: 0,
    text: '',
    refs: refs.map((r) => ({ kind: r.kind as EntityKind, id: r.id })),
  }));
}

interface Parts {
  intent: Intent;
  yesNo: boolean;
  personal: boolean;
  past: boolean;
  asks: Understanding['asks'];
  refs: Refs;
  matches: PhraseMatch[];
  dates: DateRef[];
  people: Resident[][];
  /** A comparison in time, and the subjects whose blocks it places ("is my ICU before…"). */
  order: Order | undefined;
  compared: Refs | undefined;
  /** "Who is not on IR?": what the question ruled out, kept by a follow-up that names no new subject. */
  excluded: Refs;
  /** "Who else is there?": whom the question is about left out (the asker, or `besides`). */
  others: boolean | undefined;
  besides: Resident[] | undefined;
}

function partsOfFrame(f: ContextFrame, schedule: Schedule | undefined): Parts {
  return {
    intent: f.intent as Intent,
    yesNo: f.yesNo,
    personal: f.personal,
    past: f.past,
    asks: { ...f.asks },
    refs: refsOf(f.subjects),
    matches: matchesOf(f.named),
    dates: f.time as DateRef[],
    people: f.people.map((names) => residentsOf(names, schedule)).filter((p) => p.length),
    order: f.order,
    compared: f.compared ? refsOf(f.compared) : undefined,
    excluded: f.excluded ? refsOf(f.excluded) : emptyRefs(),
    others: f.others,
    besides: f.besides ? residentsOf(f.besides, schedule) : undefined,
  };
}

function partsOf(u: Understanding): Parts {
  const {
    intent,
    yesNo,
    personal,
    past,
    asks,
    refs,
    matches,
    dates,
    people,
    order,
    compared,
    excluded,
    others,
    besides,
  } = u;
  return {
    ...{ intent, yesNo, personal, past, asks: { ...asks }, refs, matches, dates, people },
    ...{ order, compared, excluded, others, besides },
  };
}

function withParts(u: Understanding, p: Parts): Understanding {
  return { ...u, ...p, asks: { ...p.asks } };
}

// ── naming what was assumed ──────────────────────────────────────────────────────────────────

function nameOf(kind: EntityKind, id: string, v: Vocabulary): string {
  const maps: Partial<Record<EntityKind, Map<string, { name: string }>>> = {
    procedure: v.procedures,
    category: v.categories,
    exclusion: v.exclusions,
    division: v.divisions,
    rotation: v.rotations,
    group: v.groups,
    site: v.sites,
  };
  if (kind === 'year') return v.years.get(id)?.level ?? id.toUpperCase();
  return maps[kind]?.get(id)?.name ?? id;
}

function subjectNames(refs: Refs, slots: Set<Slot>, v: Vocabulary): string[] {
  const names: string[] = [];
  // A rotation's group says the same thing twice ("IR" names the group and the rotation).
  for (const kind of KINDS) {
    if (!slots.has(SLOT[kind]) || SLOT[kind] === 'other') continue;
    if (kind === 'group' && refs.rotation.length) continue;
    for (const id of refs[kind]) names.push(nameOf(kind, id, v));
  }
  return [...new Set(names)];
}

function shiftDate(ref: DateRef, shift: NonNullable<Cues['shift']>, locale: string): DateRef {
  const move = (d: IsoDate) =>
    shift.unit === 'day' ? addDays(d, shift.by) : `${addMonths(d.slice(0, 7), shift.by)}${d.slice(7)}`;
  if (ref.kind === 'month' && shift.unit === 'month') {
    const month = addMonths(ref.month, shift.by);
    return { kind: 'month', month, label: formatMonth(month, locale) };
  }
  if (ref.kind === 'day') {
    const date = move(ref.date);
    return { kind: 'day', date, label: formatDate(date, locale) };
  }
  // "the week after" a month: the days that follow it.
  const [from0, to0] =
    ref.kind === 'month' ? [`${ref.month}-01`, lastDayOfMonth(ref.month)] : [ref.from, ref.to];
  const from =
    shift.unit === 'day' && ref.kind === 'month'
      ? shift.by > 0
        ? addDays(to0, 1)
        : addDays(from0, shift.by)
      : move(from0);
  const to =
    shift.unit === 'day' && ref.kind === 'month'
      ? shift.by > 0
        ? addDays(to0, shift.by)
        : addDays(from0, -1)
      : move(to0);
  return { kind: 'range', from, to, label: `${formatDate(from, locale)} – ${formatDate(to, locale)}` };
}

// ── completing ───────────────────────────────────────────────────────────────────────────────

/** The newest frame (clarifying readings first) that has what `has` looks for. */
function newest(context: ConversationContext, has: (f: ContextFrame) => boolean): ContextFrame | undefined {
  const frames = [...(context.clarifying ?? []), ...[...context.frames].reverse()];
  return frames.find(has);
}

/**
 * Completes a follow-up from the conversation. `pointAt` is the block "that" stands for when the
 * last answer listed several and one of them is being tried (see `whichBlock`).
 */
export function completeFollowUp(
  asked: Understanding,
  context: ConversationContext | undefined,
  env: FollowUpEnv,
  pointAt?: ContextFrame,
): Completion {
  if (!context) return STANDALONE;
  // "Who should I ask then?": whom to ask is the contact, whatever came before.
  if (asked.intent === 'program.contact') return STANDALONE;
  // The cue words are the knowledge base's (language.yaml, follow_ups).
  const words = env.vocabulary.knowledge.language.follow_ups;
  const cues = readCues(asked.text, words, env.vocabulary, asked.words);
  const v = env.vocabulary;
  const locale = v.knowledge.program.locale ?? DEFAULT_LOCALE;
  const lastAsked = context.frames[context.frames.length - 1];
  // "and May?" after a schedule question: the month, not the verb.
  const u =
    (lastAsked &&
      bareMonth(asked, lastAsked, words, {
        today: env.today,
        academicYearStartMonth: v.knowledge.program.academic_year_start_month,
        locale,
        past: asked.past,
        ...(env.schedule?.coverage ? { scheduledUntil: env.schedule.coverage.last } : {}),
      })) ||
    asked;

  // The reply to the bot's own "which one did you mean?".
  if (context.clarifying?.length) {
    const picked = pickReading(u, context.clarifying, env);
    const complete = !isFragment(u, cues, words) && !cues.person && !cues.thing && u.intent !== 'fallback';
    if (picked && !complete) {
      const p = partsOfFrame(picked, env.schedule);
      const who = p.people.flat().map((r) => `${r.name} (${r.level})`);
      // The reading is the question; the reply's own words ("the first one") only chose it.
      const chosen = {
        ...withParts(u, p),
        cues: [],
        aspects: picked.aspects ?? aspectsOf({ ...p, cues: [] }),
      };
      return {
        kind: 'completed',
        understanding: chosen,
        assumed: who.length ? who : subjectNames(p.refs, new Set(['target', 'procedure', 'year']), v),
      };
    }
  }

  const last = context.frames[context.frames.length - 1];
  if (!last || (SMALL_TALK.has(u.intent) && !cues.opener)) return STANDALONE;
  const fragment = isFragment(u, cues, words);
  const counting =
    cues.count && !slotsIn(u.refs).size && (cues.thing || cues.opener || u.intent === 'fallback');
  // "Who is there?" asks about a place; "who are they?" about the last answer's members.
  const detail = cues.detail && !cues.place && !slotsIn(u.refs).size && !u.people.length && !u.dates.length;
  const own = partsOf(u);
  const assumed: string[] = [];
  /** The person a pronoun stood for: a short follow-up ("and her?") keeps the last question's time. */
  const pronounFor: string[] = [];

  // Pronouns: a person ("she", "her") or a thing or place ("it", "that", "there") from before.
  const personSource =
    cues.person && !u.people.length ? newest(context, (f) => f.people.length > 0) : undefined;
  if (personSource) {
    const people = partsOfFrame(personSource, env.schedule).people;
    const mentioned = [...new Map(people.flat().map((r) => [r.email, r])).values()];
    if (mentioned.length > 1) {
      return {
        kind: 'clarify',
        text: `Which of them do you mean: ${mentioned.map((r) => `${r.name} (${r.level})`).join(' or ')}?`,
        readings: mentioned.slice(0, 5).map((r) => ({
          label: `${r.name} (${r.level})`,
          question: `${r.name} (${r.level})`,
          frame: { ...personSource, people: [[r.name]] },
        })),
      };
    }
    if (mentioned[0]) {
      own.people = [[mentioned[0]]];
      own.personal = false;
      pronounFor.push(mentioned[0].name);
    }
  }
  // "Who is on ICU then?": the time of the last question that had one.
  const timeSource = cues.time && !own.dates.length ? newest(context, (f) => f.time.length > 0) : undefined;
  if (timeSource) {
    own.dates = timeSource.time as DateRef[];
    assumed.push(...own.dates.map((d) => d.label));
  }
  const lacking = (f: ContextFrame) => {
    const mine = slotsIn(own.refs);
    const theirs = slotsIn(refsOf(f.subjects));
    return [...theirs].filter((s) => s !== 'other' && !mine.has(s));
  };
  // "is that at the VA?": the site is new, the rotation is the one before — a qualifier, not a replacement.
  // "That" after an answer about one block ("what am I on in March?") is that block, at its time.
  const pointed = (cues.thing || cues.place) && !counting && !detail;
  const placeOnly = cues.place && !cues.thing;
  const answered = pointed ? (pointAt ?? frameOfAnswer(last, v, placeOnly)) : undefined;
  // "That" after an answer that listed several blocks, with nothing else it could stand for: which one?
  const several = () => (pointAt ? [] : listedBlocks(last, v, placeOnly));
  // "Is that before or after ICU?": that block beside the subject named, on the same schedule.
  if (cues.order && cues.thing && !cues.shift && slotsIn(own.refs).has('target') && !own.people.length) {
    const time = pointAt?.time[0] ?? answeredBlock(last, v)?.time;
    if (time) return compared(u, own, partsOfFrame(last, env.schedule), time, cues.order);
    const blocks = several();
    if (blocks.length > 1) return whichBlock(asked, context, env, blocks);
  }
  const lastNamesOne = last.subjects.some((s) => SLOT[s.kind as EntityKind] === 'target');
  if (pointed && !answered && !lastNamesOne) {
    const blocks = several();
    if (blocks.length > 1) return whichBlock(asked, context, env, blocks);
  }
  const thingSource = pointed
    ? (answered ?? newest(context, (f) => f.subjects.some((s) => SLOT[s.kind as EntityKind] !== 'other')))
    : undefined;
  if (thingSource) {
    const from = partsOfFrame(thingSource, env.schedule);
    // "is that at Westridge?": a site's name that is also a rotation's label names the site here.
    if (own.refs.site.length) own.refs = withoutSiteLabels(own.refs, own.matches);
    let missing = lacking(thingSource);
    // A site named with "that" keeps the rotation it qualifies; a rotation named replaces nothing.
    const rotationOf = (r: Refs) => r.rotation.length + r.group.length > 0;
    if (!missing.length && own.refs.site.length && !rotationOf(own.refs) && rotationOf(from.refs))
      missing = ['target'];
    if (missing.length) {
      for (const kind of KINDS) {
        if (!missing.includes(SLOT[kind])) continue;
        if (kind === 'site' && own.refs.site.length) continue;
        own.refs = { ...own.refs, [kind]: [...new Set([...own.refs[kind], ...from.refs[kind]])] };
      }
      own.matches = [
        ...own.matches,
        ...from.matches.filter((m) => m.refs.some((r) => missing.includes(SLOT[r.kind]))),
      ];
      assumed.push(...subjectNames(from.refs, new Set(missing), v));
      // "How many of those are left?" counts to the end of the schedule, not in the last time asked.
      if (!own.dates.length && from.dates.length && !cues.shift && !own.asks.left) {
        own.dates = from.dates;
        assumed.push(...from.dates.map((d) => d.label));
      }
      // "Who is there?" asks who else, not about the person asked about before.
      const carries = !own.people.length && !own.asks.who;
      if (carries && from.people.length && !u.personal) {
        own.people = from.people;
        own.personal = false;
      } else if (carries && from.personal) own.personal = true;
      // "Who else is there?": everyone there but whom the last question was about.
      if (own.asks.who && !own.people.length && says(u, 'others_words')) {
        own.others = true;
        if (from.personal) own.personal = true;
        else if (from.people.length) own.besides = from.people.flat();
      }
    }
  }

  // "How many is that?", "which ones?": the last answer counted or listed.
  if (counting || detail) {
    const base = partsOfFrame(last, env.schedule);
    base.yesNo = false;
    base.asks = { ...base.asks, howMany: counting };
    // "How many of those are left?": from today to the end, not in the last time asked.
    if (counting && own.asks.left) {
      base.asks.left = true;
      base.dates = [];
    }
    // "Which ones?" lists the last answer's members; a comparison has none to list.
    base.order = undefined;
    base.compared = undefined;
    if (detail && base.intent === 'procedure.does' && base.refs.category.length)
      base.intent = 'category.list';
    return { kind: 'completed', understanding: withParts(u, base), assumed: describeAll(base, v) };
  }

  // A pronoun resolved is the completion: the message keeps its own ask ("is that at the VA?" asks yes or no).
  const short = cues.opener || fragment || cues.shift;
  const resolved = assumed.length > 0 || (pronounFor.length > 0 && !short);
  if (resolved || !short) {
    assumed.push(...pronounFor);
    // A question of its own with a pronoun: its own ask, the pronoun's referent filled in.
    if (!assumed.length) return STANDALONE;
    // "How many of those are at the VA?" after the months left: those are of the months left.
    if (thingSource?.asks.left && own.asks.howMany) own.asks = { ...own.asks, left: true };
    const facts = { ...u, ...own };
    const intent = decideIntentForText(facts, u.text, v);
    return { kind: 'completed', understanding: withParts(u, { ...own, intent }), assumed };
  }

  // A short follow-up: the last question again, with what this message names in place of what it named.
  const base = partsOfFrame(last, env.schedule);
  const newSlots = slotsIn(own.refs);
  const accepts = SLOTS_OF[base.intent] ?? [];
  if (
    [...newSlots].some((s) => s !== 'other' && !accepts.includes(s)) &&
    !own.people.length &&
    !own.dates.length
  )
    return STANDALONE;
  const carried: string[] = [];
  const merged: Parts = { ...base, refs: { ...base.refs }, matches: [...base.matches] };
  // A comparison continues: a new subject is what is compared with ("is that before ICU?" → "and
  // research?"), a new time what is placed ("and May?": May's block instead of the subjects named first).
  const placedSubjects = (m: PhraseMatch) =>
    base.compared !== undefined && m.refs.every((r) => base.compared![r.kind].includes(r.id));
  if (base.compared && own.dates.length) {
    merged.matches = base.matches.filter((m) => !placedSubjects(m));
    merged.refs = refsOf(merged.matches.flatMap((m) => m.refs));
    merged.compared = undefined;
  }
  if (newSlots.size) {
    for (const kind of KINDS) {
      if (newSlots.has(SLOT[kind]))
        merged.refs[kind] = [...new Set([...(merged.compared?.[kind] ?? []), ...own.refs[kind]])];
    }
    merged.matches = [
      ...merged.matches.filter((m) => placedSubjects(m) || !m.refs.some((r) => newSlots.has(SLOT[r.kind]))),
      ...own.matches,
    ];
  }
  // "and TIPS?" after a procedure the data does not list: what is named now is listed, so the
  // question is whether the division does it.
  if (base.intent === 'procedure.unknown' && newSlots.has('procedure')) merged.intent = 'procedure.does';
  // "and not the VA?": what this message rules out, in place of what the last one did.
  if (Object.values(own.excluded).some((ids) => ids.length)) merged.excluded = own.excluded;
  const keptSlots = new Set([...slotsIn(base.refs)].filter((s) => !newSlots.has(s)));
  carried.push(...subjectNames(merged.refs, keptSlots, v));
  if (own.dates.length) merged.dates = own.dates;
  else if (cues.shift && base.dates.length)
    merged.dates = base.dates.map((d) => shiftDate(d, cues.shift!, locale));
  else carried.push(...base.dates.map((d) => d.label));

  if (own.people.length) {
    if (
      base.intent === 'schedule.who' ||
      base.intent === 'schedule.mine' ||
      base.intent === 'schedule.person'
    ) {
      const person = own.people[0]!;
      if (
        person.length === 1 &&
        base.intent === 'schedule.who' &&
        (base.refs.rotation.length || base.refs.site.length || base.refs.group.length)
      ) {
        return whoOrWhat(person[0]!, merged, v, locale, env.today);
      }
      merged.intent = 'schedule.person';
      merged.people = own.people;
      merged.personal = false;
      // "what about Blair?" after the R4s: a person is at their own level, not the one asked before.
      if (base.refs.year.length && !own.refs.year.length) {
        const levels = new Set(subjectNames({ ...emptyRefs(), year: base.refs.year }, new Set(['year']), v));
        merged.refs = { ...merged.refs, year: [] };
        carried.splice(0, carried.length, ...carried.filter((name) => !levels.has(name)));
      }
      // A person named does not continue a question about no one's schedule ("does IR do TIPS? and
      // what is Casey on in March?").
    } else return STANDALONE;
  } else if (base.intent === 'schedule.person' && newSlots.has('year') && !own.personal) {
    // "and the R2s?" after a colleague's month: the residents at that level, not the colleague.
    merged.intent = 'schedule.who';
    merged.people = [];
    merged.yesNo = false;
  } else if (u.personal && base.people.length && !newSlots.size) {
    // "what about me?" after a colleague's schedule.
    merged.people = [];
    merged.personal = true;
    merged.intent = 'schedule.mine';
  } else if (base.people.length) {
    carried.push(...base.people.flat().map((r) => r.name));
  }
  if (own.asks.howMany) merged.asks.howMany = true;
  const nothingNew =
    !newSlots.size &&
    !own.dates.length &&
    !own.people.length &&
    !cues.shift &&
    !(u.personal && base.people.length);
  // "and vertebroplasty?" after a procedure question: a name the data does not list, asked the same way.
  const aboutProcedures = base.intent === 'procedure.does' || base.intent === 'procedure.unknown';
  if (
    nothingNew &&
    !pronounFor.length &&
    aboutProcedures &&
    u.unknownWords.some((w) => !isOrdinaryEnglish(w))
  ) {
    const unlisted = { ...merged, intent: 'procedure.unknown' as const, refs: emptyRefs(), matches: [] };
    return { kind: 'completed', understanding: withParts(u, unlisted), assumed: [] };
  }
  if (nothingNew && !pronounFor.length) return STANDALONE;
  return { kind: 'completed', understanding: withParts(u, merged), assumed: [...pronounFor, ...carried] };
}

/**
 * "Is that at the VA?" after "my rotations this year": the question completed for each block the
 * answer listed, offered as readings (a button each; the reply names one, or its month).
 */
function whichBlock(
  asked: Understanding,
  context: ConversationContext,
  env: FollowUpEnv,
  blocks: ReturnType<typeof listedBlocks>,
): Completion {
  const tried = blocks.flatMap(({ label, frame }) => {
    const c = completeFollowUp(asked, context, env, frame);
    return c.kind === 'completed' ? [{ label, c }] : [];
  });
  if (tried.length < 2) return tried[0]?.c ?? STANDALONE;
  const readings = tried.map(
    ({ label, c }): Reading => ({ label, question: label, frame: contextFrameOf(c.understanding) }),
  );
  return {
    kind: 'clarify',
    text: `Your last answer named ${readings.length} blocks. Which one do you mean? (Pick one, or name its month.)`,
    readings: readings.slice(0, 12),
  };
}

/** The comparison: the last question's person, the block its answer named as the time, the new subject. */
function compared(u: Understanding, own: Parts, last: Parts, time: DateRef, order: Order): Completion {
  const parts: Parts = {
    ...own,
    intent: last.intent,
    yesNo: order !== 'before-or-after',
    personal: last.personal,
    people: last.people,
    asks: { ...own.asks, when: false, next: false, after: false },
    dates: [time],
    order,
    compared: undefined,
  };
  return {
    kind: 'completed',
    understanding: withParts(u, parts),
    assumed: [time.label, ...last.people.flat().map((r) => r.name)],
  };
}

function describeAll(p: Parts, v: Vocabulary): string[] {
  return [
    ...subjectNames(p.refs, new Set(['target', 'procedure', 'year']), v),
    ...p.people.flat().map((r) => r.name),
    ...p.dates.map((d) => d.label),
  ];
}

/**
 * "Who is on IR in March?" then "what about Casey?": is Casey on IR then, or what is Casey on
 * then? Two readings, both offered; the reply (or a button) picks one.
 */
function whoOrWhat(r: Resident, p: Parts, v: Vocabulary, locale: string, today: IsoDate): Completion {
  const what = subjectNames(p.refs, new Set(['target']), v).join(' or ');
  const when = p.dates[0]?.label ?? formatMonth(monthOf(today), locale);
  const onIt: Reading = {
    label: `Is ${r.name} on ${what}?`,
    question: `Is ${r.name} on ${what} in ${when}?`,
    frame: frameOfParts({ ...p, intent: 'schedule.person', yesNo: true, people: [[r]], personal: false }),
  };
  const whatOn: Reading = {
    label: `What is ${r.name} on?`,
    question: `What is ${r.name} on in ${when}?`,
    frame: frameOfParts({
      ...p,
      intent: 'schedule.person',
      yesNo: false,
      people: [[r]],
      personal: false,
      refs: { ...p.refs, rotation: [], group: [], site: [] },
      matches: [],
      asks: { ...p.asks, who: false },
    }),
  };
  return {
    kind: 'clarify',
    text: `Do you mean whether ${r.name} is on ${what} in ${when}, or what ${r.name} is on then?`,
    readings: [onIt, whatOn],
  };
}

export function frameOfParts(p: Parts): ContextFrame {
  const subjects = KINDS.flatMap((kind) => p.refs[kind].map((id) => ({ kind, id })));
  return {
    intent: p.intent,
    yesNo: p.yesNo,
    personal: p.personal,
    past: p.past,
    asks: { ...p.asks },
    subjects,
    named: p.matches.map((m) => m.refs.map((r) => ({ kind: r.kind, id: r.id }))),
    people: p.people.map((c) => c.map((r) => r.name)),
    time: p.dates,
    ...(p.order ? { order: p.order } : {}),
    ...(p.compared
      ? { compared: KINDS.flatMap((kind) => p.compared![kind].map((id) => ({ kind, id }))) }
      : {}),
  };
}

/** The refs without rotations and groups named only by a word that also names a site. */
function withoutSiteLabels(refs: Refs, matches: readonly PhraseMatch[]): Refs {
  const namedAlone = (kind: 'rotation' | 'group', id: string) =>
    matches.some(
      (m) => !m.refs.some((r) => r.kind === 'site') && m.refs.some((r) => r.kind === kind && r.id === id),
    );
  return {
    ...refs,
    rotation: refs.rotation.filter((id) => namedAlone('rotation', id)),
    group: refs.group.filter((id) => namedAlone('group', id)),
  };
}
