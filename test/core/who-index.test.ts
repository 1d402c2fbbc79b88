import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answer.js';
import { indexNames } from '../../src/core/people.js';
import { createLabelResolver } from '../../src/knowledge/rotation-names.js';
import { parseSchedule } from '../../src/schedule/parse.js';
import type { Schedule } from '../../src/schedule/types.js';
import { knowledge } from './helpers.js';

/*
 * Who-is and name lookups read indexes (groups by level, assignments compared as objects, name
 * words by deletion): the answers must be those of reading every row.
 */

const NOW = new Date('2026-03-10T15:00:00Z');

function load(csv: string): Schedule {
  const { schedule, problems } = parseSchedule(csv, {
    source: 'who.csv',
    resolveLabel: createLabelResolver(knowledge.rotations),
  });
  if (!schedule) throw new Error(problems.map((p) => p.problem).join('; '));
  return schedule;
}

const ask = (schedule: Schedule, text: string) =>
  answerQuestion({ text, knowledge, schedule, conversation: 'private', now: NOW });

describe('who-is over several months and levels', () => {
  const schedule = load(
    [
      'email,name,level,start,end,rotation',
      // One block across February and March: listed once for "February to March".
      'cruz@example.edu,Ana Cruz,R3,2026-02-15,2026-03-14,ICU',
      'cruz@example.edu,Ana Cruz,R3,2026-03-15,2026-03-31,IR',
      // Two ICU blocks in one month: two lines, one resident.
      'bell@example.edu,Bo Bell,R1,2026-03-01,2026-03-10,ICU',
      'bell@example.edu,Bo Bell,R1,2026-03-11,2026-03-20,Research',
      'bell@example.edu,Bo Bell,R1,2026-03-21,2026-03-31,ICU',
      'abel@example.edu,Zoe Abel,R4,2026-03-01,2026-03-31,IR',
      'dunn@example.edu,Al Dunn,R1,2026-03-01,2026-03-31,IR',
      'eng@example.edu,Cy Eng,R3,2026-03-01,2026-03-31,IR',
      'fox@example.edu,Di Fox,R5,2026-02-01,2026-02-28,ICU',
    ].join('\n'),
  );

  it('lists a block that spans two of the months asked once', () => {
    const { answer } = ask(schedule, 'who was on ICU between February and March?');
    const cruz = answer.items!.filter((i) => i.startsWith('Ana Cruz'));
    expect(cruz).toHaveLength(1);
    expect(answer.items).toHaveLength(4);
    expect(answer.text).toMatch(/^3 residents/);
  });

  it('counts a resident with two blocks in the month once, and lists both blocks', () => {
    const { answer } = ask(schedule, 'who is on ICU in March?');
    expect(answer.items!.filter((i) => i.startsWith('Bo Bell'))).toHaveLength(2);
    expect(answer.text).toMatch(/^2 residents/);
  });

  it('keeps only the levels named, in name order, for one level and for two', () => {
    const names = (text: string) => ask(schedule, text).answer.items?.map((i) => i.split(' (')[0]) ?? [];
    expect(names('who are the R1s on IR in March?')).toEqual(['Al Dunn']);
    // Group order is by first name as written: "Al Dunn", "Ana Cruz", "Cy Eng", "Zoe Abel".
    expect(names('who are the R1s and R3s on IR in March?')).toEqual(['Al Dunn', 'Ana Cruz', 'Cy Eng']);
    expect(names('who are the R3s and R1s on IR in March?')).toEqual(['Al Dunn', 'Ana Cruz', 'Cy Eng']);
    expect(names('who are the R2s on IR in March?')).toEqual([]);
    // The first level question built the group's level index; a question without a level still reads all.
    expect(names('who is on IR in March?')).toEqual(['Al Dunn', 'Ana Cruz', 'Cy Eng', 'Zoe Abel']);
  });
});

