import { parseArgs } from 'node:util';
import { buildCalendar } from '../../../src/calendar/ics.js';
import { loadConfig } from '../../../src/config.js';
import { loadKnowledge } from '../../../src/knowledge/load.js';
import { silentLogger } from '../../../src/logger.js';
import { createScheduleSource, defaultScheduleLocation } from '../../../src/schedule/source.js';
import { type CliCommand, UsageError } from '../command.js';

/** `ical --as EMAIL [--schedule FILE] [--knowledge DIR]`: prints the resident's calendar (iCalendar). */
export const run: CliCommand = async (args, io) => {
  let values: { as?: string; schedule?: string; knowledge?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: { as: { type: 'string' }, schedule: { type: 'string' }, knowledge: { type: 'string' } },
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
  io.stdout.write(buildCalendar(resident, knowledge, { now: new Date() }));
  return 0;
};
