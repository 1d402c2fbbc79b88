/**
 * What a schedule may be. A residency's schedule is a few hundred kilobytes at most (200
 * residents × 60 months, or thousands of blocks); past these the new version is refused with a
 * problem and the last good schedule stays in use.
 */
export const MAX_SCHEDULE_BYTES = 2 * 1024 * 1024;
/** Data rows (residents in a grid, blocks in the long format). */
export const MAX_SCHEDULE_ROWS = 50_000;
/** Columns: email, name, level and up to this many more (months in a grid). */
export const MAX_SCHEDULE_COLUMNS = 500;
/** A schedule URL must answer, headers and body, within this. */
export const SCHEDULE_URL_TIMEOUT_MS = 15_000;

export const TOO_LARGE_FIX =
  'export only the schedule sheet (one row per resident, or per block); split a larger program into several';
