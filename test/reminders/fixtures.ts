import type { Assignment, Block, Resident, Schedule } from '../../src/schedule/types.js';
import { firstDayOfMonth, lastDayOfMonth } from '../../src/time/local-date.js';

/** A block from a label and its dates; rotationId is the lower-cased label unless given. */
export function block(label: string, start: string, end: string, extra: Partial<Block> = {}): Block {
  return { label, rotationId: label.toLowerCase(), start, end, source: 'test.csv:1', ...extra };
}

export function resident(
  name: string,
  level: string,
  blocks: Block[],
  extra: Partial<Resident> = {},
): Resident {
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.edu`;
  return { email, name, level, blocks, ...extra };
}

/** A minimal in-test Schedule with the same contract as the real one (scans; fine for a handful of rows). */
export function scheduleOf(residents: Resident[]): Schedule {
  const all = (): Assignment[] => residents.flatMap((r) => r.blocks.map((b) => ({ resident: r, block: b })));
  const starts = all()
    .map((a) => a.block.start)
    .sort();
  const ends = all()
    .map((a) => a.block.end)
    .sort();
  return {
    residents,
    byEmail: (email) => residents.find((r) => r.email === email.toLowerCase()),
    byPlatformId: (platform, id) =>
      residents.find((r) => (platform === 'slack' ? r.slackId : r.teamsId) === id),
    findByName: (q) => residents.filter((r) => r.name.toLowerCase().includes(q.toLowerCase())),
    blockOn: (r, date) => r.blocks.find((b) => b.start <= date && date <= b.end),
    assignmentsOn: (date) => all().filter((a) => a.block.start <= date && date <= a.block.end),
    assignmentsInMonth: (month) =>
      all().filter((a) => a.block.start <= lastDayOfMonth(month) && a.block.end >= firstDayOfMonth(month)),
    coverage: starts.length ? { first: starts[0]!, last: ends[ends.length - 1]! } : null,
    covers: (month) =>
      all().some((a) => a.block.start <= lastDayOfMonth(month) && a.block.end >= firstDayOfMonth(month)),
  };
}
