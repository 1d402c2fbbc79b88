import type { Problem } from '../problem.js';

/** Collects a file's problems with numeric positions, so they can be listed in reading order. */
export interface ProblemList {
  error(line: number, col: number | undefined, problem: string, fix: string): void;
  warning(line: number, col: number | undefined, problem: string, fix: string): void;
  hasErrors(): boolean;
  /** Sorted by line then column, then in the order found. */
  list(): Problem[];
}

export function createProblemList(source: string): ProblemList {
  const items: { line: number; col: number; seq: number; problem: Problem }[] = [];
  let errors = 0;
  const add = (
    severity: Problem['severity'],
    line: number,
    col: number | undefined,
    problem: string,
    fix: string,
  ) => {
    if (severity === 'error') errors += 1;
    const location = col === undefined ? `${source}:${line}` : `${source}:${line}:${col}`;
    items.push({ line, col: col ?? 0, seq: items.length, problem: { severity, location, problem, fix } });
  };
  return {
    error: (line, col, problem, fix) => add('error', line, col, problem, fix),
    warning: (line, col, problem, fix) => add('warning', line, col, problem, fix),
    hasErrors: () => errors > 0,
    list: () =>
      [...items]
        .sort((a, b) => a.line - b.line || a.col - b.col || a.seq - b.seq)
        .map((item) => item.problem),
  };
}
