import { addMonths, type IsoDate, type IsoMonth, monthOf } from '../time/local-date.js';
import { nameTokens, sortKey } from './names.js';
import type { Assignment, AssignmentGroup, Block, Resident, Schedule } from './types.js';

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The block covering a date, by binary search over one resident's sorted blocks. */
function findBlock(blocks: readonly Block[], date: IsoDate): Block | undefined {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const block = blocks[mid]!;
    if (date < block.start) hi = mid - 1;
    else if (date > block.end) lo = mid + 1;
    else return block;
  }
  return undefined;
}

/**
 * Residents ranked by their sort key, once per schedule: a month's groups are then sorted by two
 * numbers' worth of work per comparison, not two map lookups and a string comparison (ten times
 * faster at 50,000 residents). Equal keys share a rank, so namesakes keep the order they had.
 */
function rankByKey(residents: readonly Resident[], keys: Map<Resident, string>): Map<Resident, number> {
  const sorted = [...residents].sort((x, y) => {
    const kx = keys.get(x)!;
    const ky = keys.get(y)!;
    return kx < ky ? -1 : kx > ky ? 1 : 0;
  });
  const ranks = new Map<Resident, number>();
  let rank = -1;
  let previous: string | undefined;
  for (const r of sorted) {
    const key = keys.get(r)!;
    if (key !== previous) {
      rank++;
      previous = key;
    }
    ranks.set(r, rank);
  }
  return ranks;
}

/** A month's assignments by label and site, each group sorted by resident name then start. */
function groupMonth(assignments: readonly Assignment[], ranks: Map<Resident, number>): AssignmentGroup[] {
  const groups = new Map<string, Assignment[]>();
  for (const a of assignments) push(groups, `${a.block.label}\u0000${a.block.site ?? ''}`, a);
  return [...groups.values()].map((list) => {
    // Each with its rank beside it; the sort is stable, so equal ranks and starts keep row order.
    const ranked = list.map((a) => ({ a, rank: ranks.get(a.resident)!, start: a.block.start }));
    ranked.sort((x, y) =>
      x.rank !== y.rank ? x.rank - y.rank : x.start < y.start ? -1 : x.start > y.start ? 1 : 0,
    );
    const sorted = ranked.map((x) => x.a);
    const { label, rotationId, site } = sorted[0]!.block;
    return { label, rotationId, ...(site !== undefined ? { site } : {}), assignments: sorted };
  });
}

/**
 * Builds a schedule's indexes once, so every lookup touches only what it returns: by email,
 * by platform id, by name word, and by month (days are found inside their month's bucket).
 */
export function createSchedule(residents: Resident[]): Schedule {
  const byEmail = new Map<string, Resident>();
  const bySlack = new Map<string, Resident>();
  const byTeams = new Map<string, Resident>();
  const byToken = new Map<string, Set<Resident>>();
  const byMonth = new Map<IsoMonth, Assignment[]>();
  // Ranked on the first month's groups, not at load: a one-shot command may never list anyone.
  let ranks: Map<Resident, number> | undefined;
  // Built on a month's first question, then kept: a month is asked about many times.
  const groupsByMonth = new Map<IsoMonth, AssignmentGroup[]>();
  let first: IsoDate | undefined;
  let last: IsoDate | undefined;

  for (const resident of residents) {
    byEmail.set(resident.email.toLowerCase(), resident);
    if (resident.slackId) bySlack.set(resident.slackId, resident);
    if (resident.teamsId) byTeams.set(resident.teamsId, resident);
    for (const token of nameTokens(resident.name)) {
      let set = byToken.get(token);
      if (!set) {
        set = new Set();
        byToken.set(token, set);
      }
      set.add(resident);
    }
    for (const block of resident.blocks) {
      if (!first || block.start < first) first = block.start;
      if (!last || block.end > last) last = block.end;
      const assignment = { resident, block };
      const end = monthOf(block.end);
      let month = monthOf(block.start);
      push(byMonth, month, assignment);
      while (month < end) {
        month = addMonths(month, 1);
        push(byMonth, month, assignment);
      }
    }
  }

  return {
    residents,
    byEmail: (email) => byEmail.get(email.trim().toLowerCase()),
    byPlatformId: (platform, id) => (platform === 'slack' ? bySlack : byTeams).get(id),
    findByName(query) {
      const tokens = nameTokens(query);
      if (tokens.length === 0) return [];
      const sets = tokens.map((t) => byToken.get(t));
      if (sets.some((s) => !s)) return [];
      // Every word must belong to the name, in any order: "Dr. Okafor", "Okafor, Ada", "ada".
      const [smallest, ...others] = (sets as Set<Resident>[]).sort((a, b) => a.size - b.size);
      // Row order, so answers list residents as the coordinator does: each set was filled in row
      // order, and filtering keeps it (no sort, which would cost more than the match for a common name).
      return others.length ? [...smallest!].filter((r) => others.every((s) => s.has(r))) : [...smallest!];
    },
    blockOn: (resident, date) => findBlock(resident.blocks, date),
    assignmentsOn: (date) =>
      (byMonth.get(monthOf(date)) ?? []).filter((a) => a.block.start <= date && date <= a.block.end),
    assignmentsInMonth: (month) => [...(byMonth.get(month) ?? [])],
    groupsInMonth(month) {
      let groups = groupsByMonth.get(month);
      if (!groups) {
        ranks ??= rankByKey(residents, new Map(residents.map((r) => [r, sortKey(r.name)])));
        groups = groupMonth(byMonth.get(month) ?? [], ranks);
        groupsByMonth.set(month, groups);
      }
      return groups;
    },
    coverage: first && last ? { first, last } : null,
    covers: (month) => byMonth.has(month),
  };
}

/**
 * Builds every month's groups, one month per turn of the event loop, so a server answers its
 * first question about any month from an index built at load, and nothing waits meanwhile.
 * `still()` false stops it (a newer schedule came, or the process is closing).
 */
export async function warmMonths(schedule: Schedule, still: () => boolean = () => true): Promise<void> {
  if (!schedule.coverage) return;
  const last = monthOf(schedule.coverage.last);
  for (let month = monthOf(schedule.coverage.first); month <= last; month = addMonths(month, 1)) {
    // A turn first, so the load that started this returns before any month is built.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (!still()) return;
    schedule.groupsInMonth(month);
  }
}
