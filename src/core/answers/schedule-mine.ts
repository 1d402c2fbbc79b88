import type { Block } from '../../schedule/types.js';
import { formatDate, formatMonth } from '../../time/format-date.js';
import { academicYearStart, addDays, type IsoDate, isoDate, monthOf } from '../../time/local-date.js';
import { says } from '../cues.js';
import { bareLabel } from '../date-words.js';
import { type DateRef, firstDayOf, lastDayOf, monthsOf } from '../dates.js';
import type { Aspect } from '../frame.js';
import { tokenize } from '../text/normalize.js';
import type { Answer, Platform } from '../types.js';
import type { Understanding } from '../understand.js';
import {
  type AnswerContext,
  answer,
  ask,
  capitalize,
  combineVerdicts,
  decide,
  type Handler,
  plural,
  undecided,
  whomToAsk,
} from './context.js';
import { examples } from './examples.js';
import { comparedAndWith, order, orderOfSubjects } from './schedule-order.js';
import {
  blockMatches,
  blockName,
  blocksBetween,
  cap,
  coverageNote,
  hasTargets,
  monthsTouched,
  notScheduledYet,
  reply,
  type Subject,
  sameRotation,
  siteOfBlock,
  span,
  subjectFor,
  type Targets,
  targetName,
  targetsOf,
} from './schedule-view.js';

import {
  after,
  blockBefore,
  ends,
  everyBlock,
  finalBlock,
  firstBlock,
  nextChange,
  nextChanges,
  stepsAway,
  whenOn,
} from './schedule-when.js';

/** "What am I on in March?" — one day or one month. */
function onDate(ctx: AnswerContext, s: Subject, ref: DateRef | undefined, t: Targets): Answer {
  const today = ctx.today;
  if (!ref) {
    const block = ctx.schedule!.blockOn(s.resident, today);
    const next = s.resident.blocks.find((b) => b.start > today && (!block || !sameRotation(b, block)));
    const nextText = next
      ? ` Next: ${blockName(ctx, next)} from ${formatDate(next.start, ctx.knowledge.program.locale)}.`
      : '';
    if (!block) {
      if (!ctx.schedule!.covers(monthOf(today)))
        return reply(s, notScheduledYet(ctx, formatMonth(monthOf(today), ctx.knowledge.program.locale)), []);
      return reply(s, `${s.has} no assignment on the schedule today.${nextText}`, next ? [next] : []);
    }
    return reply(
      s,
      `${s.is} on ${blockName(ctx, block)} (${span(ctx, block)}).${nextText}`,
      next ? [block, next] : [block],
      {
        suggestions: s.you
          ? [ask('What is my schedule for the rest of the year?'), ...examples(ctx.knowledge, 'next-group')]
          : [],
      },
    );
  }
  if (ref.kind === 'day') {
    const block = ctx.schedule!.blockOn(s.resident, ref.date);
    if (block)
      return reply(
        s,
        `on ${formatDate(ref.date, ctx.knowledge.program.locale)} ${ref.date < ctx.today ? s.was : s.is} on ${blockName(ctx, block)} (${span(ctx, block)}).`,
        [block],
      );
    if (!ctx.schedule!.covers(monthOf(ref.date)))
      return reply(s, notScheduledYet(ctx, formatDate(ref.date, ctx.knowledge.program.locale), ref.date), []);
    return reply(s, `${s.has} no assignment on ${formatDate(ref.date, ctx.knowledge.program.locale)}.`, []);
  }
  return inRange(ctx, s, ref, t);
}

