import { type IsoMonth, isoMonth, isValidIsoMonth, monthName } from '../time/local-date.js';
import type { CsvRow } from './csv.js';
import { columnLetters, type ProblemList } from './problems.js';

export type ColumnName =
  | 'email'
  | 'name'
  | 'level'
  | 'slack_id'
  | 'teams_id'
  | 'start'
  | 'end'
  | 'rotation'
  | 'site'
  | 'notes';

export interface MonthColumn {
  month: IsoMonth;
  index: number;
}

export interface Header {
  format: 'grid' | 'long';
  columns: Partial<Record<ColumnName, number>>;
  /** Grid only: the month columns that are well written, in file order. */
  months: MonthColumn[];
  /** How many cells a row should have: trailing unnamed columns (Excel leaves them) do not count. */
  width: number;
}

const GRID_REQUIRED: ColumnName[] = ['email', 'name', 'level'];
const LONG_REQUIRED: ColumnName[] = ['email', 'name', 'level', 'start', 'end', 'rotation'];
const LONG_OPTIONAL: ColumnName[] = ['slack_id', 'teams_id', 'site', 'notes'];

/** Header spellings people use for the same column; compared without case, spaces, "_" or "-". */
const COLUMN_NAMES: Record<string, ColumnName> = {
  email: 'email',
  emailaddress: 'email',
  name: 'name',
  level: 'level',
  slackid: 'slack_id',
  teamsid: 'teams_id',
  start: 'start',
  startdate: 'start',
  end: 'end',
  enddate: 'end',
  rotation: 'rotation',
  site: 'site',
  notes: 'notes',
  note: 'notes',
};

function columnName(text: string): ColumnName | undefined {
  return COLUMN_NAMES[text.toLowerCase().replace(/[\s_-]+/g, '')];
}

const MONTH_WORDS = Array.from({ length: 12 }, (_, i) => monthName(i + 1).toLowerCase());

/** What a month header probably meant ("Jul-26", "7/2026", "July 2026" → 2026-07), for the fix. */
export function suggestMonth(text: string): IsoMonth | null {
  const t = text.trim();
  const valid = (y: number, m: number) => (m >= 1 && m <= 12 && y >= 1900 ? isoMonth(y, m) : null);
  let m = /^(\d{4})[-/.](\d{1,2})(?:[-/.]\d{1,2})?$/.exec(t);
  if (m) return valid(Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})[-/.](?:\d{1,2}[-/.])?(\d{4})$/.exec(t);
  if (m) return valid(Number(m[2]), Number(m[1]));
  m = /^([a-z]{3,})\.?[\s\-/.']*(\d{2}|\d{4})$/i.exec(t);
  if (m) {
    const index = MONTH_WORDS.findIndex((w) => w.startsWith(m![1]!.toLowerCase()));
    const year = m[2]!.length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
    return index >= 0 ? valid(year, index + 1) : null;
  }
  return null;
}

/** Reads the first row: which format, where each column is, and every problem with it. */
export function readHeader(row: CsvRow, problems: ProblemList): Header | null {
  let width = row.cells.length;
  while (width > 0 && row.cells[width - 1]!.value === '') width -= 1;
  const cells = row.cells.slice(0, width);
  const named = cells.map((c) => columnName(c.value));
  const format = named.some((n) => n === 'start' || n === 'end' || n === 'rotation') ? 'long' : 'grid';
  const columns: Header['columns'] = {};
  const months: MonthColumn[] = [];
  const seenMonths = new Map<IsoMonth, number>();
  const allowed = new Set<ColumnName>(format === 'long' ? [...LONG_REQUIRED, ...LONG_OPTIONAL] : []);
  if (format === 'grid') for (const n of [...GRID_REQUIRED, 'slack_id', 'teams_id'] as const) allowed.add(n);
  const example =
    format === 'long'
      ? 'email,name,level,start,end,rotation (optionally site, notes, slack_id, teams_id)'
      : 'email,name,level,2026-07,2026-08,… (optionally slack_id, teams_id)';

  cells.forEach((cell, index) => {
    const name = named[index];
    if (cell.value === '') {
      problems.error(
        row.line,
        cell.col,
        `column ${columnLetters(index + 1)} has no name in the header`,
        `give it a name (${example}) or delete the column`,
      );
      return;
    }
    if (name && allowed.has(name)) {
      if (columns[name] !== undefined) {
        problems.error(
          row.line,
          cell.col,
          `the header has "${cell.value}" twice`,
          `keep one "${name}" column and delete the other`,
        );
      } else {
        columns[name] = index;
      }
      return;
    }
    // A header with a digit is a month written another way; words are an unknown column.
    if (format === 'grid' && !name && /\d/.test(cell.value)) {
      const month = cell.value;
      if (!isValidIsoMonth(month)) {
        const hint = suggestMonth(month);
        problems.error(
          row.line,
          cell.col,
          `the month column "${month}" is not written as YYYY-MM`,
          hint
            ? `write it as ${hint} (in Excel, format the header row as Text so it stays as typed)`
            : `write each month column as YYYY-MM, for example 2026-07 for July 2026`,
        );
        return;
      }
      const first = seenMonths.get(month);
      if (first !== undefined) {
        problems.error(
          row.line,
          cell.col,
          `the month ${month} is a column twice (also column ${columnLetters(first + 1)})`,
          `keep one ${month} column and merge the two`,
        );
        return;
      }
      const previous = months[months.length - 1];
      if (previous && month < previous.month) {
        problems.error(
          row.line,
          cell.col,
          `the month ${month} comes after ${previous.month}: month columns are out of order`,
          `put the month columns in calendar order, earliest first`,
        );
      }
      seenMonths.set(month, index);
      months.push({ month, index });
      return;
    }
    problems.error(
      row.line,
      cell.col,
      `the header has an unknown column "${cell.value}"`,
      format === 'long'
        ? `the long format's columns are ${example}; rename or delete this one`
        : `after email, name and level every column is a month written YYYY-MM; rename or delete this one`,
    );
  });

  const missing = (format === 'long' ? LONG_REQUIRED : GRID_REQUIRED).filter((n) => columns[n] === undefined);
  for (const name of missing) {
    problems.error(
      row.line,
      1,
      `the header has no "${name}" column`,
      `the first row must name the columns: ${example}`,
    );
  }
  if (format === 'grid' && months.length === 0 && missing.length === 0 && !problems.hasErrors()) {
    problems.error(
      row.line,
      1,
      'the header has no month columns',
      'add one column per month after email, name and level, named YYYY-MM (2026-07, 2026-08, …)',
    );
  }
  return missing.length > 0 ? null : { format, columns, months, width };
}
