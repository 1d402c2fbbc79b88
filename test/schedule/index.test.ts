import { describe, expect, it } from 'vitest';
import { generateScheduleCsv, monthsFrom } from '../../bench/schedule-fixture.js';
import { createSchedule } from '../../src/schedule/index.js';
import { nameTokens } from '../../src/schedule/names.js';
import { parseSchedule } from '../../src/schedule/parse.js';
import type { Resident } from '../../src/schedule/types.js';
import { addDays } from '../../src/time/local-date.js';

const months = monthsFrom('2025-07', 36);
const { schedule } = parseSchedule(generateScheduleCsv(300, months), {
  source: 'generated.csv',
  resolveLabel: (label) => label.toLowerCase(),
});

describe('createSchedule indexes', () => {
  it('agrees with a brute-force scan on generated data', () => {
    expect(schedule).not.toBeNull();
    const s = schedule!;
    const all = s.residents;
    expect(all).toHaveLength(300);
    const dates = [
      '2025-07-01',
      '2025-12-31',
      '2026-02-28',
      '2026-11-30',
      '2027-03-15',
      '2028-06-30',
      '2028-07-01',
    ];
    for (const date of dates) {
      const expected = all.flatMap((r) =>
        r.blocks.filter((b) => b.start <= date && date <= b.end).map((b) => `${r.email} ${b.label}`),
      );
      expect(s.assignmentsOn(date).map((a) => `${a.resident.email} ${a.block.label}`)).toEqual(expected);
      for (const r of all.slice(0, 40)) {
        expect(s.blockOn(r, date)).toBe(r.blocks.find((b) => b.start <= date && date <= b.end));
      }
    }
    for (const month of [...months, '2025-06', '2028-07']) {
      const expected = all.flatMap((r) =>
        r.blocks.filter((b) => b.start.slice(0, 7) <= month && month <= b.end.slice(0, 7)),
      );
      expect(s.assignmentsInMonth(month).map((a) => a.block)).toEqual(expected);
      expect(s.covers(month)).toBe(expected.length > 0);
    }
    for (const r of all.slice(0, 50)) {
      expect(s.byEmail(r.email.toUpperCase())).toBe(r);
      if (r.slackId) expect(s.byPlatformId('slack', r.slackId)).toBe(r);
    }
    expect(s.byEmail('nobody@example.edu')).toBeUndefined();
    expect(s.byPlatformId('teams', 'U00000000')).toBeUndefined();
    expect(s.coverage).toEqual({ first: '2025-07-01', last: '2028-06-30' });
  });

  it('sorts each month group by name (case and accents aside) then start, namesakes in row order', () => {
    // Namesakes written three ways, several blocks a month, labels shared: every tie the order has.
    const names = ['Ada Dupré', 'ada dupre', 'ADA DUPRÉ', 'Ben Okafor', 'Émile Roy', 'Emile Roy', 'Zoe Abel'];
    const rows = ['email,name,level,start,end,rotation'];
    for (let i = 0; i < 42; i++) {
      const name = names[i % names.length]!;
      const days = i % 3 === 0 ? ['01', '10', '11', '20', '21', '31'] : ['01', '31'];
      for (let d = 0; d < days.length; d += 2) {
        const label = (i + d) % 4 === 0 ? 'ICU' : 'IR';
        rows.push(
          `p${i}@example.edu,${name},R${1 + (i % 5)},2026-03-${days[d]},2026-03-${days[d + 1]},${label}`,
        );
      }
    }
    const parsed = parseSchedule(`${rows.join('\n')}\n`, {
      source: 'order.csv',
      resolveLabel: (l) => l.toLowerCase(),
    });
    const s = parsed.schedule!;
    const key = (r: Resident) => r.name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    for (const group of s.groupsInMonth('2026-03')) {
      const inRows = s.assignmentsInMonth('2026-03').filter((a) => a.block.label === group.label);
      // The reference: a stable sort of the month's rows by (key, start).
      const expected = [...inRows].sort((x, y) =>
        key(x.resident) < key(y.resident)
          ? -1
          : key(x.resident) > key(y.resident)
            ? 1
            : x.block.start < y.block.start
              ? -1
              : x.block.start > y.block.start
                ? 1
                : 0,
      );
      expect(group.assignments.map((a) => `${a.resident.email} ${a.block.start}`)).toEqual(
        expected.map((a) => `${a.resident.email} ${a.block.start}`),
      );
    }
  });

  it('finds by name like a scan over name words does', () => {
    const s = schedule!;
    for (const query of [
      'Ada',
      'okafor',
      'Dr. Garcia',
      'Dr Dupre',
      'chloe dupré',
      'oneil',
      'Jones',
      'ADA OKAFOR',
    ]) {
      const words = nameTokens(query);
      const expected = s.residents.filter((r) => words.every((w) => nameTokens(r.name).includes(w)));
      expect(expected.length, query).toBeGreaterThan(0);
      expect(s.findByName(query), query).toEqual(expected);
    }
  });
});

describe('findByName variants', () => {
  const resident = (email: string, name: string): Resident => ({ email, name, level: 'R4', blocks: [] });
  const s = createSchedule([
    resident('jose@example.edu', 'José Álvarez-Ruiz'),
    resident('mary@example.edu', "Mary O'Brien"),
    resident('maria@example.edu', 'Maria Alvarez'),
    resident('lee@example.edu', 'Dr. Sam Lee, MD'),
  ]);
  const emails = (q: string) => s.findByName(q).map((r) => r.email);

  it('matches full, first and last names, "Dr. Lastname" and "Dr Lastname", ignoring case and accents', () => {
    expect(emails('José Álvarez-Ruiz')).toEqual(['jose@example.edu']);
    expect(emails('jose')).toEqual(['jose@example.edu']);
    expect(emails('Dr. Alvarez')).toEqual(['jose@example.edu', 'maria@example.edu']);
    expect(emails('dr ruiz')).toEqual(['jose@example.edu']);
    expect(emails('Alvarez-Ruiz')).toEqual(['jose@example.edu']);
    expect(emails("o'brien")).toEqual(['mary@example.edu']);
    expect(emails('OBRIEN')).toEqual(['mary@example.edu']);
    expect(emails('Dr Lee')).toEqual(['lee@example.edu']);
    expect(emails('Sam')).toEqual(['lee@example.edu']);
  });

  it('finds nothing for a stranger, an empty query or a partial word', () => {
    expect(emails('Zed')).toEqual([]);
    expect(emails('Dr.')).toEqual([]);
    expect(emails('')).toEqual([]);
    expect(emails('Alv')).toEqual([]);
    expect(emails('Maria Okafor')).toEqual([]);
  });

  it('finds blocks across year ends and keeps an empty schedule honest', () => {
    const r: Resident = {
      email: 'a@example.edu',
      name: 'A',
      level: 'R5',
      blocks: [
        { start: '2026-12-15', end: '2027-01-14', label: 'IR', rotationId: 'ir', source: 'x:2' },
        { start: '2027-01-15', end: '2027-02-11', label: 'ICU', rotationId: 'icu', source: 'x:3' },
      ],
    };
    const one = createSchedule([r]);
    expect(one.assignmentsInMonth('2027-01').map((a) => a.block.label)).toEqual(['IR', 'ICU']);
    expect(one.blockOn(r, addDays('2026-12-31', 1))!.label).toBe('IR');
    expect(one.assignmentsOn('2027-02-12')).toEqual([]);
    expect(one.covers('2027-03')).toBe(false);
    const empty = createSchedule([]);
    expect(empty.coverage).toBeNull();
    expect(empty.covers('2026-11')).toBe(false);
  });
});
