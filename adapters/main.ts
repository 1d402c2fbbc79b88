import { type Config, ConfigError, loadConfig } from '../src/config.js';
import { createRuntime } from '../src/create-runtime.js';
import { createLogger, type Logger } from '../src/logger.js';
import { isLoopbackHost } from '../src/net/loopback.js';
import { InvalidFileError } from '../src/problem.js';
import { programsOf, programView, type Runtime } from '../src/runtime.js';
import { choosePlugins, listenHost } from './plugins.js';
import { createServer } from './server/create-server.js';
import { createShutdown } from './server/shutdown.js';

/** `npm start`: one process, one HTTP server; Slack, Teams, web chat and scheduler as configured. */

interface Scheduler {
  start(): void | Promise<void>;
  stop(): void | Promise<void>;
}

/** One scheduler per program, each with its own schedule, keys and announcement channel. */
async function createSchedulerFor(runtime: Runtime): Promise<Scheduler | undefined> {
  if (!runtime.config.SCHEDULER) return undefined;
  const messengers = await (await import('./messengers.js')).createMessengers(runtime);
  if (!messengers.length) {
    // Nothing could post: the scheduler (and node-cron) is not even loaded.
    runtime.logger.warn('reminders: no Slack or Teams configured; announcements and reminders are off');
    return undefined;
  }
  const { createScheduler } = await import('../src/reminders/scheduler.js');
  const schedulers = programsOf(runtime).map((p) => createScheduler(programView(runtime, p), messengers));
  // The coordinators' weekly report rides along: same messengers, same exactly-once runner.
  const weekly = runtime.config.HANDOFF_REPORT_CRON
    ? (await import('../src/handoff/weekly.js')).createWeeklyReport(runtime, messengers)
    : undefined;
  return {
    async start() {
      for (const s of schedulers) await s.start();
      await weekly?.start();
    },
    async stop() {
      await weekly?.stop();
      await Promise.all(schedulers.map((s) => s.stop()));
    },
  };
}

function fail(lines: string[]): never {
  process.stderr.write(`${lines.join('\n')}\n`);
  process.exit(1);
}

async function start(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail([error.message, 'See .env.example for every variable.']);
    throw error;
  }
  const logger: Logger = createLogger(config.LOG_LEVEL);

  let runtime: Runtime;
  try {
    runtime = await createRuntime(config, { logger, watchKnowledge: true });
  } catch (error) {
    if (error instanceof InvalidFileError) {
      fail([
        'rotabot cannot start: these files need fixing.',
        ...error.message.split('\n').map((l) => `  ${l}`),
      ]);
    }
    throw error;
  }

  const plugins = await choosePlugins(runtime);
  const server = await createServer(runtime, plugins);
  const scheduler = await createSchedulerFor(runtime);

  const shutdown = createShutdown({
    logger,
    timeoutMs: 10_000,
    steps: [
      { name: 'scheduler', run: () => scheduler?.stop() },
      { name: 'server and plugins', run: () => server.close() },
      {
        name: 'knowledge and schedules',
        run: async () => {
          await Promise.all(programsOf(runtime).flatMap((p) => [p.knowledge.close(), p.schedule.close()]));
        },
      },
      { name: 'store', run: () => runtime.store.close() },
    ],
  });
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  try {
    // Before listening: a cron expression that cannot run stops start-up with the variable named.
    await scheduler?.start();
  } catch (error) {
    if ((error as { code?: string }).code === 'cron_invalid') fail([(error as Error).message]);
    throw error;
  }
  let port: number;
  try {
    ({ port } = await server.listen(config.PORT, listenHost(config)));
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      await scheduler?.stop();
      fail([
        code === 'EADDRINUSE'
          ? `rotabot cannot start: port ${config.PORT} is already in use (another rotabot, or another program, is listening on it). Stop that program, or set PORT to a free port, e.g. PORT=${config.PORT + 1} npm start.`
          : `rotabot cannot start: this user may not listen on port ${config.PORT}. Set PORT to a port above 1023, e.g. PORT=3978.`,
      ]);
    }
    throw error;
  }
  const host = listenHost(config);
  const shown = host === '0.0.0.0' || host === '127.0.0.1' || host === '::' ? 'localhost' : host;
  logger.info(
    {
      port,
      host,
      plugins: plugins.map((p) => p.name),
      scheduler: Boolean(scheduler),
      store: config.REDIS_URL ? 'redis' : 'memory',
    },
    'listening',
  );
  if (config.webChatEnabled) {
    logger.info({ url: `http://${shown}:${port}/` }, `web chat at http://${shown}:${port}/`);
    if (!isLoopbackHost(host)) {
      logger.warn(
        { host },
        'the web chat is reachable beyond this machine: anyone who can reach it may ask as any resident',
      );
    }
  }
}

start().catch((error: unknown) => {
  process.stderr.write(`rotabot failed to start: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
