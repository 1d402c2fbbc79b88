import type { CsvCell, CsvRow } from './csv.js';
import type { ColumnName, Header } from './header.js';
import type { ProblemList } from './problems.js';
import type { Resident } from './types.js';

/** A resident as read, with the line problems about them point to. */
export interface ResidentRow {
  resident: Resident;
  line: number;
}

/** What both formats' readers need besides the rows: where they came from and how labels resolve. */
export interface ReadRowsOptions {
  source: string;
  resolveLabel: (label: string) => string | null;
  /** Whether the program has this training level ("R4", "PGY-5"); absent, every level is accepted. */
  knownLevel?: (level: string) => boolean;
  /** Whether the program has this site; absent, every site is accepted. */
  knownSite?: (site: string) => boolean;
}

/**
 * Warns once per value the program does not have (a level, a site), at the first cell that
 * uses it, counting the others, so a typo repeated down a column is one message.
 */
export function createValueCheck(
  isKnown: ((value: string) => boolean) | undefined,
  problems: ProblemList,
  describe: (value: string, count: number) => { problem: string; fix: string },
) {
  const unknown = new Map<string, { cell: CsvCell; count: number }>();
  return {
    check(cell: CsvCell | undefined): void {
      if (!isKnown || !cell || cell.value === '' || isKnown(cell.value)) return;
      const seen = unknown.get(cell.value);
      if (seen) seen.count += 1;
      else unknown.set(cell.value, { cell, count: 1 });
    },
    finish(): void {
      for (const [value, { cell, count }] of unknown) {
        const { problem, fix } = describe(value, count);
        problems.warning(cell.line, cell.col, problem, fix);
      }
    },
  };
}

const cells = (count: number) => (count > 1 ? ` (${count} cells)` : '');

/** The level and site checks both formats run. */
export function createKnownChecks(options: ReadRowsOptions, problems: ProblemList) {
  const level = createValueCheck(options.knownLevel, problems, (value, count) => ({
    problem: `the level "${value}" is not a training year the program has${cells(count)}`,
    fix: "write a year's level from the program's training.yaml, or add this one there as that year's alias",
  }));
  const site = createValueCheck(options.knownSite, problems, (value, count) => ({
    problem: `the site "${value}" is not one the program has${cells(count)}`,
    fix: "write one of the sites in the program's program.yaml, or add this name to that site's aliases",
  }));
  return {
    level: level.check,
    site: site.check,
    finish() {
      level.finish();
      site.finish();
    },
  };
}

/** What every row of either format says about who the resident is. */
export interface Identity {
  email: string;
  name: string;
  level: string;
  slackId?: string;
  teamsId?: string;
  emailCell: CsvCell;
}

export interface RowReader {
  cell(row: CsvRow, column: ColumnName | number): CsvCell | undefined;
  /** Reports a row with more or fewer cells than the header; true when the width is right. */
  checkWidth(row: CsvRow): boolean;
  identity(row: CsvRow): Identity | null;
}

