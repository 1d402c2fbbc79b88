import { loadConfig } from '../../src/config.js';
import type { Answer, Bot, IncomingMessage } from '../../src/core/types.js';
import type { Knowledge } from '../../src/knowledge/schema.js';
import { silentLogger } from '../../src/logger.js';
import { noMetrics, type Runtime, staticSource } from '../../src/runtime.js';
import type { Resident, Schedule } from '../../src/schedule/types.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { type Store, StoreUnavailableError } from '../../src/store/store.js';

/** Saturday, November 28, 2026, noon UTC: the default test clock. */
export const TEST_NOW = new Date('2026-11-28T12:00:00Z');

/**
 * A schedule with a roster and no blocks: enough for adapters, which only look residents up.
 * Residents may leave out their (empty) blocks.
 */
export function rosterSchedule(
  residents: Array<Pick<Resident, 'email' | 'name' | 'level'> & Partial<Resident>>,
): Schedule {
  const full: Resident[] = residents.map((r) => ({ blocks: [], ...r }));
  const none = () => [];
  return {
    residents: full,
    byEmail: (email) => full.find((r) => r.email === email.toLowerCase()),
    byPlatformId: (platform, id) => full.find((r) => (platform === 'teams' ? r.teamsId : r.slackId) === id),
    findByName: none,
    blockOn: () => undefined,
    assignmentsOn: none,
    assignmentsInMonth: none,
    groupsInMonth: none,
    coverage: null,
    covers: () => false,
  };
}

/** A bot that records what it was asked and answers "You asked: …", with what the test adds. */
export function recordingBot(
  reply: (message: IncomingMessage) => Partial<Answer> = () => ({}),
): Bot & { asked: IncomingMessage[] } {
  const asked: IncomingMessage[] = [];
  return {
    asked,
    async handle(message) {
      asked.push(message);
      return { intent: 'test.echo', text: `You asked: ${message.text}`, factIds: [], ...reply(message) };
    },
  };
}

export type TestRuntimeOverrides = Partial<Runtime> & {
  /** Environment variables for loadConfig; nothing else is read from the environment. */
  env?: Record<string, string>;
};

/**
 * A runtime for adapter and server tests: config from `env`, a memory store, a silent logger,
 * no metrics, a fixed clock, empty knowledge and roster, and a recording bot. An override left
 * undefined keeps its default.
 */
export function createTestRuntime(overrides: TestRuntimeOverrides = {}): Runtime {
  const { env, ...given } = overrides;
  const defined = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
  return {
    config: given.config ?? loadConfig(env ?? {}),
    logger: silentLogger,
    store: given.store ?? createMemoryStore(),
    knowledge: staticSource({} as Knowledge),
    schedule: staticSource(rosterSchedule([])),
    bot: given.bot ?? recordingBot(),
    metrics: noMetrics,
    clock: () => TEST_NOW,
    ...defined,
  };
}

/**
 * Answers with the real core (understanding, answers, context) over the runtime's own knowledge,
 * schedule, store and clock, logging nothing. Loaded on demand: most adapter tests never need it.
 */
export async function useRealCore(runtime: Runtime): Promise<void> {
  const { createBot } = await import('../../src/core/bot.js');
  runtime.bot = createBot({ ...runtime, logger: silentLogger, metrics: noMetrics });
}

/** Redis gone mid-flight: every call fails the way the Redis store fails (fast, StoreUnavailableError). */
export function downStore(): Store {
  const down = async (): Promise<never> => {
    throw new StoreUnavailableError('Redis get failed: Connection is closed.');
  };
  return {
    get: down,
    set: down,
    setIfAbsent: down,
    delete: down,
    increment: down,
    keys: down,
    acquireLock: down,
    acquireLease: down,
    replace: down,
    ping: down,
    close: async () => {},
  };
}