/** A month or a range of months: every block inside, as a list when there are several. */
function inRange(ctx: AnswerContext, s: Subject, ref: DateRef, t?: Targets): Answer {
  const from = ref.kind === 'month' ? `${ref.month}-01` : firstDayOf(ref, ctx.today);
  const to = lastDayOf(ref);
  const label = ref.kind === 'month' ? formatMonth(ref.month, ctx.knowledge.program.locale) : ref.label;
  const months = monthsOf(ref);
  const covered = months.filter((m) => ctx.schedule!.covers(m));
  if (!covered.length) return reply(s, notScheduledYet(ctx, cap(label), to), []);
  // "My DR rotations this year": only the blocks the question names.
  const filtered = t !== undefined && (hasTargets(t) || t.except !== undefined);
  const blocks = blocksBetween(s.resident, from, to).filter((b) => !t || blockMatches(ctx, b, t));
  const what = filtered ? targetName(ctx, t) : 'assignment';
  if (!blocks.length) return reply(s, `${s.has} no ${what} in ${label}.`, []);
  const tense = to < ctx.today ? s.was : s.is;
  if (blocks.length === 1 && ref.kind === 'month') {
    return reply(
      s,
      `in ${label} ${tense} on ${blockName(ctx, blocks[0]!)}${span(ctx, blocks[0]!) === label ? '' : ` (${span(ctx, blocks[0]!)})`}.`,
      blocks,
    );
  }
  // Months outside the schedule: before it starts, or not scheduled yet.
  const first = covered[0]!;
  const before = months.filter((m) => m < first).length;
  const after = months.length - covered.length - before;
  const outside = (n: number, what: string) =>
    n ? ` ${cap(plural(n, 'month'))} of ${label} ${n === 1 ? 'is' : 'are'} ${what}.` : '';
  const tail = outside(before, 'before the schedule starts') + outside(after, 'not scheduled yet');
  return reply(
    s,
    `${s.possessive} ${filtered ? `${what} blocks` : 'rotations'} in ${label}:${tail}`,
    blocks,
    {
      itemsTitle: cap(label),
      items: blocks.map((b) => `${span(ctx, b)}: ${blockName(ctx, b)}`),
    },
  );
}

/** "How many IR months do I have left?" */
function count(
  ctx: AnswerContext,
  s: Subject,
  u: Understanding,
  t: Targets,
  ref: DateRef | undefined,
): Answer {
  const name = hasTargets(t) || t.except ? targetName(ctx, t) : 'rotation';
  const start: IsoDate = ref ? firstDayOf(ref, ctx.today) : '0000-01-01';
  const from: IsoDate = u.asks.left && start < ctx.today ? ctx.today : start;
  const to: IsoDate = ref ? lastDayOf(ref) : '9999-12-31';
  if (ref && !monthsOf(ref).some((m) => ctx.schedule!.covers(m))) {
    return reply(
      s,
      notScheduledYet(
        ctx,
        cap(ref.kind === 'month' ? formatMonth(ref.month, ctx.knowledge.program.locale) : ref.label),
        to,
      ),
      [],
    );
  }
  // "How many IR months have I done?": only what is behind the asker.
  const done = u.past || says(u, 'done_so_far');
  const blocks = blocksBetween(s.resident, from, to).filter(
    (b) => blockMatches(ctx, b, t) && (!done || b.start < ctx.today),
  );
  const months = new Set(
    blocks.flatMap(monthsTouched).filter((m) => m >= monthOf(from) && (!done || m < monthOf(ctx.today))),
  );
  // The blocks counted: "done so far" leaves out the one under way, as the count does.
  const counted = blocks.filter((b) => monthsTouched(b).some((m) => months.has(m)));
  const left = u.asks.left ? ' left' : '';
  const scope = ref
    ? `${left} in ${ref.kind === 'month' ? formatMonth(ref.month, ctx.knowledge.program.locale) : ref.label}`
    : `${left} on the schedule`;
  // "Do I have any VA months left?": whether there are any, then how many.
  return reply(
    s,
    `${s.has}${done ? ' done' : ''} ${plural(months.size, 'month')} of ${name}${scope}${done ? ' so far' : ''}.${coverageNote(ctx)}`,
    counted,
    {
      items: counted.map((b) => `${span(ctx, b)}: ${blockName(ctx, b)}`),
      itemsTitle: counted.length ? `${cap(name)} blocks` : undefined,
      ...decide(u.yesNo, claimHolds(u, months.size)),
    },
  );
}

