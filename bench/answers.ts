import { readFileSync } from 'node:fs';
import { answerQuestion } from '../src/core/answer.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { createLabelResolver } from '../src/knowledge/rotation-names.js';
import type { Knowledge } from '../src/knowledge/schema.js';
import { parseSchedule } from '../src/schedule/parse.js';
import type { Schedule } from '../src/schedule/types.js';
import { mixedQuestions } from './core.js';
import type { Report } from './run.js';
import { generateScheduleCsv, monthsFrom } from './schedule-fixture.js';
import { ms, summarize } from './stats.js';

const NOW = new Date('2026-11-28T15:00:00Z');

function load(knowledge: Knowledge, csv: string): Schedule {
  const { schedule } = parseSchedule(csv, {
    source: 'bench',
    resolveLabel: createLabelResolver(knowledge.rotations),
  });
  if (!schedule) throw new Error('bench schedule did not load');
  return schedule;
}

/** Wall and CPU time of each answer, pure core (no store, no limits), after a warm-up. */
function measure(knowledge: Knowledge, schedule: Schedule, rounds: number) {
  const questions = mixedQuestions(schedule.residents.slice(0, 50));
  const ask = (q: (typeof questions)[number]) =>
    answerQuestion({
      text: q.text,
      knowledge,
      schedule,
      askerEmail: q.asker.email,
      conversation: 'private',
      now: NOW,
    });
  for (const q of questions) ask(q);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const c = process.cpuUsage();
      const t = performance.now();
      ask(q);
      wall.push(performance.now() - t);
      const d = process.cpuUsage(c);
      cpu.push((d.user + d.system) / 1000);
    }
  }
  const perQuestion = new Map<string, number[]>();
  questions.forEach((q, i) => {
    const samples = wall.filter((_, j) => j % questions.length === i);
    perQuestion.set(q.text, [...(perQuestion.get(q.text) ?? []), ...samples]);
  });
  const medians = [...perQuestion.values()].map((s) => summarize(s).p50);
  return {
    wall: summarize(wall),
    cpu: summarize(cpu),
    slowestMedian: Math.max(...medians),
    count: wall.length,
  };
}

/**
 * The core alone: mixed questions on the sample schedule, and the same questions on a schedule of
 * 1,000 residents over three years, to show schedule answers are indexed rather than scanned.
 */
export async function bench(report: Report): Promise<void> {
  const knowledge = await loadKnowledge('knowledge');
  const small = load(knowledge, readFileSync('knowledge/sample-schedule.csv', 'utf8'));
  const large = load(knowledge, generateScheduleCsv(1000, monthsFrom('2025-07', 36)));
  for (const [label, schedule] of [
    [`${small.residents.length} residents`, small],
    ['1,000 residents × 36 months', large],
  ] as const) {
    const m = measure(knowledge, schedule, 5);
    report(
      `${label}: ${m.count} answers — wall p50 ${ms(m.wall.p50)}, p99 ${ms(m.wall.p99)}; CPU p50 ${ms(m.cpu.p50)}, p99 ${ms(m.cpu.p99)}; slowest question's median ${ms(m.slowestMedian)}`,
    );
  }
  report(
    '(p99 on a shared 2-core machine is set by GC pauses and preemption, not by any one question: see the medians)',
  );
}
