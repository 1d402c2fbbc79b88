import type { Assignment, AssignmentGroup, Block } from '../../schedule/types.js';
import { formatDate, formatMonth } from '../../time/format-date.js';
import { addMonths, type IsoDate, monthOf } from '../../time/local-date.js';
import { says } from '../cues.js';
import { bareLabel } from '../date-words.js';
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
    return answer('schedule.who', notScheduledYet(ctx, cap(bareLabel(label))), [], {
      unanswered: !schedule,
    });
  }
  const levels = u.refs.year.map((id) => ctx.vocabulary.years.get(id)?.level.toLowerCase() ?? id);
  // Only the groups (one rotation label at one site) the question is about; each is sorted by name.
  // "Who are the R5s on IR?": only the residents at the levels named, read from the group by level.
  const groups = months
    .flatMap((m) => schedule.groupsInMonth(m))
    .filter((g) => blockMatches(ctx, g.assignments[0]!.block, t))
    .map((g) => ({
      name: blockName(ctx, g.assignments[0]!.block),
      assignments: levels.length ? atLevels(g, levels) : g.assignments,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const others = says(u, 'others_words') || u.others === true;
  let leftOut = false;
  // One month lists each assignment once (its groups share none); over several months a block
  // that spans two is in both, and is listed once. Residents are keyed by email and a resident's
  // blocks never overlap, so an assignment is one resident's block: compared as an object, no key
  // string is built per resident.
  const seen = months.length > 1 ? new Set<Assignment>() : undefined;
  const hits: Hit[] = [];
  for (const [i, group] of groups.entries()) {
    const before = hits.length;
    for (const a of group.assignments) {
      if (ref?.kind === 'day' && !(a.block.start <= ref.date && ref.date <= a.block.end)) continue;
      // "who else … with me", "who else is there?" after a colleague: everyone but them.
      if (
        others &&
        ((ctx.resident !== undefined && a.resident === ctx.resident) || u.besides?.includes(a.resident))
      ) {
        leftOut = true;
        continue;
      }
      if (seen) {
        if (seen.has(a)) continue;
        seen.add(a);
      }
      hits.push({ resident: a.resident, block: a.block, name: group.name });
    }
    // Two groups with one name (a label typed two ways, or months of a range): one list by name.
    if (i > 0 && groups[i - 1]!.name === group.name) sortByName(hits, before);
  }
  const what = hasTargets(t) ? targetName(ctx, t) : 'the schedule';
  // "at the Durham VA" for a site alone, "on ICU" for a rotation.
  const onWhat = t.sites.length && !t.rotations.length && !t.groups.length ? `at ${what}` : `on ${what}`;
  const tense =
    (ref?.kind === 'day' ? ref.date : `${months[months.length - 1]}-31`) < ctx.today ? 'was' : 'is';
  if (!hits.length) {
    const text = `${u.yesNo ? 'n' : 'N'}obody${leftOut ? ' else' : ''} ${tense} ${onWhat} ${label}.`;
    return answer('schedule.who', text, [], {
      suggestions: [ask(`Who is on ${what} next month?`)],
      ...decide(u.yesNo, false),
    });
  }
  // Dates are written once per distinct span, not once per resident: most share a few spans.
  // Looked up by start then end (no key string per resident), the last span remembered.
  const spans = new Map<IsoDate, Map<IsoDate, string>>();
  let last: { block: Block; text: string } | undefined;
  const spanText = ({ block }: Assignment): string => {
    if (last && last.block.start === block.start && last.block.end === block.end) return last.text;
    let byEnd = spans.get(block.start);
    if (!byEnd) {
      byEnd = new Map();
      spans.set(block.start, byEnd);
    }
    let text = byEnd.get(block.end);
    if (text === undefined) {
      const written = span(ctx, block);
      const whole =
        ref?.kind !== 'day' &&
        months.length === 1 &&
        written === formatMonth(monthOf(block.start), ctx.knowledge.program.locale);
      text = whole ? '' : `, ${written}`;
      byEnd.set(block.end, text);
    }
    last = { block, text };
    return text;
  };
  const items = hits.map((a) => `${a.resident.name} (${a.resident.level}) — ${a.name}${spanText(a)}`);
  // Residents are keyed by email: one resident object per email.
  const people = new Set(hits.map((a) => a.resident)).size;
  const verb = people === 1 ? tense : tense === 'is' ? 'are' : 'were';
  const text = `${people} ${people === 1 ? 'resident' : 'residents'} ${verb} ${onWhat} ${label}:`;
  return answer(
    'schedule.who',
    text,
    hits.map((a) => a.block.source),
    { items, ...summaryOf(hits), ...decide(u.yesNo, true) },
  );
};

type Hit = Assignment & { name: string };

/** Each group's positions by level (lower-cased), built on the first question naming a level. */
const groupLevels = new WeakMap<AssignmentGroup, Map<string, number[]>>();

/**
 * A group's assignments at the levels named (lower-cased; "R4" matches "r4"), in the group's
 * order: a question about one class reads that class, not the whole rotation.
 */
function atLevels(group: AssignmentGroup, levels: readonly string[]): readonly Assignment[] {
  let byLevel = groupLevels.get(group);
  if (!byLevel) {
    byLevel = new Map();
    for (const [i, a] of group.assignments.entries()) {
      const level = a.resident.level.toLowerCase();
      const list = byLevel.get(level);
      if (list) list.push(i);
      else byLevel.set(level, [i]);
    }
    groupLevels.set(group, byLevel);
  }
  const named = [...new Set(levels)];
  const positions = named.flatMap((l) => byLevel.get(l) ?? []);
  // Several levels: back into the group's order.
  if (named.length > 1) positions.sort((x, y) => x - y);
  return positions.map((i) => group.assignments[i]!);
}

/** Re-sorts by resident name the hits from `from` on that share the name of the group before them. */
function sortByName(hits: Hit[], from: number): void {
  let start = from;
  while (start > 0 && hits[start - 1]!.name === hits[from]?.name) start--;
  const run = hits.slice(start).sort((a, b) => a.resident.name.localeCompare(b.resident.name));
  hits.splice(start, run.length, ...run);
}

/** Lists longer than a screen: "Interventional Radiology 412 · ICU 118" (or by level for one rotation). */
function summaryOf(hits: readonly Hit[]): { itemsSummary?: string } {
  if (hits.length <= 20) return {};
  const counts = new Map<string, number>();
  const first = hits[0]!.name;
  const byRotation = hits.some((h) => h.name !== first);
  for (const h of hits) {
    const key = byRotation ? h.name : h.resident.level;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const parts = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return { itemsSummary: parts.map(([k, n]) => `${k} ${n.toLocaleString('en-US')}`).join(' · ') };
}

function nextMonthRef(today: string, locale: string): DateRef {
  const month = addMonths(monthOf(today), 1);
  return { kind: 'month', month, label: formatMonth(month, locale) };
}
