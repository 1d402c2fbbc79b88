import type { Config } from '../../src/config.js';
import { loadConfig } from '../../src/config.js';
import type { Answer, Bot, IncomingMessage } from '../../src/core/types.js';
import type { Knowledge } from '../../src/knowledge/schema.js';
import { silentLogger } from '../../src/logger.js';
import { createMetrics } from '../../src/metrics.js';
import type { LiveSource, Runtime } from '../../src/runtime.js';
import type { Resident, Schedule } from '../../src/schedule/types.js';
import { createMemoryStore } from '../../src/store/memory-store.js';

export function fixed<T>(value: T): LiveSource<T> {
  return { current: () => value, close: async () => {} };
}

/** A schedule with just a roster: enough for the web chat's picker. */
export function rosterSchedule(residents: Array<Pick<Resident, 'email' | 'name' | 'level'>>): Schedule {
  const full = residents.map((r) => ({ ...r, blocks: [] }));
  return {
    residents: full,
    byEmail: (email) => full.find((r) => r.email === email.toLowerCase()),
    byPlatformId: () => undefined,
    findByName: () => [],
    blockOn: () => undefined,
    assignmentsOn: () => [],
    assignmentsInMonth: () => [],
    coverage: null,
    covers: () => false,
  };
}

/** Answers every question with a fixed answer, echoing who asked; records what it saw. */
export function echoBot(answer: Partial<Answer> = {}): Bot & { seen: IncomingMessage[] } {
  const seen: IncomingMessage[] = [];
  return {
    seen,
    async handle(message) {
      seen.push(message);
      return {
        intent: 'test.echo',
        text: `You asked: ${message.text}\nas ${message.asker.email ?? 'nobody'}`,
        factIds: [],
        ...answer,
      };
    },
  };
}

export function fakeRuntime(overrides: Partial<Runtime> & { env?: Record<string, string> } = {}): Runtime {
  const { env, ...rest } = overrides;
  const config: Config = loadConfig(env ?? {});
  return {
    config,
    logger: silentLogger,
    store: createMemoryStore(),
    knowledge: fixed({} as Knowledge),
    schedule: fixed(rosterSchedule([])),
    bot: echoBot(),
    metrics: createMetrics({ defaultMetrics: false }),
    clock: () => new Date('2026-11-28T12:00:00Z'),
    ...rest,
  };
}
