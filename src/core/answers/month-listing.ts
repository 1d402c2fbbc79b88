import type { Knowledge } from '../../knowledge/schema.js';
import type { Assignment, AssignmentGroup, Resident } from '../../schedule/types.js';

/**
 * A group's lines for a whole-month "who is on X" answer, written once per group (and knowledge
 * base, and set of levels asked about) and then reused: a month is asked about many times, so an
 * answer costs what its groups' count costs, not what its residents' count costs.
 */
export interface Listing {
  readonly items: readonly string[];
  readonly sources: readonly string[];
  /** Residents in the group (a resident with two blocks in it is one). */
  readonly people: number;
  /** Lines per level, for the summary of a long one-rotation list. */
  readonly byLevel: ReadonlyMap<string, number>;
}

/** By knowledge base, then group: a reloaded knowledge base's lines go with it, held by nothing here. */
const listings = new WeakMap<Knowledge, WeakMap<AssignmentGroup, Map<string, Listing>>>();

/** The group's listing for the assignments chosen (all, or the levels named; read on a miss); `line` writes one. */
export function listingOf(
  knowledge: Knowledge,
  group: AssignmentGroup,
  levelsKey: string,
  assignments: () => readonly Assignment[],
  line: (a: Assignment) => string,
): Listing {
  let byGroup = listings.get(knowledge);
  if (!byGroup) {
    byGroup = new WeakMap();
    listings.set(knowledge, byGroup);
  }
  let byLevels = byGroup.get(group);
  if (!byLevels) {
    byLevels = new Map();
    byGroup.set(group, byLevels);
  }
  let listing = byLevels.get(levelsKey);
  if (!listing) {
    const chosen = assignments();
    const byLevel = new Map<string, number>();
    for (const a of chosen) byLevel.set(a.resident.level, (byLevel.get(a.resident.level) ?? 0) + 1);
    listing = {
      items: chosen.map(line),
      sources: chosen.map((a) => a.block.source),
      people: new Set(chosen.map((a) => a.resident)).size,
      byLevel,
    };
    byLevels.set(levelsKey, listing);
  }
  return listing;
}

/** Per month's groups: each resident found in more than one group, with those groups. */
const shared = new WeakMap<readonly AssignmentGroup[], Map<Resident, AssignmentGroup[]>>();

/**
 * Residents counted twice when the listings of `chosen` (groups of one month, `all`) are added:
 * a resident split between two rotations in a month. Only those residents are looked at.
 */
export function countedTwice(
  all: readonly AssignmentGroup[],
  chosen: readonly AssignmentGroup[],
  levels: ReadonlySet<string> | undefined,
): number {
  if (chosen.length < 2) return 0;
  let multi = shared.get(all);
  if (!multi) {
    const groupsOf = new Map<Resident, AssignmentGroup[]>();
    for (const g of all) {
      for (const a of g.assignments) {
        const list = groupsOf.get(a.resident);
        if (!list) groupsOf.set(a.resident, [g]);
        else if (list[list.length - 1] !== g) list.push(g);
      }
    }
    multi = new Map([...groupsOf].filter(([, gs]) => gs.length > 1));
    shared.set(all, multi);
  }
  const picked = new Set(chosen);
  let twice = 0;
  for (const [resident, groups] of multi) {
    if (levels && !levels.has(resident.level.toLowerCase())) continue;
    const n = groups.filter((g) => picked.has(g)).length;
    if (n > 1) twice += n - 1;
  }
  return twice;
}
