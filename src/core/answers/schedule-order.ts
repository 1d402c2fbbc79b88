import type { Block } from '../../schedule/types.js';
import { formatSpan } from '../../time/format-date.js';
import { addDays, type IsoDate } from '../../time/local-date.js';
import { type DateRef, firstDayOf, lastDayOf } from '../dates.js';
import type { Order } from '../frame.js';
import type { PhraseMatch } from '../text/phrase-index.js';
import type { Answer, Verdict } from '../types.js';
import type { Refs, Understanding } from '../understand.js';
import { type AnswerContext, joinAnd } from './context.js';
import {
  blockMatches,
  blockName,
  blocksBetween,
  coverageNote,
  hasTargets,
  reply,
  type Subject,
  sameRotation,
  type Targets,
  targetName,
  targetsOf,
} from './schedule-view.js';

/*
 * "Is that before or after ICU?" after an answer that named a block: where that block lies beside
 * the blocks of the subject named, on the same resident's schedule. Which one it is, or Yes/No for
 * "is that before ICU?", as the schedule decides it; an honest unknown when it has no such block.
 * Asked on its own ("is my ICU before my VA month?"), the blocks of the subject named first are
 * placed beside the others'.
 */

interface Run {
  from: IsoDate;
  to: IsoDate;
  block: Block;
}

/** Back-to-back blocks of one rotation read as one stretch ("ICU, February – March 2027"). */
function runsOf(blocks: Block[]): Run[] {
  const runs: Run[] = [];
  for (const b of blocks) {
    const last = runs[runs.length - 1];
    if (last && sameRotation(last.block, b) && addDays(last.to, 1) === b.start) last.to = b.end;
    else runs.push({ from: b.start, to: b.end, block: b });
  }
  return runs;
}

/** "Is my ICU before my VA month?": what is compared (ICU) and what it is compared with (the VA month). */
export function comparedAndWith(u: Understanding): [Targets, Targets] | undefined {
  const c = u.compared;
  if (!c) return undefined;
  const inCompared = (m: PhraseMatch) => m.refs.every((r) => c[r.kind].includes(r.id));
  const side = (matches: PhraseMatch[]): Understanding => {
    const refs = Object.fromEntries(Object.keys(u.refs).map((k) => [k, [] as string[]])) as Refs;
    for (const m of matches)
      for (const r of m.refs) if (!refs[r.kind].includes(r.id)) refs[r.kind].push(r.id);
    return { ...u, refs, matches };
  };
  const compared = targetsOf(side(u.matches.filter(inCompared)));
  const withWhat = targetsOf(side(u.matches.filter((m) => !inCompared(m))));
  return hasTargets(compared) && hasTargets(withWhat) ? [compared, withWhat] : undefined;
}

/** A stretch placed beside the others: the block a follow-up's "that" named, or a subject's own. */
interface Placed {
  from: IsoDate;
  to: IsoDate;
  /** "Interventional Radiology (March 2027)". */
  name: string;
  block?: Block;
}

/** "Is that before or after ICU?": the time asked about (a block the last answer named) beside the subject's blocks. */
export function order(ctx: AnswerContext, s: Subject, t: Targets, ref: DateRef, asked: Order): Answer {
  const locale = ctx.knowledge.program.locale;
  const from = firstDayOf(ref, '0000-01-01');
  const to = lastDayOf(ref);
  const here = blocksBetween(s.resident, from, to)[0];
  const that = here
    ? `${blockName(ctx, here)} (${formatSpan(from, to, locale)})`
    : formatSpan(from, to, locale);
  return placeBeside(ctx, s, [{ from, to, name: that, ...(here ? { block: here } : {}) }], t, asked, 'that');
}

/**
 * "Is my ICU before my VA month?", "is research after ICU for me?": the blocks of the subjects
 * named first beside the blocks of the others, on the same resident's schedule.
 */
