import { type IsoDate, isoDate, isValidIsoDate } from '../time/local-date.js';
import type { CsvCell, CsvRow } from './csv.js';
import type { Header } from './header.js';
import type { ProblemList } from './problems.js';
import {
  createKnownChecks,
  createLabelCheck,
  createRowReader,
  type ReadRowsOptions,
  type ResidentRow,
} from './rows.js';
import type { Block, Resident } from './types.js';

/** What a date cell probably meant ("7/1/2026", "2026/07/01", "2026-07-01 00:00") as YYYY-MM-DD. */
export function suggestDate(text: string): IsoDate | null {
  const t = text.trim();
  const valid = (y: number, m: number, d: number) => {
    const date = isoDate(y, m, d);
    return isValidIsoDate(date) ? date : null;
  };
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$/.exec(t);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  // US order, as Excel shows dates in the United States.
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?: .*)?$/.exec(t);
  if (m) return valid(m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]), Number(m[1]), Number(m[2]));
  return null;
}

interface Entry {
  resident: Resident;
  line: number;
  blocks: { block: Block; line: number; startCell: CsvCell }[];
}

/**
 * The long format: one row per block with its own dates, so any block length works (months,
 * four-week blocks, split months). A resident's rows must agree on name and level.
 */
export function readLongRows(
  rows: CsvRow[],
  header: Header,
  options: ReadRowsOptions,
  problems: ProblemList,
): ResidentRow[] {
  const reader = createRowReader(header, problems);
  const labels = createLabelCheck(options.resolveLabel, problems);
  const known = createKnownChecks(options, problems);
  const entries = new Map<string, Entry>();

  const readDate = (cell: CsvCell | undefined, what: 'start' | 'end', line: number): IsoDate | null => {
    if (!cell || cell.value === '') {
      problems.error(
        cell?.line ?? line,
        cell?.col,
        `this row has no ${what} date`,
        `write the ${what} date as YYYY-MM-DD`,
      );
      return null;
    }
    if (isValidIsoDate(cell.value)) return cell.value;
    const hint = suggestDate(cell.value);
    problems.error(
      cell.line,
      cell.col,
      `the ${what} date "${cell.value}" is not a date written YYYY-MM-DD`,
      hint
        ? `write it as ${hint} (in Excel, format the column as Text or as yyyy-mm-dd)`
        : 'write dates as YYYY-MM-DD, for example 2026-07-01',
    );
    return null;
  };

  for (const row of rows) {
    reader.checkWidth(row);
    const who = reader.identity(row);
    const startCell = reader.cell(row, 'start');
    const start = readDate(startCell, 'start', row.line);
    const end = readDate(reader.cell(row, 'end'), 'end', row.line);
    const rotationCell = reader.cell(row, 'rotation');
    if (!rotationCell || rotationCell.value === '') {
      problems.error(
        rotationCell?.line ?? row.line,
        rotationCell?.col,
        'this row has no rotation',
        'write the rotation label, one of the labels in rotations.yaml, or delete the row',
      );
    }
    if (start && end && end < start) {
      problems.error(
        startCell!.line,
        startCell!.col,
        `this block ends (${end}) before it starts (${start})`,
        'swap the two dates, or correct the one that is wrong',
      );
    }
    if (!who) continue;

    const { emailCell: _, ...identity } = who;
    let entry = entries.get(who.email);
    if (!entry) {
      entry = { resident: { ...identity, blocks: [] }, line: row.line, blocks: [] };
      entries.set(who.email, entry);
      known.level(reader.cell(row, 'level'));
    } else {
      const r = entry.resident;
      const nameCell = reader.cell(row, 'name');
      if (who.name.toLowerCase() !== r.name.toLowerCase()) {
        problems.error(
          nameCell?.line ?? row.line,
          nameCell?.col,
          `${who.email} is "${r.name}" on row ${entry.line} but "${who.name}" here`,
          'use one spelling of the name for every row of a resident; two people need two emails',
        );
      }
      if (who.level !== r.level) {
        const levelCell = reader.cell(row, 'level');
        problems.error(
          levelCell?.line ?? row.line,
          levelCell?.col,
          `${who.email} is ${r.level} on row ${entry.line} but ${who.level} here`,
          "write the resident's current level on every row",
        );
      }
      for (const key of ['slackId', 'teamsId'] as const) {
        if (who[key] && r[key] && who[key] !== r[key]) {
          problems.error(
            row.line,
            undefined,
            `${who.email} has a different ${key === 'slackId' ? 'slack_id' : 'teams_id'} than on row ${entry.line}`,
            'give the same id on every row of a resident, or leave it empty after the first',
          );
        }
        if (who[key] && !r[key]) r[key] = who[key];
      }
    }
    if (!start || !end || end < start || !rotationCell || rotationCell.value === '') continue;
    known.site(reader.cell(row, 'site'));
    const site = reader.cell(row, 'site')?.value;
    const notes = reader.cell(row, 'notes')?.value;
    const block: Block = {
      start,
      end,
      label: rotationCell.value,
      rotationId: labels.resolve(rotationCell),
      ...(site ? { site } : {}),
      ...(notes ? { notes } : {}),
      source: `${options.source}:${row.line}`,
    };
    entry.blocks.push({ block, line: row.line, startCell: startCell! });
  }
  labels.finish();
  known.finish();

  const residents: ResidentRow[] = [];
  for (const entry of entries.values()) {
    entry.blocks.sort((a, b) => (a.block.start < b.block.start ? -1 : a.block.start > b.block.start ? 1 : 0));
    let latest: (typeof entry.blocks)[number] | undefined;
    for (const item of entry.blocks) {
      if (latest && item.block.start <= latest.block.end) {
        problems.error(
          item.startCell.line,
          item.startCell.col,
          `${entry.resident.email}'s block ${item.block.start} – ${item.block.end} overlaps the one on row ${latest.line} (${latest.block.start} – ${latest.block.end})`,
          'a resident is on one rotation at a time: change the dates so one block ends before the next starts',
        );
      }
      if (!latest || item.block.end > latest.block.end) latest = item;
    }
    entry.resident.blocks = entry.blocks.map((b) => b.block);
    residents.push({ resident: entry.resident, line: entry.line });
  }
  return residents;
}
