import type { IsoDate, IsoMonth } from '../time/local-date.js';

/** One assignment: a resident on a rotation from start to end, both inclusive, program-local dates. */
export interface Block {
  start: IsoDate;
  end: IsoDate;
  /** The label as the coordinator typed it ("IR-VA"). */
  label: string;
  /** The knowledge base rotation the label resolves to; null for a label it does not know. */
  rotationId: string | null;
  /** An explicit site from the long format's `site` column, overriding the rotation's site. */
  site?: string;
  notes?: string;
  /** Where the block came from, for error messages and answers' fact ids: "schedule.csv:7". */
  source: string;
}

export interface Resident {
  /** Lower-cased email: the key by which platforms' users are matched. */
  email: string;
  name: string;
  /** "R4", "R5", … as written in the schedule. */
  level: string;
  slackId?: string;
  teamsId?: string;
  /** Sorted by start, non-overlapping. */
  blocks: Block[];
}

export interface Assignment {
  resident: Resident;
  block: Block;
}

/**
 * A month's assignments with the same rotation label and site: one rotation at one place. A
 * question about rotations or sites reads only the groups it asks about, never the whole month.
 */
export interface AssignmentGroup {
  /** The label as typed and its explicit site: every block in the group has both. */
  readonly label: string;
  readonly rotationId: string | null;
  readonly site?: string;
  /** Sorted by resident name (case and accents ignored), then by start date. */
  readonly assignments: readonly Assignment[];
}

/** A loaded, validated schedule with its indexes. Lookups are O(1) or O(blocks of one resident). */
export interface Schedule {
  readonly residents: readonly Resident[];
  /** Case-insensitive. */
  byEmail(email: string): Resident | undefined;
  byPlatformId(platform: 'slack' | 'teams', id: string): Resident | undefined;
  /** Full name, first name, last name or "Dr. Lastname", tolerant of case and accents; all matches. */
  findByName(query: string): Resident[];
  /** The block a resident is on that day. */
  blockOn(resident: Resident, date: IsoDate): Block | undefined;
  /** Everyone assigned on a given day. */
  assignmentsOn(date: IsoDate): Assignment[];
  /** Every assignment overlapping a month (a split month gives several blocks for a resident). */
  assignmentsInMonth(month: IsoMonth): Assignment[];
  /** The same assignments by rotation label and site, each group sorted by name (indexed once per month). */
  groupsInMonth(month: IsoMonth): readonly AssignmentGroup[];
  /** The first and last dates any block covers; null for an empty schedule. */
  readonly coverage: { first: IsoDate; last: IsoDate } | null;
  /** True when the schedule has any assignment in that month ("not scheduled yet" otherwise). */
  covers(month: IsoMonth): boolean;
}
