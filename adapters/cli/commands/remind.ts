import { parseArgs } from 'node:util';
import { runJobCommand } from '../../../src/reminders/command.js';
import { isValidIsoDate } from '../../../src/time/local-date.js';
import { type CliCommand, UsageError } from '../command.js';
import { loadData } from '../load.js';

/** `remind --date YYYY-MM-DD [--dry-run] [--knowledge DIR] [--schedule FILE]`: the personal reminders due that day, each sent once. */
export const run: CliCommand = async (args, io) => {
  let values: { date?: string; 'dry-run'?: boolean; knowledge?: string; schedule?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        date: { type: 'string' },
        'dry-run': { type: 'boolean' },
        knowledge: { type: 'string' },
        schedule: { type: 'string' },
      },
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (!values.date || !isValidIsoDate(values.date)) {
    throw new UsageError(
      `--date expects a date such as 2026-11-30${values.date ? `, not "${values.date}"` : ''}`,
    );
  }
  const data = await loadData(values, io.env);
  return runJobCommand({
    job: 'remind',
    period: values.date,
    dryRun: Boolean(values['dry-run']),
    data,
    io,
    createMessengers: async (runtime) => (await import('../../messengers.js')).createMessengers(runtime),
  });
};