const EMAIL = /^[^\s@,;:<>"'()[\]]+@[^\s@,;:<>"'()[\]]+\.[a-z]{2,}$/i;

function emailFix(value: string): string {
  const inner = /<([^>]+)>/.exec(value)?.[1] ?? value.replace(/^mailto:/i, '');
  return inner !== value && EMAIL.test(inner.trim())
    ? `write the address alone: ${inner.trim()}`
    : 'write one address like name@example.edu (the one the resident uses in Slack or Teams)';
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** "r4" and "R4" are one level; anything else ("PGY-5") is kept as written. */
function normalizeLevel(text: string): string {
  const level = collapse(text);
  return /^r\d+$/i.test(level) ? level.toUpperCase() : level;
}

export function createRowReader(header: Header, problems: ProblemList): RowReader {
  // A few levels shared by every row: one string each, so listing thousands of residents reads
  // the same few strings rather than one per resident scattered over the heap.
  const levels = new Map<string, string>();
  const shared = (level: string) => {
    const known = levels.get(level);
    if (known !== undefined) return known;
    levels.set(level, level);
    return level;
  };
  const cell = (row: CsvRow, column: ColumnName | number) => {
    const index = typeof column === 'number' ? column : header.columns[column];
    return index === undefined ? undefined : row.cells[index];
  };
  const endOf = (row: CsvRow) => {
    const last = row.cells[row.cells.length - 1]!;
    return { line: last.line, col: last.col };
  };

  return {
    cell,
    checkWidth(row) {
      if (row.cells.length > header.width) {
        const extra = row.cells.slice(header.width).find((c) => c.value !== '');
        if (!extra) return true;
        problems.error(
          extra.line,
          extra.col,
          `this row has more cells than the header's ${header.width} columns`,
          'a stray comma shifts every cell after it: remove it, or quote a value that contains a comma ("Smith, Jr.")',
        );
        return false;
      }
      if (row.cells.length < header.width) {
        const at = endOf(row);
        problems.error(
          at.line,
          at.col,
          `this row has ${row.cells.length} cell${row.cells.length === 1 ? '' : 's'} but the header has ${header.width} columns`,
          'a missing comma shifts every cell after it: give the row one cell per column (empty cells are fine)',
        );
        return false;
      }
      return true;
    },
    identity(row) {
      const emailCell = cell(row, 'email') ?? { value: '', line: row.line, col: 1 };
      const nameCell = cell(row, 'name');
      const levelCell = cell(row, 'level');
      let ok = true;
      if (emailCell.value === '') {
        problems.error(
          emailCell.line,
          emailCell.col,
          'this row has no email',
          "add the resident's email: it is how the bot knows who is asking",
        );
        ok = false;
      } else if (!EMAIL.test(emailCell.value)) {
        problems.error(
          emailCell.line,
          emailCell.col,
          `"${emailCell.value}" is not an email address`,
          emailFix(emailCell.value),
        );
        ok = false;
      }
      if (!nameCell || nameCell.value === '') {
        const at = nameCell ?? emailCell;
        problems.error(
          at.line,
          at.col,
          'this row has no name',
          "add the resident's name as colleagues say it",
        );
      }
      if (!levelCell || levelCell.value === '') {
        const at = levelCell ?? emailCell;
        problems.error(
          at.line,
          at.col,
          'this row has no level',
          "add the resident's training level, as training.yaml writes it",
        );
      }
      if (!ok) return null;
      const slackId = cell(row, 'slack_id')?.value || undefined;
      const teamsId = cell(row, 'teams_id')?.value || undefined;
      return {
        email: emailCell.value.toLowerCase(),
        name: collapse(nameCell?.value ?? ''),
        level: shared(normalizeLevel(levelCell?.value ?? '')),
        ...(slackId ? { slackId } : {}),
        ...(teamsId ? { teamsId } : {}),
        emailCell,
      };
    },
  };
}

/** Resolves labels once each and warns, once per label, about those the knowledge base lacks. */
export function createLabelCheck(resolveLabel: (label: string) => string | null, problems: ProblemList) {
  const resolved = new Map<string, string | null>();
  const unknown = new Map<string, { cell: CsvCell; count: number }>();
  return {
    resolve(cell: CsvCell): string | null {
      let id = resolved.get(cell.value);
      if (id === undefined) {
        id = resolveLabel(cell.value);
        resolved.set(cell.value, id);
      }
      if (id === null) {
        const seen = unknown.get(cell.value);
        if (seen) seen.count += 1;
        else unknown.set(cell.value, { cell, count: 1 });
      }
      return id;
    },
    finish(): void {
      for (const [label, { cell, count }] of unknown) {
        problems.warning(
          cell.line,
          cell.col,
          `the rotation "${label}" is not one the knowledge base knows${count > 1 ? ` (${count} cells)` : ''}; it is shown as written`,
          `correct the spelling, or add "${label}" to that rotation's labels in rotations.yaml`,
        );
      }
    },
  };
}

/** Two residents cannot share a Slack or Teams id: answers would go to the wrong person. */
export function checkPlatformIds(residents: ResidentRow[], problems: ProblemList): void {
  for (const [key, label] of [
    ['slackId', 'slack_id'],
    ['teamsId', 'teams_id'],
  ] as const) {
    const seen = new Map<string, { email: string; line: number }>();
    for (const { resident, line } of residents) {
      const id = resident[key];
      if (!id) continue;
      const first = seen.get(id);
      if (first && first.email !== resident.email) {
        problems.error(
          line,
          undefined,
          `the ${label} ${id} is also given to another resident on row ${first.line}`,
          `each person has their own ${label}: correct one of the two`,
        );
      } else if (!first) {
        seen.set(id, { email: resident.email, line });
      }
    }
  }
}
