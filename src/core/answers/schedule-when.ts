import type { Block } from '../../schedule/types.js';
import { formatDate } from '../../time/format-date.js';
import { academicYearStart, addDays, isoDate } from '../../time/local-date.js';
import type { DateRef } from '../dates.js';
import { firstDayOf, lastDayOf } from '../dates.js';
import type { Answer } from '../types.js';
import { type AnswerContext, decide, plural } from './context.js';
import {
  blockMatches,
  blockName,
  blocksBetween,
  cap,
  coverageNote,
  hasTargets,
  reply,
  type Subject,
  sameRotation,
  span,
  type Targets,
  targetName,
} from './schedule-view.js';

/* When things happen on a resident's schedule: the next or last block of a rotation, the next change, the end. */

/** "When is my next ICU month?" — the next matching block; "when was I on ICU" — the last ones. */
export function whenOn(ctx: AnswerContext, s: Subject, t: Targets, past: boolean): Answer {
  const name = targetName(ctx, t);
  const matching = s.resident.blocks.filter((b) => blockMatches(ctx, b, t));
  if (past) {
    const gone = matching.filter((b) => b.start <= ctx.today).reverse();
    if (!gone.length)
      return reply(s, `${s.has} not been on ${name} in the schedule so far.${coverageNote(ctx)}`, []);
    const now = gone[0]!.end >= ctx.today ? ` (${s.is} on it now)` : '';
    return reply(s, `${s.was} last on ${blockName(ctx, gone[0]!)} in ${span(ctx, gone[0]!)}${now}.`, gone, {
      items: gone.length > 1 ? gone.map((b) => `${span(ctx, b)}: ${blockName(ctx, b)}`) : undefined,
      itemsTitle: gone.length > 1 ? `Every ${name} block so far` : undefined,
    });
  }
  const current = matching.find((b) => b.start <= ctx.today && b.end >= ctx.today);
  const next = matching.find((b) => b.start > ctx.today && (!current || b.start > current.end));
  const nowText = current ? `${s.is} on ${blockName(ctx, current)} now (${span(ctx, current)}). ` : '';
  if (!next) {
    // "When is my next ICU month?" after the last one: when it was, and how far the schedule runs.
    const last = current ? undefined : matching.filter((b) => b.end < ctx.today).pop();
    const was = last
      ? ` ${cap(s.possessive)} last ${name} block was ${blockName(ctx, last)}, ${span(ctx, last)}.`
      : '';
    return reply(
      s,
      `${nowText}${nowText ? cap(s.has) : s.has} no ${current || last ? 'further ' : ''}${name} scheduled.${was}${coverageNote(ctx)}`,
      current ? [current] : last ? [last] : [],
    );
  }
  const upcoming = matching.filter((b) => b.start >= next.start);
  return reply(
    s,
    `${nowText}${nowText ? cap(s.possessive) : s.possessive} next ${name} block is ${blockName(ctx, next)}, ${span(ctx, next)} (starting ${formatDate(next.start, ctx.knowledge.program.locale)}).`,
    [next],
    {
      items: upcoming.length > 1 ? upcoming.map((b) => `${span(ctx, b)}: ${blockName(ctx, b)}`) : undefined,
      itemsTitle: upcoming.length > 1 ? `Every ${name} block to come` : undefined,
    },
  );
}

/** "Which months am I on IR?": every matching block on the schedule, those done marked so. */
export function everyBlock(ctx: AnswerContext, s: Subject, t: Targets): Answer {
  const name = targetName(ctx, t);
  const matching = s.resident.blocks.filter((b) => blockMatches(ctx, b, t));
  if (!matching.length) return reply(s, `${s.has} no ${name} on the schedule.${coverageNote(ctx)}`, []);
  const done = matching.filter((b) => b.end < ctx.today).length;
  const ahead = matching.length - done;
  const text = `${s.possessive} ${name} blocks on the schedule: ${plural(matching.length, 'block')}, ${done} done and ${ahead} now or to come.${coverageNote(ctx)}`;
  return reply(s, text, matching, {
    itemsTitle: cap(name),
    items: matching.map((b) => `${span(ctx, b)}: ${blockName(ctx, b)}${b.end < ctx.today ? ' (done)' : ''}`),
  });
}

/** "What's my next rotation?" — the next change. */
export function nextChange(ctx: AnswerContext, s: Subject, t?: Targets): Answer {
  const current = ctx.schedule!.blockOn(s.resident, ctx.today);
  // "My next non-IR rotation": the next change to a block the question does not rule out.
  const next = s.resident.blocks.find(
    (b) => b.start > ctx.today && (!current || !sameRotation(b, current)) && (!t || blockMatches(ctx, b, t)),
  );
  if (!next)
    return reply(
      s,
      `${s.has} no further rotation on the schedule.${coverageNote(ctx)}`,
      current ? [current] : [],
    );
  const now = current ? ` (after ${blockName(ctx, current)})` : '';
  return reply(
    s,
    `${s.possessive} next rotation is ${blockName(ctx, next)}, starting ${formatDate(next.start, ctx.knowledge.program.locale)}${now}.`,
    [next],
  );
}

