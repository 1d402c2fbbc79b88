import { readFileSync } from 'node:fs';
import type { Answer } from '../../../src/core/types.js';
import { loadKnowledge } from '../../../src/knowledge/load.js';
import { createLabelResolver } from '../../../src/knowledge/rotation-names.js';
import type { Knowledge } from '../../../src/knowledge/schema.js';
import { parseSchedule } from '../../../src/schedule/parse.js';
import type { Schedule } from '../../../src/schedule/types.js';
import { type Ask, askerOf } from '../../support/ask.js';
import { PROGRAMS as SHIPPED, type ShippedProgram } from '../../support/programs.js';

export interface LoadedProgram {
  folder: string;
  knowledge: Knowledge;
  schedule: Schedule;
  /** Asks as a resident (or nobody), at `now` unless told otherwise. */
  ask: Ask;
  now: Date;
}

/** The month of the sample schedule a suite asks in: its middle, so next and last month exist. */
function midSchedule(schedule: Schedule): Date {
  const starts = schedule.residents.flatMap((r) => r.blocks.map((b) => b.start)).sort();
  const first = starts[0]!;
  const last = starts.at(-1)!;
  const middle = starts[Math.floor(starts.length / 2)]!;
  if (!first || !last) throw new Error('the sample schedule has no blocks');
  return new Date(`${middle.slice(0, 7)}-14T17:00:00Z`);
}

/** A program folder shipped in the repository, with its sample schedule, ready to ask. */
export async function loadProgram(shipped: ShippedProgram): Promise<LoadedProgram> {
  const folder = shipped.dir;
  const knowledge = await loadKnowledge(folder);
  const source = shipped.schedule;
  const parsed = parseSchedule(readFileSync(source, 'utf8'), {
    source,
    resolveLabel: createLabelResolver(knowledge.rotations),
  });
  if (!parsed.schedule) throw new Error(`the sample schedule of ${folder} does not load`);
  const schedule = parsed.schedule;
  const now = midSchedule(schedule);
  const ask = askerOf(knowledge, schedule, now);
  return { folder, knowledge, schedule, ask, now };
}

/** Every program the behaviour suites run against (test/support/programs.ts lists them). */
export const PROGRAMS: LoadedProgram[] = await Promise.all(SHIPPED.map(loadProgram));

/** The first word of an answer: "Yes", "No", or something else. */
export function verdict(answer: Answer): string {
  return answer.text.split(/[\s—,.]/)[0]!;
}
