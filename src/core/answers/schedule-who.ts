import type { Assignment } from '../../schedule/types.js';
import { formatDate, formatMonth } from '../../time/format-date.js';
import { addMonths, monthOf } from '../../time/local-date.js';
import { type DateRef, monthsOf } from '../dates.js';
import { answer, ask, decide, type Handler } from './context.js';
import {
  blockMatches,
  blockName,
  cap,
  hasTargets,
  notScheduledYet,
  span,
  targetName,
  targetsOf,
} from './schedule-view.js';

/** "Who is at the VA in March?" — names and levels, never emails. */
export const whoIsOn: Handler = (u, ctx) => {
  const t = targetsOf(u);
  // "Who has the VA next?": next month, when no date is given.
  const ref = u.dates[0] ?? (u.asks.next ? nextMonthRef(ctx.today, ctx.knowledge.program.locale) : undefined);
  const schedule = ctx.schedule;
  const label = !ref
    ? 'this month'
    : ref.kind === 'day'
      ? `on ${formatDate(ref.date, ctx.knowledge.program.locale)}`
      : ref.kind === 'month'
        ? `in ${formatMonth(ref.month, ctx.knowledge.program.locale)}`
        : `in ${ref.label}`;
  const months = ref ? monthsOf(ref) : [monthOf(ctx.today)];
  if (!schedule || !months.some((m) => schedule.covers(m))) {
    return answer('schedule.who', notScheduledYet(ctx, cap(label.replace(/^(in|on) /, ''))), [], {
      unanswered: !schedule,
    });
  }
  const found: Assignment[] =
    ref?.kind === 'day'
      ? schedule.assignmentsOn(ref.date)
      : months.flatMap((m) => schedule.assignmentsInMonth(m));
  const levels = u.refs.year.map((id) => ctx.vocabulary.years.get(id)?.level.toLowerCase() ?? id);
  const others = u.words.some((w) => /^(else|other|others|besides|with)$/.test(w));
  const seen = new Set<string>();
  const hits = found.filter((a) => {
    const key = `${a.resident.email}|${a.block.start}`;
    // "who else … with me": everyone but the asker.
    if (u.personal && others && a.resident === ctx.resident) return false;
    // "Who are the R5s on IR?": only residents at the levels named.
    if (levels.length && !levels.includes(a.resident.level.toLowerCase())) return false;
    if (seen.has(key) || !blockMatches(ctx, a.block, t)) return false;
    seen.add(key);
    return true;
  });
  const what = hasTargets(t) ? targetName(ctx, t) : 'the schedule';
  // "at the Durham VA" for a site alone, "on ICU" for a rotation.
  const onWhat = t.sites.length && !t.rotations.length && !t.groups.length ? `at ${what}` : `on ${what}`;
  const tense =
    (ref?.kind === 'day' ? ref.date : `${months[months.length - 1]}-31`) < ctx.today ? 'was' : 'is';
  if (!hits.length) {
    const text = `${u.yesNo ? 'n' : 'N'}obody ${tense} ${onWhat} ${label}.`;
    return answer('schedule.who', text, [], {
      suggestions: [ask(`Who is on ${what} next month?`)],
      ...decide(u.yesNo, false),
    });
  }
  const items = hits
    .sort(
      (a, b) =>
        blockName(ctx, a.block).localeCompare(blockName(ctx, b.block)) ||
        a.resident.name.localeCompare(b.resident.name),
    )
    .map((a) => {
      const whole =
        ref?.kind !== 'day' &&
        span(ctx, a.block) === formatMonth(monthOf(a.block.start), ctx.knowledge.program.locale) &&
        months.length === 1;
      return `${a.resident.name} (${a.resident.level}) — ${blockName(ctx, a.block)}${whole ? '' : `, ${span(ctx, a.block)}`}`;
    });
  const people = new Set(hits.map((a) => a.resident.email)).size;
  const verb = people === 1 ? tense : tense === 'is' ? 'are' : 'were';
  const text = `${people} ${people === 1 ? 'resident' : 'residents'} ${verb} ${onWhat} ${label}:`;
  return answer(
    'schedule.who',
    text,
    hits.map((a) => a.block.source),
    { items, ...decide(u.yesNo, true) },
  );
};

function nextMonthRef(today: string, locale: string): DateRef {
  const month = addMonths(monthOf(today), 1);
  return { kind: 'month', month, label: formatMonth(month, locale) };
}