/** The rotation's block now or next; when none is left, the last one ("after ICU" just done). */
function blockOfTarget(ctx: AnswerContext, s: Subject, t: Targets): Block | undefined {
  const blocks = s.resident.blocks;
  return (
    blocks.find((b) => b.end >= ctx.today && blockMatches(ctx, b, t)) ??
    blocks.findLast((b) => blockMatches(ctx, b, t))
  );
}

/** "What am I on after ICU?", "after this month": the block that follows, with a different rotation. */
export function after(ctx: AnswerContext, s: Subject, t: Targets, ref: DateRef | undefined): Answer {
  const blocks = s.resident.blocks;
  const anchor =
    anchorOf(ctx, s, t, ref, 'last') ??
    (hasTargets(t) ? undefined : ctx.schedule!.blockOn(s.resident, ctx.today));
  if (!anchor) return nextChange(ctx, s, t);
  const next = blocks.find((b) => b.start > anchor.end && !sameRotation(b, anchor));
  if (!next)
    return reply(
      s,
      `after ${blockName(ctx, anchor)} (${span(ctx, anchor)}) ${s.has} nothing else on the schedule.${coverageNote(ctx)}`,
      [anchor],
    );
  // The block answered comes first: "and after that?" goes on from it.
  return reply(
    s,
    `after ${blockName(ctx, anchor)} (${span(ctx, anchor)}), ${s.is} on ${blockName(ctx, next)} from ${formatDate(next.start, ctx.knowledge.program.locale)}.`,
    [next, anchor],
  );
}

/**
 * The block a question goes on from ("after ICU", "after that" of a month, "before March"): the
 * rotation's block in the time asked when both are given, else the rotation's now or next, else
 * the first (or last) block of the time asked.
 */
function anchorOf(
  ctx: AnswerContext,
  s: Subject,
  t: Targets,
  ref: DateRef | undefined,
  end: 'first' | 'last',
): Block | undefined {
  const inRef = ref ? blocksBetween(s.resident, firstDayOf(ref, ctx.today), lastDayOf(ref)) : [];
  const pick = (list: Block[]) => (end === 'first' ? list[0] : list.at(-1));
  if (hasTargets(t)) return pick(inRef.filter((b) => blockMatches(ctx, b, t))) ?? blockOfTarget(ctx, s, t);
  return pick(inRef);
}

/** "What was I on before ICU?": the block before the rotation's (now, next, or else the last one). */
export function blockBefore(ctx: AnswerContext, s: Subject, t: Targets, ref?: DateRef): Answer {
  const blocks = s.resident.blocks;
  const anchor = anchorOf(ctx, s, t, ref, 'first');
  if (!anchor)
    return reply(
      s,
      hasTargets(t)
        ? `${s.has} no ${targetName(ctx, t)} on the schedule.`
        : `${s.has} nothing on the schedule in ${ref?.label ?? 'the time asked'}.${coverageNote(ctx)}`,
      [],
    );
  const prior = blocks.findLast((b) => b.end < anchor.start && !sameRotation(b, anchor));
  if (!prior)
    return reply(
      s,
      `before ${blockName(ctx, anchor)} (${span(ctx, anchor)}) the schedule has nothing else.`,
      [anchor],
    );
  const tense = prior.end < ctx.today ? s.was : s.is;
  return reply(
    s,
    `before ${blockName(ctx, anchor)} (${span(ctx, anchor)}), ${tense} on ${blockName(ctx, prior)} (${span(ctx, prior)}).`,
    [prior, anchor],
  );
}

/** "When does ICU end?", "am I done with ICU?": the end of the current or next block of it. */
export function ends(ctx: AnswerContext, s: Subject, t: Targets, yesNo: boolean): Answer {
  const name = targetName(ctx, t);
  const block = s.resident.blocks.find((b) => b.end >= ctx.today && blockMatches(ctx, b, t));
  if (!block) {
    const last = [...s.resident.blocks].reverse().find((b) => blockMatches(ctx, b, t));
    const when = last ? ` The last one ended ${formatDate(last.end, ctx.knowledge.program.locale)}.` : '';
    return reply(
      s,
      `${s.has} no more ${name} on the schedule.${when}`,
      last ? [last] : [],
      decide(yesNo, true),
    );
  }
  const now = block.start <= ctx.today;
  const text = now
    ? `${s.is} on ${blockName(ctx, block)} now; it ends ${formatDate(block.end, ctx.knowledge.program.locale)}.`
    : `${s.possessive} next ${name} block is ${span(ctx, block)}; it ends ${formatDate(block.end, ctx.knowledge.program.locale)}.`;
  return reply(s, text, [block], decide(yesNo, false));
}