/**
 * Whether a count of months bears out the question: the count it states ("5 months", "more than
 * once", "at least two"), else any at all ("do I have any VA months left?").
 */
function claimHolds(u: Understanding, months: number): boolean {
  const claim = u.countClaimed;
  if (!claim) return months > 0;
  const claimed = claim.n;
  // "At least" is said with "no fewer than" and "more than" (the language file's lists overlap).
  if (says(u, 'at_least')) return months >= claimed;
  if (says(u, 'more_than')) return months > claimed;
  if (says(u, 'less_than')) return months < claimed;
  return claim.atLeast ? months >= claimed : months === claimed;
}

/** "Am I at the VA in March?" — Yes/No first. */
function isOn(ctx: AnswerContext, s: Subject, t: Targets, ref: DateRef | undefined): Answer {
  const from = ref ? firstDayOf(ref, ctx.today) : ctx.today;
  const to = ref ? lastDayOf(ref) : ctx.today;
  const label = ref
    ? ref.kind === 'month'
      ? `in ${formatMonth(ref.month, ctx.knowledge.program.locale)}`
      : ref.kind === 'day'
        ? `on ${formatDate(ref.date, ctx.knowledge.program.locale)}`
        : `in ${ref.label}`
    : 'now';
  if (!monthsOf(ref ?? { kind: 'day', date: ctx.today, label }).some((m) => ctx.schedule!.covers(m))) {
    return reply(s, notScheduledYet(ctx, cap(bareLabel(label)), to), []);
  }
  const inside = blocksBetween(s.resident, from, to);
  const hits = inside.filter((b) => blockMatches(ctx, b, t));
  // Over a long range ("this year") only the matching blocks are worth naming.
  const long = monthsOf(ref ?? { kind: 'day', date: ctx.today, label }).length > 2;
  if (long && !hits.length)
    return reply(s, `${s.has} no ${targetName(ctx, t)} ${label}.`, [], decide(true, false));
  const blocks = long ? hits : inside;
  const all =
    blocks
      .map((b) =>
        blocks.length === 1 && label === `in ${span(ctx, b)}`
          ? blockName(ctx, b)
          : `${blockName(ctx, b)} (${span(ctx, b)})`,
      )
      .join('; ') || 'no assignment';
  const tense = to < ctx.today ? s.was : s.is;
  // "Is my Surgical Oncology month at Duke?": a block whose site the schedule does not give decides nothing about a site.
  const siteUnknown = t.sites.length > 0 && !hits.length && blocks.some((b) => !siteOfBlock(ctx, b));
  if (siteUnknown)
    return reply(s, `${label} ${tense} on ${all}; the schedule does not say at which site.`, blocks, {
      verdict: 'unknown',
    });
  // "Am I on IR in Feb and March?": over a few months, each month is asked; over a long range, any.
  const months = monthsOf(ref ?? { kind: 'day', date: ctx.today, label }).filter((m) =>
    ctx.schedule!.covers(m),
  );
  const perMonth =
    !long && months.length > 1
      ? combineVerdicts(
          months.map((m) => (hits.some((b) => monthOf(b.start) <= m && m <= monthOf(b.end)) ? 'yes' : 'no')),
        )
      : undefined;
  return reply(
    s,
    `${label} ${tense} on ${all}.`,
    blocks,
    perMonth ? { verdict: perMonth } : decide(true, hits.length > 0),
  );
}

/** "Is my next rotation ICU?": the next change, compared with what was asked. */
function isNext(ctx: AnswerContext, s: Subject, t: Targets): Answer {
  const current = ctx.schedule!.blockOn(s.resident, ctx.today);
  const next = s.resident.blocks.find((b) => b.start > ctx.today && (!current || !sameRotation(b, current)));
  if (!next)
    return reply(
      s,
      `${s.has} no further rotation on the schedule.${coverageNote(ctx)}`,
      [],
      decide(true, false),
    );
  return reply(
    s,
    `${s.possessive} next rotation is ${blockName(ctx, next)}, starting ${formatDate(next.start, ctx.knowledge.program.locale)}.`,
    [next],
    decide(true, blockMatches(ctx, next, t)),
  );
}

