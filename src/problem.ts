/**
 * A mistake found in a coordinator's file, located and with its fix, in the one format
 * `check`, the loader and the logs all print: `file:line: problem — fix`.
 */
export interface Problem {
  severity: 'error' | 'warning';
  /** "knowledge/procedures.yaml:42", or "schedule.csv: row 7, column D (header "2026-09")" for a spreadsheet cell. */
  location: string;
  problem: string;
  fix: string;
}

export function formatProblem(p: Problem): string {
  return `${p.location}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.problem} — ${p.fix}`;
}

/** Thrown when a file cannot be used at all; carries every problem found, not just the first. */
export class InvalidFileError extends Error {
  readonly code = 'invalid_file';
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InvalidFileError';
  }
}

/** Problems logged from one file; the rest are counted ("and 130 more"), `check` lists them all. */
export const MAX_LOGGED_PROBLEMS = 10;

const EMAIL = /[^\s"'<>(),;:]+@[^\s"'<>(),;:]+\.[^\s"'<>(),;:]+/g;

/**
 * A problem as the logs may show it: located, with its fix, but without the roster's email
 * addresses (each becomes "…"); `check` prints them in full for the coordinator.
 */
export function formatProblemForLog(p: Problem): string {
  const masked = (text: string) => text.replace(EMAIL, '…');
  return formatProblem({ ...p, problem: masked(p.problem), fix: masked(p.fix) });
}

/**
 * Logs a file's problems, at most MAX_LOGGED_PROBLEMS lines and one "and K more" line, so a
 * broken file of 100,000 lines cannot flood the logs.
 */
export function logProblems(
  log: (fields: { location?: string; more?: number }, message: string) => void,
  problems: readonly Problem[],
): void {
  for (const p of problems.slice(0, MAX_LOGGED_PROBLEMS))
    log({ location: p.location }, formatProblemForLog(p));
  const more = problems.length - MAX_LOGGED_PROBLEMS;
  if (more > 0)
    log(
      { more },
      `and ${more} more ${more === 1 ? 'problem' : 'problems'}: run \`npm run cli -- check\` to list them all`,
    );
}