export function orderOfSubjects(
  ctx: AnswerContext,
  s: Subject,
  compared: Targets,
  t: Targets,
  asked: Order,
): Answer {
  const locale = ctx.knowledge.program.locale;
  const placed = runsOf(s.resident.blocks.filter((b) => blockMatches(ctx, b, compared))).map(
    (r): Placed => ({
      from: r.from,
      to: r.to,
      name: `${blockName(ctx, r.block)} (${formatSpan(r.from, r.to, locale)})`,
      block: r.block,
    }),
  );
  if (!placed.length) {
    const text = `${s.has} no ${targetName(ctx, compared)} on the schedule, so I can't say whether it is before or after ${s.possessive} ${targetName(ctx, t)}.${coverageNote(ctx)}`;
    return reply(s, text, [], { verdict: 'unknown' });
  }
  return placeBeside(ctx, s, placed, t, asked, targetName(ctx, compared));
}

/**
 * Where each placed stretch lies beside the subject's other stretches (a block is neither before
 * nor after itself). Which one it is for "before or after"; for one direction Yes when every
 * stretch compared is that way, No when none is, Partly otherwise.
 */
function placeBeside(
  ctx: AnswerContext,
  s: Subject,
  placed: Placed[],
  t: Targets,
  asked: Order,
  placedName: string,
): Answer {
  const locale = ctx.knowledge.program.locale;
  const name = targetName(ctx, t);
  const runs = runsOf(s.resident.blocks.filter((b) => blockMatches(ctx, b, t)));
  const apart = (p: Placed) => runs.filter((r) => r.to < p.from || r.from > p.to);
  const own = placed.map((p) => p.block).filter((b): b is Block => b !== undefined);
  if (!placed.some((p) => apart(p).length)) {
    const which = `${s.possessive} ${placed.length === 1 ? placed[0]!.name : placedName}`;
    // "Apart from that": the subject's only such block is the one asked about.
    const apartFrom = !runs.length ? '' : placedName === 'that' ? ' apart from that' : ` apart from ${which}`;
    const text = `${s.has} no ${name} on the schedule${apartFrom}, so I can't say whether ${which} is before or after it.${coverageNote(ctx)}`;
    return reply(s, text, own, { verdict: 'unknown' });
  }
  // "Your ICU is before your research"; a colleague's name once: "Casey's ICU is before Research".
  const whose = s.you ? `${s.possessive} ` : '';
  // Many stretches are counted, with the first and the last: "your 13 ICU blocks (from … to …)".
  const stretch = (rs: Run[]) =>
    rs.length > 3
      ? `${whose}${rs.length} ${name} blocks (from ${formatSpan(rs[0]!.from, rs[0]!.to, locale)} to ${formatSpan(rs[rs.length - 1]!.from, rs[rs.length - 1]!.to, locale)})`
      : joinAnd(rs.map((r) => `${whose}${blockName(ctx, r.block)} (${formatSpan(r.from, r.to, locale)})`));
  let pairs = 0;
  let holds = 0;
  const sentences = placed.map((p) => {
    const others = apart(p);
    const before = others.filter((r) => p.to < r.from);
    const after = others.filter((r) => p.from > r.to);
    pairs += others.length;
    holds += asked === 'before' ? before.length : after.length;
    const said = [
      ...(before.length ? [`before ${stretch(before)}`] : []),
      ...(after.length ? [`after ${stretch(after)}`] : []),
    ];
    return `${s.possessive} ${p.name} is ${said.join(' and ')}.`;
  });
  const compared = runs.filter((r) => placed.some((p) => r.to < p.from || r.from > p.to)).map((r) => r.block);
  const facts = [...own, ...compared.filter((b) => !own.includes(b))];
  const text = sentences.join(' ');
  if (asked === 'before-or-after') return reply(s, text, facts);
  const verdict: Verdict = holds === pairs ? 'yes' : holds === 0 ? 'no' : 'partly';
  return reply(s, text, facts, { verdict });
}
