import { answerQuestion } from '../src/core/answer.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { createLabelResolver } from '../src/knowledge/rotation-names.js';
import { warmMonths } from '../src/schedule/index.js';
import { parseSchedule } from '../src/schedule/parse.js';
import type { Schedule } from '../src/schedule/types.js';
import type { Report } from './run.js';
import { generateScheduleCsv, monthsFrom } from './schedule-fixture.js';
import { ms, summarize } from './stats.js';

/**
 * Who-is answers on real rotations at 5 / 1,000 / 10,000 / 50,000 residents, and first-seen
 * misspellings (each question new to the bot: no answer cache can hide the cost).
 */

const NOW = new Date('2026-03-10T15:00:00Z');
const MONTHS = monthsFrom('2025-07', 24);

function time(run: () => unknown, n: number): number[] {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return samples;
}

/** Misspellings made fresh each time (a letter dropped or doubled at a moving place). */
function typos(words: string[], count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const w = words[i % words.length]!;
    const at = 1 + ((i >> 3) % (w.length - 2));
    return i % 2 ? w.slice(0, at) + w.slice(at + 1) : w.slice(0, at) + w[at] + w.slice(at);
  });
}

export async function bench(report: Report): Promise<void> {
  const knowledge = await loadKnowledge('knowledge');
  const resolveLabel = createLabelResolver(knowledge.rotations);
  const questions = [
    'who is at the VA in March?',
    'who is on ICU this month?',
    'who are the R4s on IR in April?',
  ];
  const base = new Map<string, number>();
  // The code is compiled before anything is timed (a 200-resident roster, other words): the
  // 5-resident figures are the baseline of every ratio, so they must not carry the warm-up.
  {
    const { schedule } = parseSchedule(generateScheduleCsv(200, MONTHS, 7), {
      source: 'warm.csv',
      resolveLabel,
    });
    if (!schedule) throw new Error('the generated schedule did not load');
    const warm = typos(['angioplasty', 'biopsy', 'cholangiogram', 'gastrostomy'], 400);
    for (let i = 0; i < 400; i++) {
      for (const q of questions)
        answerQuestion({ text: q, knowledge, schedule, conversation: 'private', now: NOW });
      answerQuestion({
        text: `does IR do ${warm[i]}?`,
        knowledge,
        schedule,
        conversation: 'private',
        now: NOW,
      });
      answerQuestion({
        text: `what is ${warm[i]} on?`,
        knowledge,
        schedule,
        conversation: 'private',
        now: NOW,
      });
    }
  }
  for (const residents of [5, 1_000, 10_000, 50_000]) {
    const { schedule } = parseSchedule(generateScheduleCsv(residents, MONTHS), {
      source: 'bench.csv',
      resolveLabel,
    });
    if (!schedule) throw new Error('the generated schedule did not load');
    const ask = (text: string, s: Schedule) =>
      answerQuestion({ text, knowledge, schedule: s, conversation: 'private', now: NOW }).answer;
    // The first question about a month: its groups built then (a one-shot command), or by the
    // server's warm-up after the load; either way its lines are written on that first question.
    const firstAbout = (months: string[]) =>
      summarize(months.map((m) => time(() => ask(`who is at the VA in ${m}?`, schedule), 1)[0]!));
    const cold = firstAbout([
      'August 2025',
      'September 2025',
      'October 2025',
      'November 2025',
      'December 2025',
    ]);
    await warmMonths(schedule);
    const warmed = firstAbout(['May 2026', 'June 2026', 'July 2026', 'August 2026', 'September 2026']);
    report(
      `first question about a month ${residents.toLocaleString('en-US').padStart(6)} residents: ` +
        `p50 ${ms(cold.p50)} (max ${ms(cold.max)}) built on the question; ` +
        `p50 ${ms(warmed.p50)} (max ${ms(warmed.max)}) after the server's warm-up`,
    );
    // Each month's index is built on its first question; then a pause, so the collector is done
    // with the parse's garbage before anything is timed.
    for (let i = 0; i < 3; i++) for (const q of questions) ask(q, schedule);
    await new Promise((r) => setTimeout(r, residents >= 10_000 ? 500 : 50));
    for (const q of questions) {
      // The same number of runs at every size: an answer costs what its groups cost, not its roster.
      const runs = 400;
      const { p50 } = summarize(time(() => ask(q, schedule), runs));
      const items = ask(q, schedule).items?.length ?? 0;
      if (residents === 5) base.set(q, p50);
      // What each resident listed costs beyond the question itself (the 5-resident time): flat
      // when the answer, not the roster, sets the cost.
      const each = items ? ` ${(((p50 - base.get(q)!) / items) * 1000).toFixed(2)} µs per listed;` : '';
      report(
        `${q.padEnd(34)} ${residents.toLocaleString('en-US').padStart(6)} residents: p50 ${ms(p50).padStart(9)}  ` +
          `(${items.toLocaleString('en-US')} listed;${each} ×${(p50 / base.get(q)!).toFixed(1)} the 5-resident time)`,
      );
    }
    // First-seen misspellings, on the knowledge base and on a person's name.
    const names = schedule.residents.slice(0, 50).map((r) => r.name.split(' ').at(-1)!.toLowerCase());
    const fresh = typos(
      ['embolization', 'paracentesis', 'thrombectomy', 'nephrostomy', 'vertebroplasty'],
      400,
    );
    const seen = summarize(time(() => ask(`does IR do ${fresh.pop()}?`, schedule), 400));
    const freshNames = typos(
      names.filter((n) => n.length >= 5),
      200,
    );
    const named = summarize(time(() => ask(`what is ${freshNames.pop()} on in March?`, schedule), 200));
    report(
      `first-seen misspelling ${residents.toLocaleString('en-US').padStart(6)} residents: procedure p50 ${ms(seen.p50)} p99 ${ms(seen.p99)}; ` +
        `name p50 ${ms(named.p50)} p99 ${ms(named.p99)} (whole answer)`,
    );
  }
}
