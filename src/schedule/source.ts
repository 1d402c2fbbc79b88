import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { createLabelResolver } from '../knowledge/rotation-names.js';
import type { Knowledge } from '../knowledge/schema.js';
import type { Logger } from '../logger.js';
import { formatProblem, InvalidFileError, logProblems, type Problem } from '../problem.js';
import type { LiveSource } from '../runtime.js';
import type { ScheduleEncoding } from './encoding.js';
import { warmMonths } from './index.js';
import { knownScheduleValues } from './known.js';
import { parseSchedule } from './parse.js';
import { createScheduleReader, ScheduleReadError, type ScheduleReader } from './reader.js';
import type { Schedule } from './types.js';

/**
 * SCHEDULE_FILE, else the program's own schedule.csv in the knowledge folder, else the sample
 * schedule shipped there: the order a PROGRAMS_DIR deployment reads each program's folder in.
 */
export function defaultScheduleLocation(config: Pick<Config, 'SCHEDULE_FILE' | 'KNOWLEDGE_DIR'>): string {
  if (config.SCHEDULE_FILE) return config.SCHEDULE_FILE;
  const own = join(config.KNOWLEDGE_DIR, 'schedule.csv');
  return existsSync(own) ? own : join(config.KNOWLEDGE_DIR, 'sample-schedule.csv');
}

export interface ScheduleSourceOptions {
  /** A path, or an https URL of a published spreadsheet CSV. */
  location: string;
  knowledge: LiveSource<Knowledge>;
  /** How often to look for a new version; 0 turns polling off. */
  refreshMs: number;
  logger: Logger;
  fetch?: typeof fetch;
  timeoutMs?: number;
  maxBytes?: number;
  /**
   * A server's warm-up after each load: each month's index is built in the background, then
   * `warm` runs (the roster's name index) while `still()` holds. A one-shot command gives none
   * and builds what it asks.
   */
  warm?: (schedule: Schedule, still: () => boolean) => void | Promise<void>;
}

export interface ScheduleSource extends LiveSource<Schedule> {
  /** Looks for a new version now (what the timer does); never throws. */
  refresh(): Promise<void>;
}

function readErrorProblems(error: unknown): Problem[] {
  if (error instanceof ScheduleReadError) return [error.problem];
  throw error;
}

/**
 * The schedule, re-read every refreshMs. A new version with errors is refused and the last good
 * one kept, so a half-edited spreadsheet never empties the bot's answers.
 */
export async function createScheduleSource(options: ScheduleSourceOptions): Promise<ScheduleSource> {
  const { logger, knowledge } = options;
  let reader: ScheduleReader;
  try {
    reader = createScheduleReader(options.location, options);
  } catch (error) {
    throw new InvalidFileError(readErrorProblems(error));
  }
  let current: Schedule | undefined;
  let closed = false;
  // The last text parsed (accepted or refused) and the knowledge it was resolved against.
  let seenText: string | undefined;
  let seenKnowledge: Knowledge | undefined;
  let seenEncoding: ScheduleEncoding | undefined;

  async function load(first: boolean): Promise<void> {
    const read = await reader.read();
    const kb = knowledge.current();
    const text = read === 'unchanged' ? seenText : read.text;
    if (read !== 'unchanged') seenEncoding = read.encoding;
    if (text === undefined || (text === seenText && kb === seenKnowledge)) return;
    seenText = text;
    seenKnowledge = kb;
    const { schedule, problems } = parseSchedule(text, {
      source: reader.source,
      encoding: seenEncoding,
      resolveLabel: createLabelResolver(kb.rotations),
      ...knownScheduleValues(kb),
    });
    if (!schedule) {
      if (first) throw new InvalidFileError(problems);
      const errors = problems.filter((p) => p.severity === 'error');
      logProblems((fields, message) => logger.error(fields, message), errors);
      logger.error(
        { source: reader.source, errors: errors.length },
        'new schedule refused: it has errors; the last good schedule stays in use',
      );
      return;
    }
    logProblems((fields, message) => logger.warn(fields, message), problems);
    current = schedule;
    const { warm } = options;
    if (warm) {
      const still = () => current === schedule && !closed;
      warmMonths(schedule, still)
        .then(() => (still() ? warm(schedule, still) : undefined))
        .catch((error: unknown) =>
          logger.warn({ err: error }, 'schedule indexes not built ahead: questions build them as they come'),
        );
    }
    logger.info(
      { source: reader.source, residents: schedule.residents.length, warnings: problems.length },
      first ? 'schedule loaded' : 'new schedule loaded',
    );
  }

  try {
    await load(true);
  } catch (error) {
    if (error instanceof InvalidFileError) throw error;
    throw new InvalidFileError(readErrorProblems(error));
  }

  let running: Promise<void> | undefined;
  const refresh = (): Promise<void> => {
    running ??= load(false)
      .catch((error) => {
        const problem = error instanceof ScheduleReadError ? formatProblem(error.problem) : String(error);
        logger.error({ source: reader.source }, `schedule not refreshed: ${problem}`);
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const timer = options.refreshMs > 0 ? setInterval(() => void refresh(), options.refreshMs) : undefined;
  timer?.unref();

  return {
    current: () => current!,
    refresh,
    async close() {
      closed = true;
      if (timer) clearInterval(timer);
      await running;
    },
  };
}

/** Every problem with the schedule at a location, for `check`; an unreadable location is one problem. */
export async function validateScheduleFile(
  location: string,
  knowledge: Knowledge,
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
): Promise<Problem[]> {
  try {
    const reader = createScheduleReader(location, options);
    const read = await reader.read();
    if (read === 'unchanged') return [];
    return parseSchedule(read.text, {
      source: reader.source,
      encoding: read.encoding,
      resolveLabel: createLabelResolver(knowledge.rotations),
      ...knownScheduleValues(knowledge),
    }).problems;
  } catch (error) {
    return readErrorProblems(error);
  }
}
