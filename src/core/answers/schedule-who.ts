import { compareText, sortedByText } from '../../schedule/names.js';
import type { Assignment, AssignmentGroup, Block, Resident } from '../../schedule/types.js';
import { formatDate, formatMonth } from '../../time/format-date.js';
import { academicYearStart, addMonths, type IsoDate, monthOf } from '../../time/local-date.js';
import { says } from '../cues.js';
import { bareLabel } from '../date-words.js';
import { type DateRef, lastDayOf, monthsOf } from '../dates.js';
import { formatCount } from '../text/numbers.js';
import { answer, ask, decide, type Handler, joinAnd } from './context.js';
import { countedTwice, listingOf } from './month-listing.js';
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
    return answer(
      'schedule.who',
      notScheduledYet(ctx, cap(bareLabel(label)), ref ? lastDayOf(ref) : ctx.today),
      [],
      {
        unanswered: !schedule,
      },
    );
  }
  // The schedule gives each resident's level now: "the R4s in March 2026", a year ago, are this
  // year's R5s. Levels are numbered ("R4"); the academic year the time asked falls in decides.
  const startMonth = ctx.knowledge.program.academic_year_start_month;
  const yearsAgo =
    academicYearStart(ctx.today, startMonth) - academicYearStart(`${months[0]!}-01`, startMonth);
  const levels = u.refs.year.map((id) =>
    (ctx.vocabulary.years.get(id)?.level.toLowerCase() ?? id).replace(/\d+/, (n) =>
      String(Number(n) + yearsAgo),
    ),
  );
  // "3 R4 residents are on …": the levels asked about are said.
  const levelNames = u.refs.year.length
    ? `${joinAnd(u.refs.year.map((id) => ctx.vocabulary.years.get(id)?.level ?? id.toUpperCase()))} `
    : '';
  // "The R5s of March 2026" have left: this year's residents were all at lower levels then.
  const known = new Set([...ctx.vocabulary.years.values()].map((y) => y.level.toLowerCase()));
  if (yearsAgo !== 0 && levels.length && levels.every((l) => !known.has(l))) {
    return answer(
      'schedule.who',
      `The ${levelNames}residents of ${bareLabel(label)} are not on the schedule: it lists this year's residents, and none of them was at that level then.`,
      [],
      { unanswered: true },
    );
  }
  // Only the groups (one rotation label at one site) the question is about; each is sorted by name.
  // "Who are the R5s on IR?": only the residents at the levels named, read from the group by level.
  const groups = months
    .flatMap((m) => schedule.groupsInMonth(m))
    .filter((g) => blockMatches(ctx, g.assignments[0]!.block, t))
    .map((g) => ({
      group: g,
      name: blockName(ctx, g.assignments[0]!.block),
    }))
    .sort((a, b) => compareText(a.name, b.name));
  // Read only when a group's lines are not written yet, or outside the one-month path.
  const chosen = (g: AssignmentGroup) => (levels.length ? atLevels(g, levels) : g.assignments);
  const others = says(u, 'others_words') || u.others === true;
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
  const what = hasTargets(t) || t.except ? targetName(ctx, t) : 'the schedule';
  // "at the Durham VA" for a site alone, "on ICU" for a rotation.
  const onWhat = t.sites.length && !t.rotations.length && !t.groups.length ? `at ${what}` : `on ${what}`;
  const tense =
    (ref?.kind === 'day' ? ref.date : `${months[months.length - 1]}-31`) < ctx.today ? 'was' : 'is';
  const nobody = (leftOut: boolean) =>
    answer(
      'schedule.who',
      `${levelNames ? `${u.yesNo ? 'n' : 'N'}o ${levelNames}resident` : `${u.yesNo ? 'n' : 'N'}obody`}${leftOut ? ' else' : ''} ${tense} ${onWhat} ${label}.`,
      [],
      {
        suggestions: [ask(`Who is on ${what} next month?`)],
        ...decide(u.yesNo, false),
      },
    );
  /** Everyone on the schedule at the time asked (at the levels asked): what "everyone" means. */
  const onScheduleThen = () => {
    const all = new Set<Resident>();
    for (const m of months)
      for (const g of schedule.groupsInMonth(m)) for (const a of chosen(g)) all.add(a.resident);
    return all.size;
  };
  const listed = (
    people: number,
    items: string[],
    sources: string[],
    counts: ReadonlyMap<string, number>,
  ) => {
    const verb = people === 1 ? tense : tense === 'is' ? 'are' : 'were';
    // "Is everyone on IR in June?", "are the R4s all on IR?": Yes only when nobody asked about is elsewhere.
    const everyone =
      u.yesNo && (u.quantifier === 'all' || u.quantifier === 'each') ? onScheduleThen() : people;
    const of = people < everyone ? ` of ${everyone}` : '';
    const text = `${people}${of} ${levelNames}${people === 1 && !of ? 'resident' : 'residents'} ${verb} ${onWhat} ${label}:`;
    return answer('schedule.who', text, sources, {
      items,
      ...(counts.size ? { itemsSummary: summaryText(counts) } : {}),
      ...decide(u.yesNo, people >= everyone),
    });
  };
  // One whole month, nobody left out: each group's lines are written once and kept.
  if (
    months.length === 1 &&
    ref?.kind !== 'day' &&
    !others &&
    groups.every((g, i) => !i || groups[i - 1]!.name !== g.name)
  ) {
    const levelsKey = [...new Set(levels)].sort().join(' ');
    const listings = groups.map((g) =>
      listingOf(
        ctx.knowledge,
        g.group,
        levelsKey,
        () => chosen(g.group),
        (a) => lineOf(a, g.name, spanText(a)),
      ),
    );
    const count = listings.reduce((n, l) => n + l.items.length, 0);
    if (!count) return nobody(false);
    const people =
      listings.reduce((n, l) => n + l.people, 0) -
      countedTwice(
        schedule.groupsInMonth(months[0]!),
        groups.map((g) => g.group),
        levels.length ? new Set(levels) : undefined,
      );
    const counts = new Map<string, number>();
    if (count > SUMMARY_FROM) {
      // Only the groups with someone listed: a rotation where nobody is at the levels asked is not in it.
      const nonEmpty = groups.flatMap((g, i) =>
        listings[i]!.items.length ? [{ name: g.name, l: listings[i]! }] : [],
      );
      const byRotation = nonEmpty.some((x) => x.name !== nonEmpty[0]!.name);
      for (const { name, l } of nonEmpty) {
        if (byRotation) counts.set(name, (counts.get(name) ?? 0) + l.items.length);
        else for (const [level, n] of l.byLevel) counts.set(level, (counts.get(level) ?? 0) + n);
      }
    }
    return listed(
      people,
      joined(listings.map((l) => l.items)),
      joined(listings.map((l) => l.sources)),
      counts,
    );
  }
  let leftOut = false;
  // One month lists each assignment once (its groups share none); over several months a block
  // that spans two is in both, and is listed once. Residents are keyed by email and a resident's
  // blocks never overlap, so an assignment is one resident's block: compared as an object, no key
  // string is built per resident.
  const seen = months.length > 1 ? new Set<Assignment>() : undefined;
  const hits: Hit[] = [];
  for (const [i, group] of groups.entries()) {
    const before = hits.length;
    for (const a of chosen(group.group)) {
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
  if (!hits.length) return nobody(leftOut);
  return listed(
    // Residents are keyed by email: one resident object per email.
    new Set(hits.map((a) => a.resident)).size,
    hits.map((a) => lineOf(a, a.name, spanText(a))),
    hits.map((a) => a.block.source),
    hits.length > SUMMARY_FROM ? countsOf(hits) : new Map(),
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
  const run = sortedByText(hits.slice(start), (h) => h.resident.name);
  hits.splice(start, run.length, ...run);
}

/** One list of several (concat copies in bulk; flatMap goes item by item). */
function joined(lists: readonly (readonly string[])[]): string[] {
  return ([] as string[]).concat(...lists);
}

/** Lists longer than a screen get a summary. */
const SUMMARY_FROM = 20;

/** "Avery Lee (R4) — Interventional Radiology" (and its dates when not the whole month). */
function lineOf(a: Assignment, name: string, dates: string): string {
  return `${a.resident.name} (${a.resident.level}) — ${name}${dates}`;
}

/** Lines per rotation, or per level when all are on one rotation. */
function countsOf(hits: readonly Hit[]): Map<string, number> {
  const counts = new Map<string, number>();
  const first = hits[0]!.name;
  const byRotation = hits.some((h) => h.name !== first);
  for (const h of hits) {
    const key = byRotation ? h.name : h.resident.level;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** "Interventional Radiology 412 · ICU 118": the largest first. */
function summaryText(counts: ReadonlyMap<string, number>): string {
  const parts = [...counts].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]));
  return parts.map(([k, n]) => `${k} ${formatCount(n)}`).join(' · ');
}

function nextMonthRef(today: string, locale: string): DateRef {
  const month = addMonths(monthOf(today), 1);
  return { kind: 'month', month, label: formatMonth(month, locale) };
}
