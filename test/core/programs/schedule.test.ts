import { describe, expect, it } from 'vitest';
import { normalizeAlias } from '../../../src/knowledge/cross-check.js';
import { rolesOf } from '../../../src/knowledge/roles.js';
import { describeRotation } from '../../../src/knowledge/rotation-names.js';
import { formatMonth } from '../../../src/time/format-date.js';
import { addMonths, localDate, monthOf } from '../../../src/time/local-date.js';
import { PROGRAMS } from './load.js';

// Who is where, the asker's own rotations and the counts of the training years, each computed
// from the program's sample schedule and training.yaml, never written down.
describe.each(PROGRAMS.map((p) => [p.folder, p] as const))('%s: answers from the schedule', (_, p) => {
  const { knowledge: k, schedule, ask, now } = p;
  const today = localDate(now, k.program.time_zone);
  const next = addMonths(monthOf(today), 1);
  const nextName = formatMonth(next, k.program.locale);
  const onDay = (email: string, date: string) => {
    const b = schedule.blockOn(schedule.byEmail(email)!, date);
    return b ? describeRotation(k, b).text : undefined;
  };
  const listed = (a: { text: string; items?: string[] }) => `${a.text}\n${(a.items ?? []).join('\n')}`;
  const names = schedule.residents.map((r) => r.name);

  it('answers what the asker is on this month and next month', () => {
    const withBlocks = schedule.residents.filter(
      (r) => onDay(r.email, today) && onDay(r.email, `${next}-15`),
    );
    expect(withBlocks.length).toBeGreaterThan(1);
    for (const r of withBlocks) {
      expect(ask('what am I on?', { as: r.email }).text, r.name).toContain(onDay(r.email, today));
      expect(ask('what am I on next month?', { as: r.email }).text, r.name).toContain(
        onDay(r.email, `${next}-15`),
      );
    }
  });

  it('tells an unknown asker so, and never answers with someone else’s rotation', () => {
    const a = ask('what am I on next month?', { as: 'someone@elsewhere.org' });
    expect(a.factIds).toEqual([]);
    expect(a.text).toMatch(/can't find you/);
    for (const name of names) expect(a.text).not.toContain(name);
  });

  it('lists who is at each site next month, exactly those the schedule puts there, by name and never email', () => {
    for (const site of k.program.sites) {
      const there = schedule
        .assignmentsInMonth(next)
        .filter((x) => describeRotation(k, x.block).site?.id === site.id)
        .map((x) => x.resident.name);
      const a = ask(`who is at ${site.name} in ${nextName}?`);
      for (const name of names)
        expect(listed(a).includes(name), `${site.id}: ${name}`).toBe(there.includes(name));
      expect(listed(a)).not.toMatch(/@/);
    }
  });

  it('lists who is on each rotation next month, by its schedule label', () => {
    for (const r of k.rotations) {
      // A label that is also its group's name ("DR") asks about the whole group.
      const group = k.groups.find((g) => g.id === r.group)!;
      const namesGroup = [group.name, ...group.aliases]
        .map(normalizeAlias)
        .includes(normalizeAlias(r.labels[0]!));
      const inGroup = new Set(k.rotations.filter((x) => x.group === r.group).map((x) => x.id));
      const on = schedule
        .assignmentsInMonth(next)
        .filter((x) => (namesGroup ? inGroup.has(x.block.rotationId ?? '') : x.block.rotationId === r.id))
        .map((x) => x.resident.name);
      const a = ask(`who is on ${r.labels[0]} in ${nextName}?`);
      for (const name of names) expect(listed(a).includes(name), `${r.id}: ${name}`).toBe(on.includes(name));
    }
  });

  it('answers what a named resident is on next month, by full name', () => {
    const scheduled = schedule.residents.filter((r) => onDay(r.email, `${next}-15`));
    expect(scheduled.length).toBeGreaterThan(1);
    for (const r of scheduled) {
      const expected = onDay(r.email, `${next}-15`);
      const a = ask(`what is ${r.name} on next month?`);
      expect(a.intent, r.name).toBe('schedule.person');
      expect(a.text, r.name).toContain(expected);
    }
  });

  it('counts the months of each rotation group over the residency from training.yaml', () => {
    const counted = k.groups.filter((g) =>
      k.training.years.some((y) => y.months.some((m) => m.group === g.id)),
    );
    expect(counted.length).toBeGreaterThan(1);
    for (const g of counted) {
      const total = k.training.years.reduce(
        (n, y) => n + (y.months.find((m) => m.group === g.id)?.months ?? 0),
        0,
      );
      const a = ask(`how many ${g.name} months are there in total?`);
      expect(a.text, g.id).toContain(`${total} month${total === 1 ? '' : 's'} of ${g.name}`);
    }
  });

  it('counts the specialty’s months in each year by the program’s short name', () => {
    const specialty = rolesOf(k).specialty!;
    const short = specialty.short_name ?? specialty.name;
    for (const y of k.training.years.filter((x) => x.months.some((m) => m.group === specialty.id))) {
      const n = y.months.find((m) => m.group === specialty.id)!.months;
      const a = ask(`how many months of ${short} in ${y.level}?`);
      expect(a.text, y.level).toContain(`${n} month${n === 1 ? '' : 's'} of ${specialty.name}`);
    }
  });

  it('gives the residency length and each year’s months from training.yaml', () => {
    const length = k.training.residency.length_years;
    const a = ask('how long is the residency?');
    expect(a.itemsTitle).toContain(`${length} years`);
    expect(a.items).toHaveLength(k.training.years.length);
    for (const y of k.training.years.filter((x) => x.months.length > 1)) {
      const year = ask(`what is the ${y.level} year like?`);
      for (const m of y.months) {
        const group = k.groups.find((g) => g.id === m.group)!;
        expect(year.items?.join('\n'), y.level).toContain(
          `${m.months} month${m.months === 1 ? '' : 's'} of ${group.name}`,
        );
      }
    }
  });

  it('says which year a rotation group comes in', () => {
    const group = k.groups.find(
      (g) => g.name === rolesOf(k).example.yearGroup || g.short_name === rolesOf(k).example.yearGroup,
    )!;
    const years = k.training.years.filter((y) => y.months.some((m) => m.group === group.id));
    const a = ask(`which year has ${group.name}?`);
    for (const y of k.training.years) expect(a.text.includes(y.level), y.level).toBe(years.includes(y));
  });
});
