import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLabelResolver } from '../../src/knowledge/rotation-names.js';
import { formatProblem } from '../../src/problem.js';
import { parseSchedule } from '../../src/schedule/parse.js';
import { knowledge } from '../fixtures/schedule/knowledge.js';

const resolveLabel = createLabelResolver(knowledge.rotations);
const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/schedule/${name}`, import.meta.url), 'utf8');
const parse = (text: string) => parseSchedule(text, { source: 'schedule.csv', resolveLabel });

describe('parseSchedule: grid', () => {
  it('reads an Excel export: BOM, CRLF, quoted cells, stray spaces, trailing empty columns and rows', () => {
    const { schedule, problems } = parse(fixture('excel-grid.csv'));
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(schedule).not.toBeNull();
    const ada = schedule!.byEmail('ada.okafor@example.edu')!;
    expect(ada).toMatchObject({
      name: 'Okafor, Ada',
      level: 'R4',
      slackId: 'U01ADA',
      email: 'ada.okafor@example.edu',
    });
    expect(ada.blocks.map((b) => [b.start, b.end, b.label, b.rotationId])).toEqual([
      ['2026-07-01', '2026-07-31', 'IR', 'ir'],
      ['2026-08-01', '2026-08-31', 'IR-VA', 'ir-va'],
      ['2026-09-01', '2026-09-30', 'ICU', 'icu'],
      ['2026-10-01', '2026-10-31', 'Surg Onc', 'surg-onc'],
    ]);
    expect(ada.blocks[0]!.source).toBe('schedule.csv:2');
    const ben = schedule!.byPlatformId('teams', 'teams-ben')!;
    expect(ben.name).toBe('Benjamin "Ben" Ng');
    // An empty cell is no assignment; consecutive IR months stay two blocks.
    expect(ben.blocks.map((b) => b.start)).toEqual(['2026-07-01', '2026-09-01', '2026-10-01']);
    expect(schedule!.byEmail('chloe.dupre@example.edu')!.name).toBe('Chloé Dupré');
    expect(schedule!.residents).toHaveLength(3);
  });

  it('warns once per unknown label, where it is first used, and keeps it as written', () => {
    const { schedule, problems } = parse(fixture('excel-grid.csv'));
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        location: 'schedule.csv: row 5, column H (header "2026-09")',
      }),
    ]);
    expect(problems[0]!.problem).toContain('"DR-Abd"');
    expect(problems[0]!.problem).toContain('2 cells');
    const block = schedule!.byEmail('chloe.dupre@example.edu')!.blocks[2]!;
    expect(block).toMatchObject({ label: 'DR-Abd', rotationId: null });
  });

  it('locates every header problem by column', () => {
    const { schedule, problems } = parse(
      'email,name,level,2026-07,Aug-26,2026-07,2026-06,pager\nann@example.edu,Ann,R1,IR,IR,IR,IR,x\n',
    );
    expect(schedule).toBeNull();
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^schedule\.csv: row 1, column E: the month column "Aug-26" .* write it as 2026-08/,
      ),
      expect.stringMatching(
        /^schedule\.csv: row 1, column F: the month 2026-07 is a column twice \(also column D\)/,
      ),
      expect.stringMatching(
        /^schedule\.csv: row 1, column G: the month 2026-06 comes after 2026-07: month columns are out of order/,
      ),
      expect.stringMatching(/^schedule\.csv: row 1, column H: the header has an unknown column "pager"/),
    ]);
  });

  it('reports missing and duplicated columns and an empty file', () => {
    expect(parse('name,level,2026-07\n').problems.map((p) => p.problem)).toEqual([
      'the header has no "email" column',
    ]);
    const twice = parse('email,name,Name,level,2026-07\n').problems;
    expect(twice.find((p) => p.severity === 'error')).toMatchObject({
      location: 'schedule.csv: row 1, column C',
      problem: 'the header has "Name" twice',
    });
    expect(parse('\ufeff\r\n,,\r\n').problems[0]).toMatchObject({ problem: 'the schedule is empty' });
    expect(parse('email,name,level\n').problems.map((p) => p.problem)).toContain(
      'the header has no month columns',
    );
  });

  it('reports malformed emails, a resident twice, and wrong cell counts with row and column', () => {
    const text = [
      'email,name,level,2026-07,2026-08',
      'ann@example.edu,Ann Lee,R1,IR,IR',
      'Ann Lee <ann.lee@example.edu>,Ann Lee,R1,IR,IR',
      'ANN@example.edu,Ann Lee,R1,ICU,ICU',
      'bob@example.edu,Bob,R2,IR',
      'cy@example.edu,Cy,R2,IR,IR,ICU',
      ',Dee,R2,IR,IR',
    ].join('\n');
    const { schedule, problems } = parse(text);
    expect(schedule).toBeNull();
    expect(problems.map((p) => `${p.location} ${p.problem}`)).toEqual([
      'schedule.csv: row 3, column A (header "email") "Ann Lee <ann.lee@example.edu>" is not an email address',
      'schedule.csv: row 4, column A (header "email") ann@example.edu has a second row (the first is row 2)',
      'schedule.csv: row 5, column D (header "2026-07") this row has 4 cells but the header has 5 columns',
      "schedule.csv: row 6, column F this row has more cells than the header's 5 columns",
      'schedule.csv: row 7, column A (header "email") this row has no email',
    ]);
    expect(problems[0]!.fix).toBe('write the address alone: ann.lee@example.edu');
  });

  it('refuses two residents with one slack_id', () => {
    const { problems } = parse(
      'email,name,level,slack_id,2026-07\na@example.edu,A,R1,U1,IR\nb@example.edu,B,R1,U1,IR\n',
    );
    expect(problems.map((p) => `${p.location} ${p.problem}`)).toEqual([
      'schedule.csv: row 3 the slack_id U1 is also given to another resident on row 2',
    ]);
  });

  it('names an unclosed quote', () => {
    const { problems } = parse('email,name,level,2026-07\na@example.edu,"A,R1,IR\n');
    expect(problems.find((p) => p.problem === 'a quoted cell is never closed')?.location).toBe(
      'schedule.csv: row 2, column B (header "name")',
    );
  });
});

describe('parseSchedule: long', () => {
  it('reads split months and four-week blocks with site and notes', () => {
    const { schedule, problems } = parse(fixture('long.csv'));
    expect(problems).toEqual([]);
    const ada = schedule!.byEmail('Ada.Okafor@example.edu')!;
    expect(ada.blocks.map((b) => [b.start, b.end, b.rotationId])).toEqual([
      ['2026-07-01', '2026-07-15', 'ir'],
      ['2026-07-16', '2026-07-31', 'icu'],
      ['2026-08-01', '2026-08-28', 'ir-va'],
      ['2026-08-29', '2026-09-25', 'research'],
    ]);
    expect(ada.blocks[1]).toMatchObject({ notes: 'second half, nights', source: 'schedule.csv:3' });
    expect(ada.blocks[2]!.site).toBe('durham-va');
    expect(schedule!.assignmentsInMonth('2026-07').map((a) => a.block.label)).toEqual(['IR', 'ICU', 'IR']);
    expect(schedule!.blockOn(ada, '2026-08-29')!.label).toBe('Research');
    expect(schedule!.blockOn(ada, '2026-09-26')).toBeUndefined();
  });

  it('reports overlaps, reversed and malformed dates, and a resident with two names', () => {
    const text = [
      'email,name,level,start,end,rotation',
      'a@example.edu,Ann Lee,R4,2026-07-01,2026-07-31,IR',
      'a@example.edu,Ann Lee,R4,2026-07-20,2026-08-15,ICU',
      'a@example.edu,Anne Lee,R5,2026-09-01,2026-08-01,IR',
      'b@example.edu,Bo,R1,7/1/2026,2026-07-31,IR',
      'b@example.edu,Bo,R1,2026-08-01,2026-02-30,IR',
      'b@example.edu,Bo,R1,2026-09-01,2026-09-30,',
    ].join('\r\n');
    const { schedule, problems } = parse(text);
    expect(schedule).toBeNull();
    expect(problems.map((p) => `${p.location} ${p.problem}`)).toEqual([
      'schedule.csv: row 3, column D (header "start") a@example.edu\'s block 2026-07-20 – 2026-08-15 overlaps the one on row 2 (2026-07-01 – 2026-07-31)',
      'schedule.csv: row 4, column B (header "name") a@example.edu is "Ann Lee" on row 2 but "Anne Lee" here',
      'schedule.csv: row 4, column C (header "level") a@example.edu is R4 on row 2 but R5 here',
      'schedule.csv: row 4, column D (header "start") this block ends (2026-08-01) before it starts (2026-09-01)',
      'schedule.csv: row 5, column D (header "start") the start date "7/1/2026" is not a date written YYYY-MM-DD',
      'schedule.csv: row 6, column E (header "end") the end date "2026-02-30" is not a date written YYYY-MM-DD',
      'schedule.csv: row 7, column F (header "rotation") this row has no rotation',
    ]);
    expect(problems[4]!.fix).toContain('write it as 2026-07-01');
  });

  it('warns about an unknown rotation and still loads', () => {
    const { schedule, problems } = parse(
      'email,name,level,start,end,rotation\na@example.edu,A,R4,2026-07-01,2026-07-31,Nights\n',
    );
    expect(problems).toMatchObject([
      { severity: 'warning', location: 'schedule.csv: row 2, column F (header "rotation")' },
    ]);
    expect(schedule!.residents[0]!.blocks[0]).toMatchObject({ label: 'Nights', rotationId: null });
  });
});

describe('the sample schedule', () => {
  it('loads cleanly and has someone at the VA and on ICU in Nov/Dec 2026 and March 2027', () => {
    const text = readFileSync(new URL('../../knowledge/sample-schedule.csv', import.meta.url), 'utf8');
    const { schedule, problems } = parse(text);
    expect(problems).toEqual([]);
    for (const month of ['2026-11', '2026-12', '2027-03']) {
      const ids = schedule!.assignmentsInMonth(month).map((a) => a.block.rotationId);
      expect(ids, month).toContain('ir-va');
      expect(ids, month).toContain('icu');
    }
    expect(schedule!.coverage).toEqual({ first: '2025-07-01', last: '2027-06-30' });
    const levels = new Set(schedule!.residents.map((r) => r.level));
    expect([...levels].sort()).toEqual(['R1', 'R2', 'R3', 'R4', 'R5']);
  });
});

describe('cell names', () => {
  it('letters columns as spreadsheets do, past Z', async () => {
    const { columnLetters } = await import('../../src/schedule/problems.js');
    expect([1, 4, 26, 27, 52, 53].map(columnLetters)).toEqual(['A', 'D', 'Z', 'AA', 'AZ', 'BA']);
  });
});
