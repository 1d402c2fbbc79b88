import { join } from 'node:path';
import { type CalendarTokens, calendarUrl, createCalendarTokens } from './calendar/tokens.js';
import { type Config, ConfigError } from './config.js';
import type { BotDeps } from './core/bot.js';
import { withLimits } from './core/limits.js';
import type { Bot } from './core/types.js';
import { createHandoffService } from './handoff/service.js';
import type { KnowledgeSourceOptions } from './knowledge/live.js';
import type { Knowledge } from './knowledge/schema.js';
import { createLogger, type Logger } from './logger.js';
import { createMetrics } from './metrics.js';
import { InvalidFileError } from './problem.js';
import { findProgramFolders, programScheduleLocation, unknownProgramSettings } from './programs/folders.js';
import { combinedRoster } from './programs/roster.js';
import { createProgramRouter } from './programs/router.js';
import type { LiveSource, ProgramRuntime, Runtime } from './runtime.js';
import type { ScheduleSourceOptions } from './schedule/source.js';
import type { Schedule } from './schedule/types.js';
import { programKeyScope, storeKeyPrefix } from './store/keys.js';
import { createMemoryStore } from './store/memory-store.js';
import { createRedisStore } from './store/redis-store.js';
import { scopeStore } from './store/scoped-store.js';
import type { Store } from './store/store.js';
import { createUnansweredLog, withUnansweredLog } from './unanswered.js';

/** The modules a runtime is assembled from; tests and benchmarks may swap any of them. */
export interface RuntimeParts {
  createKnowledgeSource(dir: string, options: KnowledgeSourceOptions): Promise<LiveSource<Knowledge>>;
  defaultScheduleLocation(config: Config): string;
  createScheduleSource(options: ScheduleSourceOptions): Promise<LiveSource<Schedule>>;
  createBot(deps: BotDeps): Bot;
  /** Builds the roster's name index (for misspelt names) after a schedule loads, a step at a time. */
  indexNames(schedule: Schedule, still: () => boolean): Promise<void>;
}

export interface CreateRuntimeOptions {
  logger?: Logger;
  clock?: () => Date;
  /** For a schedule published at an https URL (tests pass a fake). */
  fetch?: typeof fetch;
  /** Defaults to the real modules (loaded lazily so the CLI's quick commands stay quick). */
  parts?: Partial<RuntimeParts>;
  /** Re-read knowledge files when they change (the server does; one-shot CLI commands need not). */
  watchKnowledge?: boolean;
  /** Overrides the store REDIS_URL would choose. */
  store?: Store;
}

const REDIS_READY_WAIT_MS = 3_000;

/** The asker's calendar feed link, from one program's tokens; undefined while the store is down. */
function calendarLinkFor(config: Config, tokens: CalendarTokens, logger: Logger) {
  return async (email: string) => {
    try {
      return calendarUrl(config, await tokens.tokenFor(email));
    } catch (error) {
      // The answer then says the link is unavailable; the rest of the bot is unaffected.
      logger.warn({ err: error }, 'calendar link unavailable');
      return undefined;
    }
  };
}

export async function createStore(config: Config, logger: Logger, clock: () => Date): Promise<Store> {
  if (!config.REDIS_URL) return createMemoryStore(() => clock().getTime());
  // Loaded only with REDIS_URL: ioredis is a large module graph that in-memory runs never use.
  const { createRedisClient, waitForReady } = await import('./store/redis-client.js');
  const client = createRedisClient(config.REDIS_URL, logger);
  // Start even when Redis is down: /readyz says so, and answers fail open until it is back.
  if (!(await waitForReady(client, REDIS_READY_WAIT_MS)))
    logger.warn('redis not reachable yet; starting anyway');
  return createRedisStore(client, storeKeyPrefix(config));
}

const PART_NAMES: Array<keyof RuntimeParts> = [
  'createKnowledgeSource',
  'defaultScheduleLocation',
  'createScheduleSource',
  'createBot',
  'indexNames',
];

async function realParts(): Promise<RuntimeParts> {
  const [knowledge, schedule, bot, people] = await Promise.all([
    import('./knowledge/live.js'),
    import('./schedule/source.js'),
    import('./core/bot.js'),
    import('./core/people.js'),
  ]);
  return {
    createKnowledgeSource: knowledge.createKnowledgeSource,
    defaultScheduleLocation: schedule.defaultScheduleLocation,
    createScheduleSource: schedule.createScheduleSource,
    createBot: bot.createBot,
    indexNames: people.indexNames,
  };
}

