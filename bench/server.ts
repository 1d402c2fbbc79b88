import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadConfig } from '../src/config.js';
import { createRuntime } from '../src/create-runtime.js';
import { silentLogger } from '../src/logger.js';
import { freePort, serverEnv, startServer } from './child-server.js';
import { mixedQuestions } from './core.js';
import type { Report } from './run.js';
import { mb, ms } from './stats.js';

function rssOf(pid: number): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** The RSS of the group's server process (npm start: npm, sh, then the node running the server). */
function serverRss(pgid: number): number | undefined {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // Field 5 of /proc/<pid>/stat is the process group (after the parenthesised command).
      const fields = readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]!.split(' ');
      if (Number(fields[2]) !== pgid) continue;
      const argv = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
      // The node process itself, not the shell that npm starts it with ("sh -c node bin/server.js").
      const server = argv.slice(1).some((a) => /(^|\/)(bin\/server\.js|adapters\/main\.[jt]s)$/.test(a));
      if (/(^|\/)node$/.test(argv[0] ?? '') && server) return rssOf(Number(name));
    } catch {
      // The process ended meanwhile.
    }
  }
  return undefined;
}

/** Spawns the server and polls /readyz until 200: the time, and the server's RSS two seconds later. */
async function startOnce(
  command: string,
  args: string[],
  idle: boolean,
): Promise<{ ms: number; rss?: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(command, args, {
    env: serverEnv(port),
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`exited ${child.exitCode}: ${stderr.slice(0, 300)}`);
      if (performance.now() - started > 60_000) throw new Error('not ready within 60 s');
      const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    const took = performance.now() - started;
    if (!idle) return { ms: took };
    // Idle: two seconds after ready, the start-up garbage mostly collected.
    await new Promise((r) => setTimeout(r, 2_000));
    const rss = child.pid ? serverRss(child.pid) : undefined;
    return { ms: took, ...(rss ? { rss } : {}) };
  } finally {
    // The process group: npm start runs sh, which runs node.
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const STARTS = 7;

/** Start to ready, the median of several starts (the first after a build also fills the knowledge cache). */
async function timeToReady(report: Report, label: string, command: string, args: string[]): Promise<void> {
  try {
    const times: number[] = [];
    let rss: number | undefined;
    for (let i = 0; i < STARTS; i++) {
      const run = await startOnce(command, args, i === STARTS - 1);
      times.push(run.ms);
      rss = run.rss ?? rss;
    }
    const sorted = [...times].sort((a, b) => a - b);
    report(
      `${label} to /readyz 200: median ${ms(sorted[STARTS >> 1]!)} of ${STARTS} starts ` +
        `(fastest ${ms(sorted[0]!)}, slowest ${ms(sorted.at(-1)!)}; the first ${ms(times[0]!)})`,
    );
    if (rss) report(`${label}: the server process's RSS at idle: ${mb(rss)}`);
  } catch (error) {
    report(`${label}: ${(error as Error).message}`);
  }
}

export async function bench(report: Report): Promise<void> {
  await timeToReady(report, 'npm start', 'npm', ['start', '--silent']);
  if (existsSync('dist/adapters/main.js')) {
    await timeToReady(report, 'node dist/adapters/main.js', process.execPath, ['dist/adapters/main.js']);
    // The same process, its garbage collected first: what it holds, not what it has not yet freed.
    const server = await startServer({});
    try {
      await new Promise((r) => setTimeout(r, 2_000));
      const { rss, heapUsed } = await server.memoryAfterGc();
      report(
        `node dist/adapters/main.js idle RSS after a forced full GC: ${mb(rss)} (JS heap ${mb(heapUsed)})`,
      );
    } finally {
      await server.stop();
    }
  }
  // Before: what npm start ran until the build moved to compiled JavaScript.
  await timeToReady(report, 'tsx adapters/main.ts (TypeScript compiled at start)', process.execPath, [
    '--import',
    'tsx',
    'adapters/main.ts',
  ]);

  // In this process: the runtime alone, idle, then after 100,000 questions through the bot.
  const config = loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '1000000000', SCHEDULER: 'off' });
  const runtime = await createRuntime(config, { logger: silentLogger });
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const idle = process.memoryUsage().rss;
  const questions = mixedQuestions(runtime.schedule.current().residents);
  const started = performance.now();
  for (let i = 0; i < 100_000; i++) await runtime.bot.handle(questions[i % questions.length]!);
  const seconds = (performance.now() - started) / 1000;
  gc?.();
  const after = process.memoryUsage().rss;
  report(
    `in this bench process (after the other benchmarks when run with them): RSS idle ${mb(idle)}, after 100,000 questions ${mb(after)} (${Math.round(100_000 / seconds)} answers/sec)`,
  );
  await Promise.allSettled([runtime.knowledge.close(), runtime.schedule.close(), runtime.store.close()]);
}
