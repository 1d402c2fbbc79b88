import { firstDayOfMonth, lastDayOfMonth } from '../time/local-date.js';
import type { CsvRow } from './csv.js';
import type { Header } from './header.js';
import type { ProblemList } from './problems.js';
import {
  createKnownChecks,
  createLabelCheck,
  createRowReader,
  type ReadRowsOptions,
  type ResidentRow,
} from './rows.js';
import type { Block } from './types.js';

/**
 * The grid coordinators keep: one row per resident, one cell per month. Each filled cell is
 * one month-long block; two IR months in a row stay two blocks, as the grid shows them.
 */
export function readGridRows(
  rows: CsvRow[],
  header: Header,
  options: ReadRowsOptions,
  problems: ProblemList,
): ResidentRow[] {
  const reader = createRowReader(header, problems);
  const labels = createLabelCheck(options.resolveLabel, problems);
  const known = createKnownChecks(options, problems);
  const residents: ResidentRow[] = [];
  const firstLine = new Map<string, number>();
  const columns = header.months.map(({ month, index }) => ({
    index,
    start: firstDayOfMonth(month),
    end: lastDayOfMonth(month),
  }));

  for (const row of rows) {
    reader.checkWidth(row);
    const who = reader.identity(row);
    if (!who) continue;
    const seen = firstLine.get(who.email);
    if (seen !== undefined) {
      problems.error(
        who.emailCell.line,
        who.emailCell.col,
        `${who.email} has a second row (the first is row ${seen})`,
        `keep one row per resident: move these months into row ${seen} and delete this one`,
      );
      continue;
    }
    firstLine.set(who.email, row.line);
    known.level(reader.cell(row, 'level'));
    const blocks: Block[] = [];
    for (const { index, start, end } of columns) {
      const cell = reader.cell(row, index);
      if (!cell || cell.value === '') continue;
      blocks.push({
        start,
        end,
        label: cell.value,
        rotationId: labels.resolve(cell),
        source: `${options.source}:${cell.line}`,
      });
    }
    // Out-of-order month columns are reported by the header; blocks are still kept sorted.
    blocks.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    const { emailCell: _, ...identity } = who;
    residents.push({ resident: { ...identity, blocks }, line: row.line });
  }
  labels.finish();
  known.finish();
  return residents;
}
