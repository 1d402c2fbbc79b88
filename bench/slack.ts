import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer } from '../adapters/server/create-server.js';
import { createSlackPlugin } from '../adapters/slack/plugin.js';
import { loadConfig } from '../src/config.js';
import type { Bot } from '../src/core/types.js';
import type { Knowledge } from '../src/knowledge/schema.js';
import { silentLogger } from '../src/logger.js';
import { noMetrics, type Runtime } from '../src/runtime.js';
import { createSchedule } from '../src/schedule/index.js';
import { createMemoryStore } from '../src/store/memory-store.js';
import { BENCH_SIGNING_SECRET, signedSlackMessage } from './payloads.js';
import type { Report } from './run.js';
import { ms, summarize } from './stats.js';

/**
 * A signed Events API delivery's acknowledgement latency over loopback, at steady rates stepped
 * up until the p99 passes 100 ms (or the time budget runs out). The answer is still computed and
 * posted after each ack, to a local stand-in for Slack's Web API, so the figures include that load.
 */

const STEP_MS = 2_500;
const BUDGET_MS = 20_000;
const RATES = [50, 100, 200, 400, 800, 1200, 1600, 2400, 3200];
const P99_LIMIT_MS = 100;

/** Answers every Web API method with ok, the way Slack does for the ones we call. */
function fakeSlackApi(): Promise<{ url: string; server: Server; posts: () => number }> {
  let posts = 0;
  const server = createHttpServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.url?.endsWith('/chat.postMessage')) posts++;
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          ok: true,
          user_id: 'UBOT',
          bot_id: 'BBOT',
          ts: '1.0',
          user: { id: 'U1', profile: { email: 'a@b.edu' } },
        }),
      );
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`,
        server,
        posts: () => posts,
      }),
    ),
  );
}

const bot: Bot = {
  async handle(message) {
    return { intent: 'bench', text: `You asked: ${message.text}`, items: ['one', 'two'], factIds: [] };
  },
};

/** Sends at a fixed rate for STEP_MS (open loop: a slow ack does not slow the sender). */
async function step(url: string, rate: number): Promise<{ samples: number[]; failed: number }> {
  const samples: number[] = [];
  let failed = 0;
  const inflight: Promise<void>[] = [];
  const total = Math.round((rate * STEP_MS) / 1000);
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const { body, headers } = signedSlackMessage(1, 'what does IR do?');
    const sent = performance.now();
    inflight.push(
      fetch(url, { method: 'POST', headers, body }).then(
        async (res) => {
          await res.arrayBuffer();
          if (res.status === 200) samples.push(performance.now() - sent);
          else failed++;
        },
        () => {
          failed++;
        },
      ),
    );
  }
  await Promise.all(inflight);
  return { samples, failed };
}

export async function bench(report: Report): Promise<void> {
  const api = await fakeSlackApi();
  const store = createMemoryStore();
  const schedule = createSchedule([]);
  const runtime: Runtime = {
    config: loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET,
      SLACK_API_URL: api.url,
      SCHEDULER: 'off',
    }),
    logger: silentLogger,
    store,
    knowledge: { current: () => ({}) as Knowledge, close: async () => {} },
    schedule: { current: () => schedule, close: async () => {} },
    bot,
    metrics: noMetrics,
    clock: () => new Date(),
  };
  const server = await createServer(runtime, [createSlackPlugin(runtime)]);
  const { port } = await server.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}/slack/events`;
  try {
    await step(url, 20); // warm-up: JIT, auth.test, keep-alive sockets
    const began = performance.now();
    let crossed: number | undefined;
    for (const rate of RATES) {
      if (performance.now() - began + STEP_MS > BUDGET_MS) break;
      const { samples, failed } = await step(url, rate);
      const s = summarize(samples);
      report(
        `${rate}/s: ack p50 ${ms(s.p50)}, p99 ${ms(s.p99)}, max ${ms(s.max)} (${samples.length} acks${failed ? `, ${failed} failed` : ''})`,
      );
      if (s.p99 > P99_LIMIT_MS || failed) {
        crossed = rate;
        break;
      }
    }
    report(
      crossed
        ? `ack p99 passes ${P99_LIMIT_MS} ms at about ${crossed} events/s`
        : `ack p99 stayed under ${P99_LIMIT_MS} ms up to the highest rate tried`,
    );
    report(`answers posted to the stand-in Web API: ${api.posts()}`);
  } finally {
    await server.close();
    await new Promise((r) => api.server.close(r));
    api.server.closeAllConnections();
  }
}
