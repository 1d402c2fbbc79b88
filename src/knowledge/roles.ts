import type { Division, Exclusion, Knowledge, RotationGroup, Site, TrainingYear } from './schema.js';

/**
 * What the answers say about a program, read from its knowledge base instead of written in code:
 * its short name, the groups that play a role (its own specialty, the elective an option swaps
 * in), the residency a year is identical to, and the names the suggested questions use.
 */
export interface ProgramRoles {
  /** The program's short name ("IR" for an interventional program, "DR" for a diagnostic one). */
  short: string;
  /** The group of the program's own rotations (`role: specialty`). */
  specialty?: RotationGroup;
  /** The group an option may swap in (`role: elective`). */
  elective?: RotationGroup;
  /** Groups some training year is identical to (`same_as`). */
  sameAs: ReadonlySet<string>;
  /** The group each referral division stands for in questions ("DR" for the diagnostic divisions). */
  divisionsOfGroup: ReadonlyMap<string, readonly Division[]>;
  /** Names the suggested questions use; each absent when the program has none. */
  example: {
    /** A rotation group outside the specialty ("ICU"), for "when is my next … month?". */
    group?: string;
    /** A site away from the home one ("the VA"), for "who is at … in March?". */
    site?: string;
    /** A procedure by the name people use ("Y90"). */
    procedure?: string;
    /** A procedure category ("oncologic therapies"). */
    category?: string;
    /** Work the program refers elsewhere, first and last ("biopsies", "drainages"). */
    referral?: string;
    otherReferral?: string;
    /** A group that comes in some years only ("research"), for "which year has …?". */
    yearGroup?: string;
    /** A year worth describing (the first with options or with several groups: "R4"). */
    year: string;
    /** The first and last years ("R1", "R5"). */
    firstYear: string;
    lastYear: string;
  };
}

const cache = new WeakMap<Knowledge, ProgramRoles>();

/** A group as answers name it: its short name, else its name. */
export function groupShortName(group: RotationGroup): string {
  return group.short_name ?? group.name;
}

/** A site as answers name it inside a sentence ("the VA"): its short name, else its name. */
export function siteShortName(site: Site): string {
  return site.short_name ?? site.name;
}

/** A name inside a sentence: "research", "night float", but "ICU" and "Surgical Oncology" stay. */
export function inSentence(name: string): string {
  return name.split(' ').length === 1 && /^[A-Z][a-z]+$/.test(name) ? name.toLowerCase() : name;
}

function exampleYear(years: readonly TrainingYear[]): TrainingYear {
  return (
    years.find((y) => y.options.length > 0) ??
    years.find((y) => !y.same_as && y.months.length > 1) ??
    years[0]!
  );
}

function lowerName(x: Exclusion | undefined): string | undefined {
  return x?.name.toLowerCase();
}

export function rolesOf(knowledge: Knowledge): ProgramRoles {
  const cached = cache.get(knowledge);
  if (cached) return cached;
  const p = knowledge.program;
  const groups = knowledge.groups;
  const specialty = groups.find((g) => g.role === 'specialty');
  const elective = groups.find((g) => g.role === 'elective');
  const years = knowledge.training.years;
  const sameAs = new Set(years.flatMap((y) => (y.same_as ? [y.same_as] : [])));
  const divisionsOfGroup = new Map<string, Division[]>();
  for (const d of knowledge.divisions) {
    if (d.group) divisionsOfGroup.set(d.group, [...(divisionsOfGroup.get(d.group) ?? []), d]);
  }
  const scheduled = new Set(knowledge.rotations.map((r) => r.group));
  // The example group: one a resident is scheduled on that is neither the specialty, the
  // elective nor a residency a year is identical to (Duke's ICU, a diagnostic program's IR month).
  const other =
    groups.find((g) => !g.role && !sameAs.has(g.id) && scheduled.has(g.id)) ??
    groups.find((g) => scheduled.has(g.id));
  const counted = new Set(years.flatMap((y) => y.months.map((m) => m.group)));
  const yearGroup = groups.filter((g) => !g.role && counted.has(g.id)).at(-1);
  const site = p.sites.length > 1 ? p.sites.at(-1) : p.sites[0];
  const procedure = knowledge.procedures[0];
  const category = knowledge.categories[0];
  const roles: ProgramRoles = {
    short: p.short_name ?? p.aliases[0] ?? p.name,
    specialty,
    elective,
    sameAs,
    divisionsOfGroup,
    example: {
      group: other ? groupShortName(other) : undefined,
      site: site ? siteShortName(site) : undefined,
      procedure: procedure ? (procedure.aliases[0] ?? procedure.name) : undefined,
      category: category?.name.toLowerCase(),
      referral: lowerName(knowledge.exclusions[0]),
      otherReferral: lowerName(knowledge.exclusions.at(-1)),
      yearGroup: yearGroup ? groupShortName(yearGroup) : undefined,
      year: exampleYear(years).level,
      firstYear: years[0]!.level,
      lastYear: years.at(-1)!.level,
    },
  };
  cache.set(knowledge, roles);
  return roles;
}

/** "identical to DR residency": the residency a year is identical to, by the group's short name. */
export function sameAsText(knowledge: Knowledge, groupId: string): string {
  const group = knowledge.groups.find((g) => g.id === groupId);
  return `identical to ${group ? groupShortName(group) : groupId} residency`;
}
