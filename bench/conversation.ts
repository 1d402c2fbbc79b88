import { readFileSync } from 'node:fs';
import { loadConfig } from '../src/config.js';
import { nextContext } from '../src/conversation/remember.js';
import { answerPrepared, prepare } from '../src/core/answer.js';
import { createBot } from '../src/core/bot.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { createLabelResolver } from '../src/knowledge/rotation-names.js';
import { silentLogger } from '../src/logger.js';
import { noMetrics, staticSource } from '../src/runtime.js';
import { parseSchedule } from '../src/schedule/parse.js';
import { createMemoryStore } from '../src/store/memory-store.js';
import type { Report } from './run.js';
import { ms, summarize } from './stats.js';

const NOW = new Date('2026-11-28T15:00:00Z');
const AS = 'avery.samplewood@example.edu';
/** Each pair: a question, then a follow-up completed from it. */
const PAIRS: Array<[string, string]> = [
  ['who is on IR in March?', 'and April?'],
  ['what am I on next month?', 'and the month after?'],
  ['what am I on in March?', 'what about Casey?'],
  ['who is on IR in March?', 'and the VA?'],
  ['when is my next ICU month?', 'when does it end?'],
  ['who is on IR in April?', 'how many is that?'],
  ['does IR do TIPS?', 'what about biopsies?'],
  ['who is on IR in March?', 'what about Casey?'],
];

/** What completing a follow-up costs the pure core, and a whole conversation turn through the bot. */
export async function bench(report: Report): Promise<void> {
  const knowledge = await loadKnowledge('knowledge');
  const csv = readFileSync('knowledge/sample-schedule.csv', 'utf8');
  const { schedule } = parseSchedule(csv, {
    source: 'bench',
    resolveLabel: createLabelResolver(knowledge.rotations),
  });
  if (!schedule) throw new Error('the sample schedule did not load');
  const base = { knowledge, schedule, askerEmail: AS, conversation: 'private' as const, now: NOW };
  const contexts = PAIRS.map(([first]) => {
    const p = prepare({ ...base, text: first });
    return nextContext(undefined, { ...p, answer: answerPrepared(p) }, NOW);
  });
  const time = (withContext: boolean) => {
    const samples: number[] = [];
    for (let round = 0; round < 201; round++) {
      PAIRS.forEach(([, followUp], i) => {
        const t = performance.now();
        answerPrepared(
          prepare({ ...base, text: followUp, ...(withContext ? { context: contexts[i] } : {}) }),
        );
        if (round > 0) samples.push(performance.now() - t);
      });
    }
    return summarize(samples);
  };
  const alone = time(false);
  const completed = time(true);
  report(
    `follow-ups answered alone:        p50 ${ms(alone.p50)}, p99 ${ms(alone.p99)} (${PAIRS.length * 200} answers)`,
  );
  report(`follow-ups completed from context: p50 ${ms(completed.p50)}, p99 ${ms(completed.p99)}`);

  const bot = createBot({
    knowledge: staticSource(knowledge),
    schedule: staticSource(schedule),
    store: createMemoryStore(),
    logger: silentLogger,
    metrics: noMetrics,
    config: loadConfig({}),
    clock: () => NOW,
  });
  const turns: number[] = [];
  for (let c = 0; c < 300; c++) {
    for (const text of PAIRS[c % PAIRS.length]!) {
      const t = performance.now();
      await bot.handle({
        text,
        asker: { email: AS },
        platform: 'web',
        conversation: 'private',
        conversationId: `bench:${c}`,
        now: NOW,
      });
      turns.push(performance.now() - t);
    }
  }
  const turn = summarize(turns);
  report(
    `a conversation turn through the bot (memory store: load, answer, save): p50 ${ms(turn.p50)}, p99 ${ms(turn.p99)}`,
  );
}
