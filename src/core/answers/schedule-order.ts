import type { Block } from '../../schedule/types.js';
import { formatSpan } from '../../time/format-date.js';
import { addDays, type IsoDate } from '../../time/local-date.js';
import { type DateRef, firstDayOf, lastDayOf } from '../dates.js';
import type { Order } from '../frame.js';
import type { Answer, Verdict } from '../types.js';
import { type AnswerContext, joinAnd } from './context.js';
import {
  blockMatches,
  blockName,
  blocksBetween,
  coverageNote,
  reply,
  type Subject,
  sameRotation,
  type Targets,
  targetName,
} from './schedule-view.js';

/*
 * "Is that before or after ICU?" after an answer that named a block: where that block lies beside
 * the blocks of the subject named, on the same resident's schedule. Which one it is, or Yes/No for
 * "is that before ICU?", as the schedule decides it; an honest unknown when it has no such block.
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

export function order(ctx: AnswerContext, s: Subject, t: Targets, ref: DateRef, asked: Order): Answer {
  const locale = ctx.knowledge.program.locale;
  const from = firstDayOf(ref, '0000-01-01');
  const to = lastDayOf(ref);
  const here = blocksBetween(s.resident, from, to)[0];
  const that = here
    ? `${blockName(ctx, here)} (${formatSpan(from, to, locale)})`
    : formatSpan(from, to, locale);
  const name = targetName(ctx, t);
  // The stretches of the subject, apart from the one compared (a block is neither before nor after itself).
  const others = runsOf(s.resident.blocks.filter((b) => blockMatches(ctx, b, t))).filter(
    (r) => r.to < from || r.from > to,
  );
  if (!others.length) {
    const text = `${s.has} no ${name} on the schedule apart from that, so I can't say whether ${s.possessive} ${that} is before or after it.${coverageNote(ctx)}`;
    return reply(s, text, here ? [here] : [], { verdict: 'unknown' });
  }
  const before = others.filter((r) => to < r.from);
  const after = others.filter((r) => from > r.to);
  const stretch = (rs: Run[]) =>
    joinAnd(
      rs.map((r) => `${s.possessive} ${blockName(ctx, r.block)} (${formatSpan(r.from, r.to, locale)})`),
    );
  const said = [
    ...(before.length ? [`before ${stretch(before)}`] : []),
    ...(after.length ? [`after ${stretch(after)}`] : []),
  ];
  const facts = [...(here ? [here] : []), ...others.map((r) => r.block)];
  const text = `${s.possessive} ${that} is ${said.join(' and ')}.`;
  if (asked === 'before-or-after') return reply(s, text, facts);
  const holds = asked === 'before' ? before.length : after.length;
  const verdict: Verdict = holds === others.length ? 'yes' : holds === 0 ? 'no' : 'partly';
  return reply(s, text, facts, { verdict });
}
