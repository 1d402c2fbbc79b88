import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { loadKnowledge } from '../src/knowledge/load.js';
import { createLabelResolver } from '../src/knowledge/rotation-names.js';
import { parseSchedule } from '../src/schedule/parse.js';
import { startServer } from './child-server.js';
import { mixedQuestions } from './core.js';
import { type FakePlatform, fakeSlackApi, fakeTeamsService } from './fake-platforms.js';
import { BENCH_SIGNING_SECRET, signedSlackMessage, teamsMessage } from './payloads.js';
import type { Report } from './run.js';
import { mb, ms, summarize } from './stats.js';

/**
 * Reply time end to end: a signed Slack event (or a Teams activity, Emulator mode) sent to the
 * server running as deployed in its own process (node dist/adapters/main.js), answered by the
 * real core from the shipped knowledge and sample schedule, until its reply reaches a local
 * stand-in for Slack's Web API or the Teams service. Closed loop at 1, 10 and 50 conversations
 * at once: each asks its next question when its reply has arrived. The server's memory is read
 * after a forced full GC, idle and after the load.
 */

const LEVELS = [1, 10, 50];
/** Seconds per level: BENCH_LEVEL_MS shortens a trial run. */
const LEVEL_MS = Number(process.env.BENCH_LEVEL_MS ?? 4_000);
const MAX_PER_LEVEL = 3_000;
// Every conversation of the largest level once, so first-contact work (identity, welcome) is not timed.
const WARM_UP = 100;
const REPLY_TIMEOUT_MS = 10_000;

interface Sample {
  ack: number;
  reply: number;
}

type Send = (conversation: number, n: number) => Promise<Sample>;

async function sample() {
  const knowledge = await loadKnowledge('knowledge');
  const { schedule } = parseSchedule(readFileSync('knowledge/sample-schedule.csv', 'utf8'), {
    source: 'sample-schedule.csv',
    resolveLabel: createLabelResolver(knowledge.rotations),
  });
  const residents = schedule?.residents ?? [];
  return {
    questions: mixedQuestions(residents).map((q) => q.text),
    emailOf: (n: number) => residents[n % Math.max(1, residents.length)]?.email,
  };
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what}: no reply in ${REPLY_TIMEOUT_MS} ms`)),
      REPLY_TIMEOUT_MS,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** `concurrency` conversations, each sending its next message once the last one's reply arrived. */
async function closedLoop(concurrency: number, send: Send) {
  const samples: Sample[] = [];
  let failed = 0;
  let firstError: string | undefined;
  let n = 0;
  const started = performance.now();
  const deadline = started + LEVEL_MS;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, conversation) => {
      while (performance.now() < deadline && n < MAX_PER_LEVEL) {
        try {
          samples.push(await send(conversation, n++));
        } catch (error) {
          failed++;
          firstError ??= (error as Error).message;
        }
      }
    }),
  );
  return { samples, failed, firstError, seconds: (performance.now() - started) / 1000 };
}

async function measure(report: Report, platform: string, fake: FakePlatform, send: Send): Promise<void> {
  for (let i = 0; i < WARM_UP; i++) await send(i % LEVELS.at(-1)!, i).catch(() => undefined);
  const before = new Map(fake.calls);
  let total = 0;
  for (const concurrency of LEVELS) {
    const { samples, failed, firstError, seconds } = await closedLoop(concurrency, send);
    total += samples.length + failed;
    const reply = summarize(samples.map((s) => s.reply));
    const ack = summarize(samples.map((s) => s.ack));
    report(
      `${platform} ${String(concurrency).padStart(2)} at once: reply p50 ${ms(reply.p50)}, p99 ${ms(reply.p99)}, max ${ms(reply.max)}; ` +
        `ack p50 ${ms(ack.p50)} (${samples.length} replies, ${Math.round(samples.length / seconds)}/s${failed ? `, ${failed} failed: ${firstError}` : ''})`,
    );
  }
  const calls = [...fake.calls]
    .map(([k, v]) => [k, v - (before.get(k) ?? 0)] as const)
    .filter(([, v]) => v > 0)
    .map(([k, v]) => `${k} ${(v / Math.max(1, total)).toFixed(2)}`);
  report(`${platform} calls to the stand-in per message: ${calls.join(', ')}`);
}

async function memory(report: Report, label: string, read: () => Promise<{ rss: number; heapUsed: number }>) {
  const m = await read();
  report(`${label}: RSS ${mb(m.rss)} (JS heap ${mb(m.heapUsed)}) after a forced full GC`);
}

async function run(
  report: Report,
  platform: string,
  fake: FakePlatform,
  env: Record<string, string>,
  send: (url: string) => Send,
): Promise<void> {
  const server = await startServer({ RATE_LIMIT_PER_MINUTE: '1000000000', ...env });
  try {
    // Idle: two seconds after ready, then a full collection in the server process.
    await new Promise((r) => setTimeout(r, 2_000));
    await memory(report, `${platform} server idle`, server.memoryAfterGc);
    await measure(report, platform, fake, send(server.url));
    await memory(report, `${platform} server after the load`, server.memoryAfterGc);
  } finally {
    await server.stop();
    await fake.close();
  }
}

export async function bench(report: Report): Promise<void> {
  // The server runs from the build, as npm start runs it (built first when stale).
  const build = spawnSync(process.execPath, ['scripts/build.js', '--if-needed'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the build failed');
  const { questions, emailOf } = await sample();
  const question = (n: number) => questions[n % questions.length]!;
  report(
    `load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores (client and stand-ins share them)`,
  );

  const slack = await fakeSlackApi(emailOf);
  await run(
    report,
    'Slack',
    slack,
    { SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET, SLACK_API_URL: slack.url },
    (url) => async (conversation, n) => {
      const { body, headers } = signedSlackMessage(conversation, question(n));
      const replied = slack.nextReply(`D${conversation}`);
      const sent = performance.now();
      const res = await fetch(`${url}/slack/events`, { method: 'POST', headers, body });
      await res.arrayBuffer();
      const acked = performance.now();
      if (res.status !== 200) throw new Error(`ack ${res.status}`);
      return { ack: acked - sent, reply: (await withTimeout(replied, 'slack')) - sent };
    },
  );

  const teams = await fakeTeamsService(emailOf);
  await run(report, 'Teams', teams, { TEAMS_EMULATOR: 'on' }, (url) => async (conversation, n) => {
    const message = teamsMessage(teams.url, conversation, question(n));
    const body = JSON.stringify(message);
    const replied = teams.nextReply(message.conversation.id);
    const sent = performance.now();
    const res = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    await res.arrayBuffer();
    const acked = performance.now();
    if (res.status !== 200) throw new Error(`ack ${res.status}`);
    return { ack: acked - sent, reply: (await withTimeout(replied, 'teams')) - sent };
  });
}
