import { describeRotation } from '../knowledge/rotation-names.js';
import type { Knowledge } from '../knowledge/schema.js';
import { compareText } from '../schedule/names.js';
import type { Assignment, Block, Resident, Schedule } from '../schedule/types.js';
import { formatDate, formatMonth, formatShortDate, formatShortSpan } from '../time/format-date.js';
import { addDays, firstDayOfMonth, type IsoDate, type IsoMonth, lastDayOfMonth } from '../time/local-date.js';
import type { OutgoingPost } from './messenger.js';

/**
 * What announcements and reminders say. Names and levels only, never emails: the
 * announcement goes to a whole channel.
 */

/**
 * One part of an announcement must fit both Slack (3,000 chars a section, 50 blocks a message)
 * and Teams (~28 KB a card, JSON included), so the common limit is well under both.
 */
export const PART_LIMITS = { items: 30, itemChars: 1500, chars: 8_000 } as const;

/** "Dec 1 – 14" (en-US) for a block that covers only part of the month; empty for the whole month. */
function partOfMonth(block: Block, month: IsoMonth, locale: string): string {
  const first = firstDayOfMonth(month);
  const last = lastDayOfMonth(month);
  const from = block.start > first ? block.start : null;
  const to = block.end < last ? block.end : null;
  if (from && to) return formatShortSpan(from, to, locale);
  if (from) return `from ${formatShortDate(from, locale)}`;
  if (to) return `until ${formatShortDate(to, locale)}`;
  return '';
}

function byLevelThenName(a: Assignment, b: Assignment): number {
  return compareText(a.resident.level, b.resident.level) || compareText(a.resident.name, b.resident.name);
}

/** A rotation's line(s): "Interventional Radiology at the Durham VA: Ana Diaz (R4), Ben Okafor (R5, from 15 Dec)". */
function rotationLines(heading: string, people: string[]): string[] {
  const lines: string[] = [];
  let line = '';
  for (const person of people) {
    const next = line ? `${line}, ${person}` : `${heading}: ${person}`;
    // A very long list is continued on another line rather than cut.
    if (line && next.length > PART_LIMITS.itemChars) {
      lines.push(line);
      line = `${heading} (continued): ${person}`;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** The month's rotations as list lines, in the knowledge base's rotation order. */
export function announcementLines(knowledge: Knowledge, schedule: Schedule, month: IsoMonth): string[] {
  const order = new Map(knowledge.rotations.map((r, i) => [r.id, i]));
  const groups = new Map<string, { rank: number; assignments: Assignment[] }>();
  for (const assignment of schedule.assignmentsInMonth(month)) {
    const heading = describeRotation(knowledge, assignment.block).text;
    const rank = assignment.block.rotationId ? (order.get(assignment.block.rotationId) ?? 1e6) : 1e6;
    const group = groups.get(heading) ?? { rank, assignments: [] };
    group.rank = Math.min(group.rank, rank);
    group.assignments.push(assignment);
    groups.set(heading, group);
  }
  return [...groups.entries()]
    .sort(([a, x], [b, y]) => x.rank - y.rank || compareText(a, b))
    .flatMap(([heading, { assignments }]) => {
      const people = assignments.sort(byLevelThenName).map(({ resident, block }) => {
        const part = partOfMonth(block, month, knowledge.program.locale);
        return `${resident.name} (${resident.level}${part ? `, ${part}` : ''})`;
      });
      return rotationLines(heading, people);
    });
}

/** Splits lines into parts within PART_LIMITS. */
function splitParts(lines: string[]): string[][] {
  const parts: string[][] = [[]];
  let size = 0;
  for (const line of lines) {
    const current = parts.at(-1)!;
    if (current.length && (current.length >= PART_LIMITS.items || size + line.length > PART_LIMITS.chars)) {
      parts.push([]);
      size = 0;
    }
    parts.at(-1)!.push(line);
    size += line.length + 1;
  }
  return parts.filter((p) => p.length);
}

/**
 * The announcement of a month's rotations, in as many posts as the limits need. An empty
 * array when the schedule does not cover the month yet: nothing is posted.
 */
export function buildAnnouncement(knowledge: Knowledge, schedule: Schedule, month: IsoMonth): OutgoingPost[] {
  if (!schedule.covers(month)) return [];
  const parts = splitParts(announcementLines(knowledge, schedule, month));
  return parts.map((items, i) => ({
    text:
      parts.length === 1
        ? `Rotations for ${formatMonth(month, knowledge.program.locale)}, by rotation and site.`
        : `Rotations for ${formatMonth(month, knowledge.program.locale)}, by rotation and site (part ${i + 1} of ${parts.length}).`,
    items,
  }));
}

/** "tomorrow, Tuesday, December 1, 2026" / "on Monday, November 30, 2026" (en-US). */
function when(start: IsoDate, today: IsoDate, locale: string): string {
  if (start === today) return `today, ${formatDate(start, locale)}`;
  if (start === addDays(today, 1)) return `tomorrow, ${formatDate(start, locale)}`;
  return `on ${formatDate(start, locale)}`;
}

/** The personal reminder: the day, the new rotation with its site, and the rotation's reminder fact. */
export function buildReminder(
  knowledge: Knowledge,
  resident: Resident,
  block: Block,
  today: IsoDate,
): OutgoingPost {
  const display = describeRotation(knowledge, block);
  const firstName = resident.name.trim().split(/\s+/)[0] ?? resident.name;
  const paragraphs = [
    `Hi ${firstName} — a reminder: ${when(block.start, today, knowledge.program.locale)}, you start ${display.text} ` +
      `(until ${formatDate(block.end, knowledge.program.locale)}).`,
  ];
  if (display.rotation?.reminder) paragraphs.push(display.rotation.reminder);
  if (block.notes) paragraphs.push(`Note from the schedule: ${block.notes}`);
  return { text: paragraphs.join('\n\n') };
}