/** "My remaining rotations": everything from today to the end of the schedule. */
function remaining(ctx: AnswerContext, s: Subject): Answer {
  const last = ctx.schedule!.coverage?.last ?? ctx.today;
  return inRange(ctx, s, { kind: 'range', from: ctx.today, to: last, label: 'the rest of the schedule' });
}

/** "My R3 year": the academic year in which the resident is (or was, or will be) at that level. */
function yearOfTraining(u: Understanding, ctx: AnswerContext, s: Subject): DateRef | undefined {
  const asked = u.refs.year.map((id) => ctx.vocabulary.years.get(id)?.level).find(Boolean);
  const askedN = Number(/\d+/.exec(asked ?? '')?.[0]);
  const nowN = Number(/\d+/.exec(s.resident.level)?.[0]);
  if (!asked || Number.isNaN(askedN) || Number.isNaN(nowN)) return undefined;
  const start = ctx.knowledge.program.academic_year_start_month;
  const year = academicYearStart(ctx.today, start) + (askedN - nowN);
  const to = addDays(isoDate(year + 1, start, 1), -1);
  return {
    kind: 'range',
    from: isoDate(year, start, 1),
    to,
    label: `${s.possessive} ${asked} year (${year}–${String(year + 1).slice(2)})`,
  };
}

/** Of several date words, the most specific: "last year in March" is March. */
function mostSpecific(refs: DateRef[]): DateRef | undefined {
  const rank = { day: 0, month: 1, range: 2 } as const;
  return [...refs].sort((a, b) => rank[a.kind] - rank[b.kind])[0];
}

