import { parseArgs } from 'node:util';
import { buildCalendar } from '../../../src/calendar/ics.js';
import { calendarUrl, createCalendarTokens } from '../../../src/calendar/tokens.js';
import type { Config } from '../../../src/config.js';
import { loadConfig } from '../../../src/config.js';
import { createStore } from '../../../src/create-runtime.js';
import { loadKnowledgeCached as loadKnowledge } from '../../../src/knowledge/cache.js';
import { createScheduleSource, defaultScheduleLocation } from '../../../src/schedule/source.js';
import { silentLogger } from '../../../src/silent-logger.js';
import { type CliCommand, type CliIo, UsageError } from '../command.js';

/** The resident's feed URL from the shared store; a rotation makes a new token and kills the old one. */
async function printLink(config: Config, email: string, rotate: boolean, io: CliIo): Promise<number> {
  if (!config.REDIS_URL) {
    io.stderr.write(
      'rotabot ical: --link and --rotate need REDIS_URL (the server keeps calendar tokens there)\n',
    );
    return 1;
  }
  const store = await createStore(config, silentLogger, () => new Date());
  try {
    const tokens = createCalendarTokens(store);
    const token = rotate ? await tokens.rotate(email) : await tokens.tokenFor(email);
    io.stdout.write(`${calendarUrl(config, token)}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

/**
 * `ical --as EMAIL [--schedule FILE] [--knowledge DIR]`: prints the resident's calendar (iCalendar).
 * `--link` prints their subscription URL instead, `--rotate` replaces it (the old link stops working);
 * both need REDIS_URL, where the server keeps the tokens.
 */
export const run: CliCommand = async (args, io) => {
  let values: { as?: string; schedule?: string; knowledge?: string; link?: boolean; rotate?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        as: { type: 'string' },
        schedule: { type: 'string' },
        knowledge: { type: 'string' },
        link: { type: 'boolean' },
        rotate: { type: 'boolean' },
      },
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (!values.as) throw new UsageError('--as EMAIL is required: whose calendar to print');
  const config = loadConfig(io.env);
  const knowledgeDir = values.knowledge ?? config.KNOWLEDGE_DIR;
  const knowledge = await loadKnowledge(knowledgeDir);
  const location = values.schedule ?? defaultScheduleLocation({ ...config, KNOWLEDGE_DIR: knowledgeDir });
  const source = await createScheduleSource({
    location,
    knowledge: { current: () => knowledge, close: async () => {} },
    refreshMs: 0,
    logger: silentLogger,
  });
  const resident = source.current().byEmail(values.as);
  await source.close();
  if (!resident) {
    io.stderr.write(
      `rotabot ical: ${values.as} is not in the schedule (${location}) — check the address, or ask the coordinator to add it\n`,
    );
    return 1;
  }
  if (values.link || values.rotate) return printLink(config, resident.email, Boolean(values.rotate), io);
  io.stdout.write(buildCalendar(resident, knowledge, { now: new Date() }));
  return 0;
};
