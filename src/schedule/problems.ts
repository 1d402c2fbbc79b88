import type { Problem } from '../problem.js';

/** Collects a file's problems with their cells, so they can be listed in reading order. */
export interface ProblemList {
  /** `col` is the 1-based spreadsheet column (1 is A); undefined names the whole row. */
  error(line: number, col: number | undefined, problem: string, fix: string): void;
  warning(line: number, col: number | undefined, problem: string, fix: string): void;
  /** The header row, so a cell below it is named with its column's header. */
  setHeader(line: number, names: readonly string[]): void;
  hasErrors(): boolean;
  /** Sorted by line then column, then in the order found. */
  list(): Problem[];
}

/** 1 → "A", 26 → "Z", 27 → "AA", as spreadsheets letter their columns. */
export function columnLetters(col: number): string {
  let n = col;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "s.csv: row 3, column D (header "2026-09")", the cell as a coordinator sees it in Excel. */
export function cellLocation(
  source: string,
  line: number,
  col: number | undefined,
  header?: { line: number; names: readonly string[] },
): string {
  if (col === undefined) return `${source}: row ${line}`;
  const name = header && line !== header.line ? header.names[col - 1] : undefined;
  return `${source}: row ${line}, column ${columnLetters(col)}${name ? ` (header "${name}")` : ''}`;
}

export function createProblemList(source: string): ProblemList {
  const items: {
    line: number;
    col: number;
    seq: number;
    severity: Problem['severity'];
    problem: string;
    fix: string;
    at: number | undefined;
  }[] = [];
  let header: { line: number; names: readonly string[] } | undefined;
  let errors = 0;
  const add = (
    severity: Problem['severity'],
    line: number,
    col: number | undefined,
    problem: string,
    fix: string,
  ) => {
    if (severity === 'error') errors += 1;
    items.push({ line, col: col ?? 0, seq: items.length, severity, problem, fix, at: col });
  };
  return {
    error: (line, col, problem, fix) => add('error', line, col, problem, fix),
    warning: (line, col, problem, fix) => add('warning', line, col, problem, fix),
    setHeader: (line, names) => {
      header = { line, names };
    },
    hasErrors: () => errors > 0,
    list: () =>
      [...items]
        .sort((a, b) => a.line - b.line || a.col - b.col || a.seq - b.seq)
        .map((item) => ({
          severity: item.severity,
          location: cellLocation(source, item.line, item.at, header),
          problem: item.problem,
          fix: item.fix,
        })),
  };
}
