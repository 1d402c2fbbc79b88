import type { Problem } from '../problem.js';
import { readCsv } from './csv.js';
import { type ScheduleEncoding, WINDOWS_1252_FIX, WINDOWS_1252_PROBLEM } from './encoding.js';
import { readHeader } from './header.js';
import { createSchedule } from './index.js';
import { MAX_SCHEDULE_COLUMNS, MAX_SCHEDULE_ROWS, TOO_LARGE_FIX } from './limits.js';
import { readGridRows } from './parse-grid.js';
import { readLongRows } from './parse-long.js';
import { createProblemList } from './problems.js';
import { checkPlatformIds } from './rows.js';
import type { Schedule } from './types.js';

export interface ParseScheduleOptions {
  /** The name problems and blocks are located by: "schedule.csv" → "schedule.csv: row 7, column D (header "2026-09")". */
  source: string;
  /** A coordinator's label to a rotation id, or null for a label the knowledge base lacks. */
  resolveLabel: (label: string) => string | null;
  /** The encoding the bytes were in; Windows-1252 gets a warning (the text is already decoded). */
  encoding?: ScheduleEncoding;
  /** Whether the program has this training level; absent, every level is accepted. */
  knownLevel?: (level: string) => boolean;
  /** Whether the program has this site; absent, every site is accepted. */
  knownSite?: (site: string) => boolean;
}

export interface ParseScheduleResult {
  /** Null when any problem is an error; warnings alone still give a schedule. */
  schedule: Schedule | null;
  problems: Problem[];
}

/** Reads a schedule in either format, detected from its header, and checks everything at once. */
export function parseSchedule(text: string, options: ParseScheduleOptions): ParseScheduleResult {
  const problems = createProblemList(options.source);
  if (options.encoding === 'windows-1252')
    problems.warning(1, undefined, WINDOWS_1252_PROBLEM, WINDOWS_1252_FIX);
  const csv = readCsv(text);
  for (const e of csv.errors) {
    problems.error(
      e.line,
      e.col,
      e.message,
      'a cell that starts with a double quote must end with one; write a quote inside a quoted cell as ""',
    );
  }
  const [headerRow, ...rows] = csv.rows;
  if (!headerRow) {
    problems.error(
      1,
      undefined,
      'the schedule is empty',
      'export the schedule sheet as CSV with its header row: email,name,level,2026-07,…',
    );
    return { schedule: null, problems: problems.list() };
  }
  const columns = headerRow.cells.length;
  if (rows.length > MAX_SCHEDULE_ROWS || columns > MAX_SCHEDULE_COLUMNS) {
    const what =
      rows.length > MAX_SCHEDULE_ROWS
        ? `${rows.length} rows (the limit is ${MAX_SCHEDULE_ROWS})`
        : `${columns} columns (the limit is ${MAX_SCHEDULE_COLUMNS})`;
    problems.error(1, undefined, `the schedule is too large: ${what}`, TOO_LARGE_FIX);
    return { schedule: null, problems: problems.list() };
  }
  problems.setHeader(
    headerRow.line,
    headerRow.cells.map((c) => c.value),
  );
  const header = readHeader(headerRow, problems);
  if (!header) return { schedule: null, problems: problems.list() };

  const read = header.format === 'grid' ? readGridRows : readLongRows;
  const residents = read(rows, header, options, problems);
  checkPlatformIds(residents, problems);
  if (rows.length === 0) {
    problems.warning(
      headerRow.line,
      undefined,
      'the schedule has a header but no residents',
      'add one row per resident under the header',
    );
  }
  const list = problems.list();
  return {
    schedule: problems.hasErrors() ? null : createSchedule(residents.map((r) => r.resident)),
    problems: list,
  };
}