describe('a misspelt name shared by many residents', () => {
  const rows = ['email,name,level,2026-03'];
  for (let i = 0; i < 40; i++) rows.push(`m${i}@example.edu,Resident${i} Marchetti,R${1 + (i % 5)},IR`);
  // A word twice in one name: still one candidate.
  rows.push('twice@example.edu,Marchetti Marchetti,R2,ICU');
  rows.push('other@example.edu,Lee Park,R2,ICU');
  const schedule = load(`${rows.join('\n')}\n`);

  it('offers the namesakes and keeps every candidate, each once, in the frame', () => {
    const { answer, understanding } = ask(schedule, 'what is marchetty on in March?');
    expect(understanding.people[0]).toHaveLength(41);
    expect(new Set(understanding.people[0]).size).toBe(41);
    expect(answer.suggestions).toHaveLength(5);
    const frame = JSON.parse(JSON.stringify(answer.frames![0]));
    expect(frame.people[0].candidates).toHaveLength(41);
    expect(frame.people[0].candidates[0]).toBe('Resident0 Marchetti (R1)');
    expect(frame.people[0].candidates.at(-1)).toBe('Marchetti Marchetti (R2)');
    // A copy of the frame carries the candidates as plain data.
    expect({ ...answer.frames![0]!.people[0]! }.candidates).toEqual(frame.people[0].candidates);
  });

  it('finds the one resident a misspelt unique name belongs to', () => {
    const { understanding } = ask(schedule, 'what is parkk on in March?');
    expect(understanding.people[0]?.map((r) => r.email)).toEqual(['other@example.edu']);
  });

  it('builds the index a server makes at load a step at a time, and stops when told, still finding names', async () => {
    const many = ['email,name,level,2026-03'];
    for (let i = 0; i < 6_000; i++)
      many.push(`r${i}@example.edu,Res${i.toString(36)} Zed${(i * 7919).toString(36)}ly,R2,IR`);
    const big = load(`${many.join('\n')}\n`);
    let turns = 0;
    let building = true;
    const counting = () => {
      turns++;
      if (building) setImmediate(counting);
    };
    setImmediate(counting);
    let asked = 0;
    await indexNames(big, () => ++asked < 3);
    building = false;
    // It let the event loop run between its steps, and stopped at the third.
    expect(asked).toBe(3);
    expect(turns).toBeGreaterThanOrEqual(2);
    // A misspelt name is still found: the lookup builds what the stopped warm-up left.
    const target = big.residents[4321]!;
    const surname = target.name.split(' ')[1]!.toLowerCase();
    const typo = `${surname.slice(0, 2)}${surname.slice(3)}`;
    expect(ask(big, `what is ${typo} on in March?`).understanding.people[0]?.map((r) => r.email)).toEqual([
      target.email,
    ]);
  });

  it('finds the same residents from the index a server builds at load as from a scan', async () => {
    const questions = [
      'what is parkk on in March?',
      'what is marchetty on in March?',
      'what is lea on in March?',
    ];
    const scanned = load(`${rows.join('\n')}\n`);
    const built = load(`${rows.join('\n')}\n`);
    await indexNames(built);
    for (const q of questions) {
      const emails = (s: Schedule) => ask(s, q).understanding.people.map((p) => p.map((r) => r.email));
      expect(emails(built), q).toEqual(emails(scanned));
    }
    expect(ask(built, 'what is parkk on in March?').understanding.people[0]?.map((r) => r.email)).toEqual([
      'other@example.edu',
    ]);
  });
});

describe('a whole month read from lines written once per group', () => {
  const schedule = load(
    [
      'email,name,level,start,end,rotation',
      // Split between two groups of the month (Duke IR, then IR at the VA): one resident.
      'cruz@example.edu,Ana Cruz,R3,2026-03-01,2026-03-15,IR',
      'cruz@example.edu,Ana Cruz,R3,2026-03-16,2026-03-31,IR-VA',
      'abel@example.edu,Zoe Abel,R4,2026-03-01,2026-03-31,IR-VA',
      'dunn@example.edu,Al Dunn,R3,2026-03-01,2026-03-31,IR',
    ].join('\n'),
  );

  it('counts a resident found in two of the groups asked about once, asked again and by level', () => {
    for (let round = 0; round < 2; round++) {
      const all = ask(schedule, 'who is on IR in March?').answer;
      expect(all.items).toHaveLength(4);
      expect(all.text).toMatch(/^3 residents/);
      const r3 = ask(schedule, 'who are the R3s on IR in March?').answer;
      expect(r3.items).toHaveLength(3);
      expect(r3.text).toMatch(/^2 R3 residents/);
      expect(ask(schedule, 'who are the R4s on IR in March?').answer.text).toMatch(/^1 R4 resident is/);
    }
  });

  it('writes the lines again for another knowledge base (a reload renames a rotation)', () => {
    expect(ask(schedule, 'who is on IR in March?').answer.items!.join('\n')).not.toContain('Angio');
    const renamed = {
      ...knowledge,
      rotations: knowledge.rotations.map((r) => (r.id === 'ir-va' ? { ...r, name: 'Angio at the VA' } : r)),
    };
    const { answer } = answerQuestion({
      text: 'who is on IR in March?',
      knowledge: renamed,
      schedule,
      conversation: 'private',
      now: NOW,
    });
    expect(answer.items!.filter((i) => i.includes('— Angio at the VA'))).toHaveLength(2);
  });
});

describe('the summary of a long whole-month list at one level', () => {
  const rows = ['email,name,level,2026-03'];
  for (let i = 0; i < 25; i++) rows.push(`r1-${i}@example.edu,Ann Number${i},R1,IR`);
  for (let i = 0; i < 5; i++) rows.push(`r2-${i}@example.edu,Bob Number${i},R2,ICU`);
  const schedule = load(`${rows.join('\n')}\n`);

  it('counts only the rotations someone at that level is on (by level when that is one rotation)', () => {
    const { answer } = ask(schedule, 'who are the R1s in March?');
    expect(answer.items).toHaveLength(25);
    expect(answer.itemsSummary).toBe('R1 25');
    expect(ask(schedule, 'who is on what in March?').answer.itemsSummary).toBe(
      'Interventional Radiology at Duke University Medical Center 25 · ICU 5',
    );
  });
});