function respond(u: Understanding, ctx: AnswerContext, s: Subject): Answer {
  const t = targetsOf(u);
  const ref = mostSpecific(u.dates) ?? yearOfTraining(u, ctx, s);
  const aspect = (a: Aspect) => u.aspects.includes(a);
  const sides = u.order ? comparedAndWith(u) : undefined;
  if (u.order && sides) return orderOfSubjects(ctx, s, sides[0], sides[1], u.order);
  // Beside a time the rotation itself fills ("am I on peds after New Year's?", peds in January),
  // there is no before or after to tell: read on as a question about that time.
  const fills = (time: DateRef) =>
    u.compared !== undefined &&
    blocksBetween(s.resident, firstDayOf(time, ctx.today), lastDayOf(time)).some((b) =>
      blockMatches(ctx, b, t),
    );
  if (u.order && hasTargets(t) && ref && !fills(ref)) return order(ctx, s, t, ref, u.order);
  // "What level is Harper?", "what year am I?": the resident's level on the schedule.
  if (
    says(u, 'level_asked') &&
    !u.yesNo &&
    !u.asks.when &&
    !aspect('end') &&
    !hasTargets(t) &&
    !u.dates.length
  )
    return levelOf(ctx, s, u);
  // "Is Harper an R2?", "am I a PGY-3?": the resident's level, not a year of the schedule.
  if (u.yesNo && u.refs.year.length && !u.dates.length && !hasTargets(t)) return levelIs(ctx, s, u.refs.year);
  // "My rotation after next", "what was I on before last?": counted rotations, not a date.
  if (!ref && !hasTargets(t) && (says(u, 'after_next') || says(u, 'before_last')))
    return stepsAway(ctx, s, 2, says(u, 'after_next'));
  // "What was my last rotation?": the block before this one.
  if (u.past && aspect('last') && !hasTargets(t) && !u.dates.length) return previousBlock(ctx, s);
  // "Is my Surg Onc month at Duke?": where the asker's blocks of that rotation are.
  const siteApart = t.sites.some((x) => !t.impliedSites.includes(x));
  const rotationNamed = t.rotations.length + t.groups.length > 0;
  // "Is my ICU at Duke or the VA?": the same, as a choice.
  const choice = u.yesNo || says(u, 'or_words');
  if (choice && !u.dates.length && siteApart && rotationNamed && !aspect('next') && !aspect('left'))
    return blocksAtSite(ctx, s, t, u.yesNo);
  // "Have I done community yet?": any such block behind the asker.
  if (hasTargets(t) && u.yesNo && !u.dates.length && says(u, 'done_so_far') && says(u, 'yet_words'))
    return anyBlock(ctx, s, t, 'behind');
  // "Am I ever on ICU?", "do I go to the VA again?": any such block on the whole schedule (or ahead).
  // "Do I rotate on peds?": the habit, so the whole schedule.
  const placed = aspect('next') || aspect('last') || aspect('first') || u.asks.after;
  const ever = says(u, 'ever_words') || (says(u, 'rotate_asked') && !placed);
  if (hasTargets(t) && u.yesNo && !u.dates.length && (ever || says(u, 'again_words')))
    return anyBlock(ctx, s, t, says(u, 'again_words') ? 'ahead' : 'ever');
  if (hasTargets(t) && aspect('end') && (u.asks.when || u.yesNo)) return ends(ctx, s, t, u.yesNo);
  if (!u.past && !u.asks.howMany && aspect('first') && !u.refs.year.length) return firstBlock(ctx, s, ref, t);
  // "What was my first rotation?": the first on the schedule up to today, or of the time asked.
  const first = ctx.schedule!.coverage?.first;
  if (u.past && !u.asks.howMany && aspect('first') && !u.refs.year.length && first)
    return firstBlock(ctx, s, ref ?? { kind: 'range', from: first, to: ctx.today, label: 'the schedule' }, t);
  if (!u.past && !u.asks.howMany && aspect('last')) return finalBlock(ctx, s, ref, t);
  // "What was I on before ICU?"; "and the one before?" of a month, "before March": the block before.
  if (says(u, 'before_words') && !u.asks.after && !u.asks.howMany && (hasTargets(t) || ref))
    return blockBefore(ctx, s, t, ref);
  if (u.asks.after && !u.asks.howMany) return after(ctx, s, t, ref);
  if (u.asks.left && !u.asks.howMany && !ref)
    return hasTargets(t) ? count(ctx, s, u, t, ref) : remaining(ctx, s);
  if (u.asks.howMany) return count(ctx, s, u, t, ref);
  // "Do I get 5 months of IR this year?", "am I at the VA more than once?": a count claimed.
  if (hasTargets(t) && u.yesNo && u.countClaimed && !u.asks.when) return count(ctx, s, u, t, ref);
  if (hasTargets(t) && u.yesNo && !ref && aspect('next')) return isNext(ctx, s, t);
  // "Is Casey not on IR next month?": on anything but what is ruled out.
  // "Do I have an elective this year? when?": over a time asked, whether, and the blocks say when.
  if ((hasTargets(t) || t.except) && u.yesNo && (!u.asks.when || ref)) return isOn(ctx, s, t, ref);
  // "Which months am I on IR?", "just my DR months": every such block, not only the next.
  const listAsked = says(u, 'every_block') && !aspect('next');
  if (hasTargets(t) && !ref && listAsked && !u.asks.when) return everyBlock(ctx, s, t);
  if (hasTargets(t) && !ref && (u.asks.when || u.past || u.asks.next)) return whenOn(ctx, s, t, u.past);
  if (!ref && u.asks.next && (u.numbers[0] ?? 1) > 1) return nextChanges(ctx, s, Math.min(u.numbers[0]!, 12));
  if (!ref && u.asks.next) return nextChange(ctx, s, t);
  if (hasTargets(t) && !ref) return whenOn(ctx, s, t, u.past);
  return onDate(ctx, s, ref, t);
}

/** How someone the bot cannot identify makes themselves known, by where they asked. */
const IDENTIFY_YOURSELF: Record<Platform, string> = {
  slack: 'Ask me from Slack or Teams with your program account.',
  teams: 'Ask me from Slack or Teams with your program account.',
  web: 'Pick who you are above (the “You are” list), then ask again.',
  cli: 'Pass --as with your email.',
};

