import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import express from 'express';
import { createTeamsPlugin } from '../adapters/teams/plugin.js';
import { loadConfig } from '../src/config.js';
import { createRuntime } from '../src/create-runtime.js';
import { silentLogger } from '../src/logger.js';
import { createMemoryStore } from '../src/store/memory-store.js';
import { mixedQuestions } from './core.js';
import { teamsMessage } from './payloads.js';
import type { Report } from './run.js';
import { ms, summarize } from './stats.js';

const RATE_PER_SECOND = 40;
const SECONDS = 10;
const WARM_UP = 60;

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    );
  });
}

/**
 * A stand-in for the Teams service (serviceUrl): accepts replies and typing indicators and answers
 * member lookups, so the bench measures our side, not a network.
 */
function fakeTeamsService(emails: string[]): { server: Server; calls: () => number } {
  let calls = 0;
  const server = createHttpServer((req, res) => {
    calls++;
    req.resume();
    req.on('end', () => {
      const member = /\/members\/([^/?]+)/.exec(req.url ?? '');
      const index = member ? Number(decodeURIComponent(member[1]!).split('-')[1]) : -1;
      const body = member
        ? { id: decodeURIComponent(member[1]!), email: emails[index] }
        : { id: `r${calls}` };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  return { server, calls: () => calls };
}

/** Activity ack latency over loopback, unauthenticated, at a steady open-loop rate; figures only. */
export async function bench(report: Report): Promise<void> {
  // The Emulator mode: loopback and unauthenticated, so the figures are the bot's, not the token check's.
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '1000000000',
    SCHEDULER: 'off',
    TEAMS_EMULATOR: 'on',
  });
  const runtime = await createRuntime(config, { logger: silentLogger, store: createMemoryStore() });
  const residents = runtime.schedule.current().residents;
  const questions = mixedQuestions(residents);
  const service = fakeTeamsService(residents.map((r) => r.email));
  const serviceUrl = `${await listen(service.server)}/`;
  const app = express();
  const plugin = createTeamsPlugin(runtime);
  await plugin.mount(app);
  const server = createHttpServer(app);
  const url = `${await listen(server)}/api/messages`;

  let n = 0;
  async function send(): Promise<{ ms: number; ok: boolean }> {
    const i = n++;
    const q = questions[i % questions.length]!;
    const body = JSON.stringify(teamsMessage(serviceUrl, i % Math.max(1, residents.length), q.text));
    const started = performance.now();
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    await res.arrayBuffer();
    return { ms: performance.now() - started, ok: res.status === 200 };
  }

  try {
    const serial: number[] = [];
    for (let i = 0; i < WARM_UP; i++) serial.push((await send()).ms);
    const one = summarize(serial.slice(WARM_UP / 2));
    report(`one at a time (after warm-up): p50 ${ms(one.p50)}, max ${ms(one.max)}`);
    const callsBefore = service.calls();
    // Shared machines skew tail latency; say how busy this one was.
    report(`load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`);
    const total = RATE_PER_SECOND * SECONDS;
    const pending: Promise<{ ms: number; ok: boolean }>[] = [];
    const started = performance.now();
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / RATE_PER_SECOND;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      pending.push(send().catch(() => ({ ms: Number.NaN, ok: false })));
    }
    const results = await Promise.all(pending);
    const elapsed = (performance.now() - started) / 1000;
    const samples = results.filter((r) => r.ok).map((r) => r.ms);
    const { p50, p99, max } = summarize(samples);
    report(
      `activities: ${total} personal messages at ${RATE_PER_SECOND}/s over ${elapsed.toFixed(1)} s, unauthenticated`,
    );
    report(`acknowledged 200: ${samples.length}, failed: ${total - samples.length}`);
    report(`ack latency (typing + answer + card reply sent) p50 ${ms(p50)}, p99 ${ms(p99)}, max ${ms(max)}`);
    report(
      `calls to the Teams service: ${((service.calls() - callsBefore) / total).toFixed(2)} per activity`,
    );
  } finally {
    await plugin.stop?.();
    server.closeAllConnections();
    service.server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await new Promise((r) => service.server.close(r));
    await runtime.knowledge.close();
    await runtime.schedule.close();
    await runtime.store.close();
  }
}
