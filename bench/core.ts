import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { loadConfig } from '../src/config.js';
import type { IncomingMessage } from '../src/core/types.js';
import { createRuntime } from '../src/create-runtime.js';
import { silentLogger } from '../src/logger.js';
import type { Report } from './run.js';
import { ms, summarize } from './stats.js';

const run = promisify(execFile);

/** A few hundred mixed questions, as residents ask them: procedures, categories, training, schedules. */
export function mixedQuestions(residents: ReadonlyArray<{ email: string; name: string }>): IncomingMessage[] {
  const general = [
    'does IR do TIPS',
    'do you guys do y90?',
    'is microwave ablation done by IR',
    'does IR do uterine fibroid embolization',
    'who does cardiac caths',
    'does IR do lumbar punctures',
    'what oncologic therapies does IR do',
    'what womens health procedures do you do',
    'what does an R4 do',
    'what is the R5 year like',
    'how many procedures per month',
    'what sites are there',
    'what is the IR-VA rotation',
    'who should I ask about the schedule',
    'asdf qwerty',
  ];
  const personal = [
    'what am I on this month',
    'what am I on next month',
    'when is my next IR rotation',
    'my schedule',
  ];
  const messages: IncomingMessage[] = [];
  for (let i = 0; i < 400; i++) {
    const resident = residents[i % Math.max(1, residents.length)];
    const other = residents[(i + 3) % Math.max(1, residents.length)];
    const kind = i % 4;
    let text: string;
    if (kind === 0 || kind === 1) text = general[i % general.length]!;
    else if (kind === 2) text = personal[(i >> 2) % personal.length]!;
    else text = other ? `where is ${other.name.split(' ')[0]} in March` : 'who is on IR this month';
    messages.push({
      text,
      asker: resident ? { email: resident.email } : {},
      platform: 'cli',
      conversation: 'private',
    });
  }
  return messages;
}

export async function bench(report: Report): Promise<void> {
  // Rate limits would refuse a benchmark's pace: lift them so every question reaches the bot.
  const config = loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '1000000000', SCHEDULER: 'off' });
  const runtime = await createRuntime(config, { logger: silentLogger });
  const questions = mixedQuestions(runtime.schedule.current().residents);
  for (const q of questions) await runtime.bot.handle(q); // warm-up: JIT, caches

  const samples: number[] = [];
  const intents = new Map<string, number>();
  const started = performance.now();
  for (let round = 0; round < 3; round++) {
    for (const q of questions) {
      const t = performance.now();
      const answer = await runtime.bot.handle(q);
      samples.push(performance.now() - t);
      if (round === 0) intents.set(answer.intent, (intents.get(answer.intent) ?? 0) + 1);
    }
  }
  const elapsed = (performance.now() - started) / 1000;
  const { p50, p99, max } = summarize(samples);
  report(`answers: ${samples.length} (${questions.length} mixed questions x 3), one at a time`);
  report(`answers/sec: ${Math.round(samples.length / elapsed)}`);
  report(`latency p50 ${ms(p50)}, p99 ${ms(p99)}, max ${ms(max)}`);
  const unanswered = [...intents].filter(([i]) => i === 'fallback' || i.includes('unknown'));
  report(
    `intents seen: ${intents.size} (${unanswered.map(([i, n]) => `${i} ${n}`).join(', ') || 'no fallbacks'})`,
  );
  await Promise.allSettled([runtime.knowledge.close(), runtime.schedule.close(), runtime.store.close()]);

  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    try {
      await run('npm', ['run', '--silent', 'cli', '--', 'ask', 'does IR do TIPS'], { timeout: 60_000 });
      times.push(performance.now() - t);
    } catch (error) {
      report(`cli start-up failed: ${(error as Error).message.split('\n')[0]}`);
      return;
    }
  }
  report(`cli start-up (npm run cli -- ask "does IR do TIPS"): ${times.map((t) => ms(t)).join(', ')}`);

  // The batch command line, whole process: 155 questions (the first 155 mixed ones, with askers),
  // and an empty batch, which is the process's start-up alone.
  const batch = questions
    .slice(0, 155)
    .map((q, i) =>
      JSON.stringify({ id: `q${i}`, text: q.text, ...(q.asker.email ? { as: q.asker.email } : {}) }),
    )
    .join('\n');
  const wall = async (input: string) => {
    const runs: number[] = [];
    for (let i = 0; i < 7; i++) runs.push(await timedBatch(input));
    return [...runs].sort((a, b) => a - b)[3]!;
  };
  try {
    const [answered, empty] = [await wall(`${batch}\n`), await wall('')];
    report(
      `cli batch (node bin/rotabot.js ask --jsonl), median of 7: 155 questions ${ms(answered)}; ` +
        `an empty batch (start-up alone) ${ms(empty)}`,
    );
  } catch (error) {
    report(`cli batch failed: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** Wall time of one `ask --jsonl` process fed `input`, to its exit. */
function timedBatch(input: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['bin/rotabot.js', 'ask', '--jsonl'], {
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(performance.now() - started) : reject(new Error(`exited ${code}: ${stderr}`)),
    );
    child.stdin.end(input);
  });
}
