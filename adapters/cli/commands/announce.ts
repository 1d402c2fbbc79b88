import { parseArgs } from 'node:util';
import { runJobCommand } from '../../../src/reminders/command.js';
import { isValidIsoMonth } from '../../../src/time/local-date.js';
import { type CliCommand, UsageError } from '../command.js';
import { loadData } from '../load.js';

/** `announce --month YYYY-MM [--dry-run] [--knowledge DIR] [--schedule FILE]`: the month's rotations, posted once. */
export const run: CliCommand = async (args, io) => {
  let values: { month?: string; 'dry-run'?: boolean; knowledge?: string; schedule?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        month: { type: 'string' },
        'dry-run': { type: 'boolean' },
        knowledge: { type: 'string' },
        schedule: { type: 'string' },
      },
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (!values.month || !isValidIsoMonth(values.month)) {
    throw new UsageError(
      `--month expects a month such as 2026-12${values.month ? `, not "${values.month}"` : ''}`,
    );
  }
  const data = await loadData(values, io.env);
  return runJobCommand({
    job: 'announce',
    period: values.month,
    dryRun: Boolean(values['dry-run']),
    data,
    io,
    createMessengers: async (runtime) => (await import('../../messengers.js')).createMessengers(runtime),
  });
};