/** "My last rotation of the year": the final block of the academic year (or of the dates asked). */
export function finalBlock(ctx: AnswerContext, s: Subject, ref: DateRef | undefined, t: Targets): Answer {
  const start = ctx.knowledge.program.academic_year_start_month;
  const year = academicYearStart(ctx.today, start);
  const yearEnd = addDays(isoDate(year + 1, start, 1), -1);
  const to = ref ? lastDayOf(ref) : hasTargets(t) ? (ctx.schedule!.coverage?.last ?? yearEnd) : yearEnd;
  const block = [...s.resident.blocks].reverse().find((b) => b.start <= to && blockMatches(ctx, b, t));
  const what = hasTargets(t) ? `${targetName(ctx, t)} block` : 'rotation';
  if (!block)
    return reply(
      s,
      `${s.has} no ${what} on the schedule by ${formatDate(to, ctx.knowledge.program.locale)}.`,
      [],
    );
  const text = `${s.possessive} last ${what} by ${formatDate(to, ctx.knowledge.program.locale)} is ${blockName(ctx, block)} (${span(ctx, block)}).`;
  return reply(s, text, [block]);
}

/** "My first IR month this year": the earliest matching block in the dates asked (or the academic year). */
export function firstBlock(ctx: AnswerContext, s: Subject, ref: DateRef | undefined, t: Targets): Answer {
  const start = ctx.knowledge.program.academic_year_start_month;
  const year = academicYearStart(ctx.today, start);
  const from = ref ? firstDayOf(ref, ctx.today) : isoDate(year, start, 1);
  const to = ref ? lastDayOf(ref) : addDays(isoDate(year + 1, start, 1), -1);
  const block = blocksBetween(s.resident, from, to).find((b) => blockMatches(ctx, b, t));
  const what = hasTargets(t) ? `${targetName(ctx, t)} block` : 'rotation';
  if (!block)
    return reply(
      s,
      `${s.has} no ${what} on the schedule between ${formatDate(from, ctx.knowledge.program.locale)} and ${formatDate(to, ctx.knowledge.program.locale)}.`,
      [],
    );
  const tense = block.end < ctx.today ? 'was' : 'is';
  return reply(
    s,
    `${s.possessive} first ${what} from ${formatDate(from, ctx.knowledge.program.locale)} ${tense} ${blockName(ctx, block)} (${span(ctx, block)}).`,
    [block],
  );
}

/** The first `count` changes of rotation ahead of today: each block that starts one. */
function changesAhead(ctx: AnswerContext, s: Subject, count: number): Block[] {
  const upcoming: Block[] = [];
  let last = ctx.schedule!.blockOn(s.resident, ctx.today);
  for (const b of s.resident.blocks) {
    if (upcoming.length >= count) break;
    if (b.start > ctx.today && (!last || !sameRotation(b, last))) upcoming.push(b);
    if (b.start > ctx.today) last = b;
  }
  return upcoming;
}

/** The last `count` rotations behind today, latest first: a run of one rotation is one. */
function changesBehind(ctx: AnswerContext, s: Subject, count: number): Block[] {
  const behind: Block[] = [];
  for (const b of [...s.resident.blocks].reverse()) {
    if (b.end >= ctx.today) continue;
    const later = behind.at(-1);
    if (later && sameRotation(b, later)) behind[behind.length - 1] = b;
    else if (behind.length === count) break;
    else behind.push(b);
  }
  return behind;
}

/**
 * "My rotation after next", "the one before last": the rotation `steps` changes ahead of the
 * current one, or `steps` rotations behind today.
 */
export function stepsAway(ctx: AnswerContext, s: Subject, steps: number, ahead: boolean): Answer {
  const blocks = ahead ? changesAhead(ctx, s, steps) : changesBehind(ctx, s, steps);
  const block = blocks.length === steps ? blocks.at(-1) : undefined;
  const which = ahead ? 'after next' : 'before last';
  if (!block) return reply(s, `${s.has} no rotation ${which} on the schedule.${coverageNote(ctx)}`, blocks);
  return reply(
    s,
    `${s.possessive} rotation ${which} ${ahead ? 'is' : 'was'} ${blockName(ctx, block)} (${span(ctx, block)}).`,
    [block],
  );
}

/** "My next 3 rotations": the next changes, as a list. */
export function nextChanges(ctx: AnswerContext, s: Subject, count: number): Answer {
  const upcoming = changesAhead(ctx, s, count);
  if (!upcoming.length)
    return reply(s, `${s.has} no further rotation on the schedule.${coverageNote(ctx)}`, []);
  return reply(s, `${s.possessive} next ${plural(upcoming.length, 'rotation')}:`, upcoming, {
    items: upcoming.map((b) => `${formatDate(b.start, ctx.knowledge.program.locale)}: ${blockName(ctx, b)}`),
  });
}
