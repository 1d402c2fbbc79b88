/**
 * A mistake found in a coordinator's file, located and with its fix, in the one format
 * `check`, the loader and the logs all print: `file:line: problem — fix`.
 */
export interface Problem {
  severity: 'error' | 'warning';
  /** "knowledge/procedures.yaml:42" or "schedule.csv:7:4" (file, line, optional column). */
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