/**
 * Builds everything a process shares: store, knowledge, schedule, metrics and the bot wrapped
 * in limits and the unanswered log. A knowledge base or schedule that cannot be used throws
 * its InvalidFileError, after closing what was already opened.
 */
export async function createRuntime(config: Config, options: CreateRuntimeOptions = {}): Promise<Runtime> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const clock = options.clock ?? (() => new Date());
  const given = options.parts ?? {};
  const complete = PART_NAMES.every((name) => given[name]);
  const parts: RuntimeParts = complete ? (given as RuntimeParts) : { ...(await realParts()), ...given };
  const metrics = createMetrics();
  const store = options.store ?? (await createStore(config, logger, clock));
  const opened: Array<{ close(): Promise<void> }> = [store];
  try {
    const several = Boolean(config.PROGRAMS_DIR);
    const folders = config.PROGRAMS_DIR
      ? await findProgramFolders(config.PROGRAMS_DIR)
      : [config.KNOWLEDGE_DIR];
    const programs: ProgramRuntime[] = [];
    for (const dir of folders) {
      const knowledge = await parts.createKnowledgeSource(dir, {
        logger,
        watch: options.watchKnowledge ?? false,
      });
      opened.push(knowledge);
      // Stand-in knowledge in tests may have no program: one program needs no id.
      const id = knowledge.current().program?.id ?? 'default';
      if (programs.some((p) => p.id === id)) {
        throw new InvalidFileError([
          {
            severity: 'error',
            location: join(dir, 'program.yaml'),
            problem: `the program id "${id}" is also the id of ${programs.find((p) => p.id === id)!.dir}`,
            fix: 'give each program its own id in its program.yaml',
          },
        ]);
      }
      const schedule = await parts.createScheduleSource({
        location: several
          ? await programScheduleLocation(config, dir, id)
          : parts.defaultScheduleLocation(config),
        knowledge,
        refreshMs: config.SCHEDULE_REFRESH_MINUTES * 60_000,
        logger,
        // Each month's groups, then the roster's name index: built after a load, not on a question.
        warm: parts.indexNames,
        ...(options.fetch ? { fetch: options.fetch } : {}),
      });
      opened.push(schedule);
      // One program keeps the keys it always had; several each get their own scope.
      const programStore = several ? scopeStore(store, programKeyScope(id)) : store;
      const programLogger = several ? logger.child({ program: id }) : logger;
      const bot = parts.createBot({
        knowledge,
        schedule,
        store: programStore,
        logger: programLogger,
        metrics,
        config,
        clock,
        calendarLink: calendarLinkFor(config, createCalendarTokens(programStore), programLogger),
      });
      const bound = (list: Config['PROGRAM_SLACK_CHANNELS']) =>
        list.filter((b) => b.program === id).map((b) => b.value);
      programs.push({
        id,
        dir,
        knowledge,
        schedule,
        store: programStore,
        bot,
        slackChannels: bound(config.PROGRAM_SLACK_CHANNELS),
        teamsConversations: bound(config.PROGRAM_TEAMS_CONVERSATIONS),
      });
    }
    const unknown = unknownProgramSettings(
      config,
      programs.map((p) => p.id),
    );
    if (unknown.length) throw new ConfigError(unknown);
    const core = several ? createProgramRouter({ programs, store, logger }) : programs[0]!.bot;
    // In memory, a log no other process can read would only grow: keep it only in Redis.
    const logged = config.REDIS_URL
      ? withUnansweredLog(core, createUnansweredLog(store, config), logger, clock)
      : core;
    const bot = withLimits(logged, { store, config, logger, metrics });
    const first = programs[0]!;
    const schedule = several ? combinedRoster(programs) : first.schedule;
    const handoff = config.FEEDBACK
      ? createHandoffService({ store, config, logger, metrics, clock, schedule })
      : undefined;
    return {
      config,
      logger,
      store,
      knowledge: first.knowledge,
      schedule,
      programs,
      bot,
      metrics,
      clock,
      ...(handoff ? { handoff } : {}),
    };
  } catch (error) {
    await Promise.allSettled(opened.reverse().map((o) => o.close()));
    throw error;
  }
}