/** The asker's own schedule. */
export const mine: Handler = (u, ctx) => {
  if (!ctx.askerEmail) {
    return answer(
      'schedule.mine',
      `I don't know who you are here, so I can't look up your schedule. ${IDENTIFY_YOURSELF[ctx.platform ?? 'slack']} Or ask ${whomToAsk(ctx.knowledge)}.`,
      [],
      {
        unanswered: true,
      },
    );
  }
  if (!ctx.schedule || !ctx.resident) {
    return answer(
      'schedule.mine',
      `I can't find you on the schedule. ${capitalize(whomToAsk(ctx.knowledge))} can check that your email is on it.`,
      [],
      {
        unanswered: true,
      },
    );
  }
  return respond(u, ctx, subjectFor(ctx.resident, true));
};

/** A named colleague's schedule ("What is Avery on in March?"). */
export const person: Handler = (u, ctx) => {
  const candidates = u.people[0] ?? [];
  if (candidates.length > 1) {
    return answer('schedule.person', `Several residents match that name. Which one do you mean?`, [], {
      suggestions: candidates
        .slice(0, 5)
        .map((r) =>
          ask(`${r.name} (${r.level})`, `What is ${r.name} on ${u.dates[0]?.label ?? 'this month'}?`),
        ),
    });
  }
  if (!candidates[0] && u.unknownPeople[0]) {
    // Someone mentioned on the platform who is not a resident: say so, never answer about the asker.
    const text = `${u.unknownPeople[0]} isn't on the residents' schedule, so I can't say what they are on. If they should be, ${whomToAsk(ctx.knowledge)} can add them.`;
    return answer('schedule.person', text, [], { unanswered: true });
  }
  if (!candidates[0]) {
    const name = u.unknownWords[0] ? ` named “${capitalize(unpossessive(u.unknownWords[0], u.text))}”` : '';
    const text = `I can't find a resident${name} on the schedule. Try their full name as the schedule has it.`;
    return answer('schedule.person', text, [], { unanswered: true });
  }
  // "What's Quinn's email?": residents' contact details are not the bot's to give.
  if (says(u, 'email_asked'))
    return answer(
      'schedule.person',
      `I don't give out residents' email addresses. ${capitalize(whomToAsk(ctx.knowledge))} can help you reach them.`,
      [],
      { unanswered: true, ...undecided(u.yesNo) },
    );
  // "Are Avery and Blair both on IR in Jan?": each resident named, and one verdict for all of them.
  const named = u.people.filter((p) => p.length === 1).map((p) => p[0]!);
  if (named.length > 1) {
    const answers = named.map((r) => respond(u, ctx, subjectFor(r, false)));
    const verdicts = answers
      .map((a) => a.verdict)
      .filter((v): v is 'yes' | 'no' => v === 'yes' || v === 'no');
    const verdict =
      u.yesNo && verdicts.length === answers.length ? combineVerdicts(verdicts, u.quantifier) : undefined;
    const mixed = new Set(verdicts).size > 1;
    const text = answers
      .map((a) =>
        mixed && (a.verdict === 'yes' || a.verdict === 'no') ? `${cap(a.verdict)}: ${a.text}` : a.text,
      )
      .join('\n\n');
    return answer(
      'schedule.person',
      text,
      answers.flatMap((a) => a.factIds),
      {
        ...(verdict ? { verdict } : {}),
        about: answers.flatMap((a) => a.about ?? []),
      },
    );
  }
  return respond(u, ctx, subjectFor(candidates[0], false));
};

/** "jon's" is folded to "jons" before matching: the name as written is "Jon". */
function unpossessive(word: string, text: string): string {
  const bare = word.endsWith('s') ? word.slice(0, -1) : word;
  return bare !== word && new RegExp(`\\b${bare}['’]s\\b`, 'i').test(text) ? bare : word;
}

