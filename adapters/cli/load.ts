import { type Config, loadConfig } from '../../src/config.js';
import { createBot } from '../../src/core/bot.js';
import type { Bot } from '../../src/core/types.js';
import { loadKnowledgeCached as loadKnowledge } from '../../src/knowledge/cache.js';
import type { Knowledge } from '../../src/knowledge/schema.js';
import { noMetrics, staticSource } from '../../src/runtime.js';
import { createScheduleSource, defaultScheduleLocation } from '../../src/schedule/source.js';
import type { Schedule } from '../../src/schedule/types.js';
import { silentLogger } from '../../src/silent-logger.js';
import { createMemoryStore } from '../../src/store/memory-store.js';

export interface DataFlags {
  knowledge?: string;
  schedule?: string;
}

export interface CliData {
  config: Config;
  knowledge: Knowledge;
  schedule: Schedule;
}

/** Knowledge and schedule for a one-shot command: `--knowledge` / `--schedule` win over the environment. */
export async function loadData(flags: DataFlags, env: Record<string, string | undefined>): Promise<CliData> {
  const config = loadConfig({
    ...env,
    ...(flags.knowledge ? { KNOWLEDGE_DIR: flags.knowledge } : {}),
    ...(flags.schedule ? { SCHEDULE_FILE: flags.schedule } : {}),
  });
  const knowledge = await loadKnowledge(config.KNOWLEDGE_DIR);
  return { config, knowledge, schedule: await readSchedule(defaultScheduleLocation(config), knowledge) };
}

/** The schedule at a location, read once against a knowledge base. */
export async function readSchedule(location: string, knowledge: Knowledge): Promise<Schedule> {
  const source = await createScheduleSource({
    location,
    knowledge: staticSource(knowledge),
    refreshMs: 0,
    logger: silentLogger,
  });
  const schedule = source.current();
  await source.close();
  return schedule;
}

/** The same bot the server runs, without limits or shared state: the CLI answers its one user. */
export function createCliBot(data: CliData, clock: () => Date = () => new Date()): Bot {
  return createBot({
    knowledge: staticSource(data.knowledge),
    schedule: staticSource(data.schedule),
    store: createMemoryStore(),
    logger: silentLogger,
    metrics: noMetrics,
    config: data.config,
    clock,
  });
}
