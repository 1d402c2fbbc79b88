import { parseSchedule } from '../src/schedule/parse.js';
import type { Schedule } from '../src/schedule/types.js';
import { addDays } from '../src/time/local-date.js';
import type { Report } from './run.js';
import { generateScheduleCsv, monthsFrom } from './schedule-fixture.js';
import { mb, ms, summarize } from './stats.js';

const fine = (value: number) => (value < 0.01 ? `${(value * 1e6).toFixed(0)} ns` : ms(value));

/**
 * Schedule loading and lookups: 1,000 residents over three years against five residents.
 * Indexed lookups should cost about the same at both sizes; figures only, no assertions.
 */

const MONTHS = monthsFrom('2025-07', 36);
const resolveLabel = (label: string) => label.toLowerCase().replace(/\s+/g, '-');

function load(residents: number): { schedule: Schedule; ms: number; bytes: number } {
  const csv = generateScheduleCsv(residents, MONTHS);
  const started = performance.now();
  const { schedule } = parseSchedule(csv, { source: 'bench.csv', resolveLabel });
  const elapsed = performance.now() - started;
  if (!schedule) throw new Error('the generated schedule did not load');
  return { schedule, ms: elapsed, bytes: csv.length };
}

/** Mean time of one call, over batches, so the clock's resolution does not dominate. */
function time(run: (i: number) => unknown, batches = 200, perBatch = 50): number {
  const samples: number[] = [];
  let sink = 0;
  for (let b = 0; b < batches; b += 1) {
    const started = performance.now();
    for (let i = 0; i < perBatch; i += 1) sink += run(b * perBatch + i) ? 1 : 0;
    samples.push((performance.now() - started) / perBatch);
  }
  if (sink < 0) throw new Error('unreachable');
  return summarize(samples).p50;
}

function lookups(schedule: Schedule): Record<string, number> {
  const residents = schedule.residents;
  const who = (i: number) => residents[i % residents.length]!;
  const date = (i: number) => addDays('2025-07-01', i % 1000);
  const month = (i: number) => MONTHS[i % MONTHS.length]!;
  const names = residents.slice(0, 50).map((r) => r.name.split(' ').at(-1)!);
  const fullNames = residents.slice(0, 50).map((r) => r.name);
  return {
    byEmail: time((i) => schedule.byEmail(who(i).email)),
    blockOn: time((i) => schedule.blockOn(who(i), date(i))),
    'findByName full name': time((i) => schedule.findByName(fullNames[i % fullNames.length]!).length),
    'findByName "Dr. Lastname"': time((i) => schedule.findByName(`Dr. ${names[i % names.length]}`).length),
    'covers + blockOn (one "mine" answer)': time(
      (i) => schedule.covers(month(i)) && schedule.blockOn(who(i), date(i)),
    ),
    assignmentsInMonth: time((i) => schedule.assignmentsInMonth(month(i)).length, 50, 10),
    assignmentsOn: time((i) => schedule.assignmentsOn(date(i)).length, 50, 10),
  };
}

export async function bench(report: Report): Promise<void> {
  load(1_000); // warm-up: the first parse pays for JIT compilation
  const smalls = Array.from({ length: 20 }, () => load(5));
  const small = smalls[smalls.length - 1]!;
  const loads = Array.from({ length: 5 }, () => load(1_000));
  const large = loads[loads.length - 1]!;
  const blocks = large.schedule.residents.reduce((n, r) => n + r.blocks.length, 0);
  report(
    `load (parse + validate + index) 1,000 residents × 36 months: ${ms(summarize(loads.map((l) => l.ms)).p50)} ` +
      `(${blocks.toLocaleString('en-US')} blocks, ${mb(large.bytes)} of CSV); 5 residents: ${ms(summarize(smalls.map((l) => l.ms)).p50)}`,
  );
  const a = lookups(small.schedule);
  const b = lookups(large.schedule);
  for (const name of Object.keys(a)) {
    report(
      `${name.padEnd(38)} 5 residents ${fine(a[name]!).padStart(8)}   1,000 residents ${fine(b[name]!).padStart(8)}   ×${(b[name]! / a[name]!).toFixed(1)}`,
    );
  }
  report(
    '(findByName by last name, assignmentsInMonth and assignmentsOn return every match: ~80 people per' +
      ' surname, ~950 assignments per month at 1,000 residents; they grow with the answer, not by a scan)',
  );
}