/** "Is Harper an R2?": Yes only when the schedule's level for the resident is one of the years asked. */
function levelIs(ctx: AnswerContext, s: Subject, years: readonly string[]): Answer {
  const levels = years.map((id) => ctx.vocabulary.years.get(id)?.level ?? id);
  const holds = levels.some((l) => l.toLowerCase() === s.resident.level.toLowerCase());
  const who = s.you ? 'you are' : `${s.resident.name} is`;
  return reply(s, `${who} ${s.resident.level} on the schedule.`, [], decide(true, holds));
}

/**
 * "What level is Harper?": the level on the schedule, and the year's other name in the words asked
 * ("what PGY is Renee?": "R2 (PGY-3)").
 */
function levelOf(ctx: AnswerContext, s: Subject, u: Understanding): Answer {
  const level = s.resident.level;
  const year = [...ctx.vocabulary.years.values()].find((y) => y.level.toLowerCase() === level.toLowerCase());
  const asked = new Set(tokenize(u.text));
  const other = year?.aliases?.find((a) =>
    tokenize(a).some(
      (w) => w.length > 1 && !/\d/.test(w) && asked.has(w) && !year.level.toLowerCase().includes(w),
    ),
  );
  const who = s.you ? 'you are' : `${s.resident.name} is`;
  return reply(s, `${who} ${level}${other ? ` (${other})` : ''} on the schedule.`, []);
}

/** "What was my last rotation?": the last block that ended before today. */
function previousBlock(ctx: AnswerContext, s: Subject): Answer {
  const before = s.resident.blocks.filter((b) => b.end < ctx.today).at(-1);
  if (!before) return reply(s, `${s.has} no earlier rotation on the schedule.${coverageNote(ctx)}`, []);
  return reply(
    s,
    `${cap(s.possessive)} last rotation was ${blockName(ctx, before)} (${span(ctx, before)}).`,
    [before],
  );
}

/**
 * "Am I ever on ICU?", "do I go to the VA again?", "have I done community yet?": Yes with the
 * blocks of the schedule (ahead, or behind) that match, else No.
 */
function anyBlock(ctx: AnswerContext, s: Subject, t: Targets, when: 'ever' | 'ahead' | 'behind'): Answer {
  const name = targetName(ctx, t);
  const within = (b: Block) =>
    when === 'ahead' ? b.end >= ctx.today : when === 'behind' ? b.end < ctx.today : true;
  const hits = s.resident.blocks.filter((b) => blockMatches(ctx, b, t) && within(b));
  if (!hits.length) {
    const where =
      when === 'ahead' ? ' ahead' : when === 'behind' ? ` behind ${s.you ? 'you' : 'them'} yet` : '';
    return reply(
      s,
      `${s.has} no ${name}${where} on the schedule.${coverageNote(ctx)}`,
      [],
      decide(true, false),
    );
  }
  const list = hits.map((b) => `${span(ctx, b)} (${blockName(ctx, b)})`).join(', ');
  return reply(
    s,
    `${s.possessive} ${name} months${when === 'behind' ? ' so far' : ''}: ${list}.`,
    hits,
    decide(true, true),
  );
}

/** "Is my Surg Onc month at Duke?": the rotation's blocks and their sites; unknown where the schedule gives none. */
function blocksAtSite(ctx: AnswerContext, s: Subject, t: Targets, yesNo: boolean): Answer {
  const what = { ...t, sites: [], impliedSites: [] };
  const blocks = s.resident.blocks.filter((b) => blockMatches(ctx, b, what));
  if (!blocks.length) return anyBlock(ctx, s, t, 'ever');
  const sites = blocks.map((b) => siteOfBlock(ctx, b));
  const verdict = sites.some((x) => !x)
    ? 'unknown'
    : combineVerdicts(sites.map((x) => (t.sites.includes(x!) ? 'yes' : 'no')));
  const where = blocks
    .map(
      (b, i) =>
        `${span(ctx, b)}: ${blockName(ctx, b)}${sites[i] ? '' : ' (the schedule does not say at which site)'}`,
    )
    .join('; ');
  return reply(
    s,
    `${s.possessive} ${targetName(ctx, what)} months: ${where}.`,
    blocks,
    verdict && yesNo ? { verdict } : {},
  );
}
