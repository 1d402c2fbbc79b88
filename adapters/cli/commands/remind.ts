import { isValidIsoDate } from '../../../src/time/local-date.js';
import { createJobCommand } from '../job-command.js';

/** `remind --date YYYY-MM-DD [--dry-run] [--knowledge DIR] [--schedule FILE]`: the personal reminders due that day, each sent once. */
export const run = createJobCommand({
  job: 'remind',
  flag: 'date',
  expects: 'a date such as 2026-11-30',
  isValid: isValidIsoDate,
});
