import { parseArgs } from 'node:util';
import { runJobCommand } from '../../src/reminders/command.js';
import type { Job } from '../../src/reminders/runner.js';
import { type CliCommand, UsageError } from './command.js';
import { loadData } from './load.js';

export interface JobCommandSpec {
  job: Job;
  /** The flag naming the period: `month` for announce, `date` for remind. */
  flag: 'month' | 'date';
  /** What the flag expects, for the usage error, e.g. "a month such as 2026-12". */
  expects: string;
  isValid: (period: string) => boolean;
}

/** `announce` and `remind` parse the same flags and differ only in the period they take. */
export function createJobCommand(spec: JobCommandSpec): CliCommand {
  return async (args, io) => {
    let values: Record<string, string | boolean | undefined>;
    try {
      ({ values } = parseArgs({
        args,
        options: {
          [spec.flag]: { type: 'string' },
          'dry-run': { type: 'boolean' },
          knowledge: { type: 'string' },
          schedule: { type: 'string' },
        },
        allowPositionals: false,
      }));
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const period = values[spec.flag] as string | undefined;
    if (!period || !spec.isValid(period)) {
      throw new UsageError(`--${spec.flag} expects ${spec.expects}${period ? `, not "${period}"` : ''}`);
    }
    const data = await loadData(values as { knowledge?: string; schedule?: string }, io.env);
    return runJobCommand({
      job: spec.job,
      period,
      dryRun: Boolean(values['dry-run']),
      data,
      io,
      createMessengers: async (runtime) => (await import('../messengers.js')).createMessengers(runtime),
    });
  };
}
