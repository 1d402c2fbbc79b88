import { isValidIsoMonth } from '../../../src/time/local-date.js';
import { createJobCommand } from '../job-command.js';

/** `announce --month YYYY-MM [--dry-run] [--knowledge DIR] [--schedule FILE]`: the month's rotations, posted once. */
export const run = createJobCommand({
  job: 'announce',
  flag: 'month',
  expects: 'a month such as 2026-12',
  isValid: isValidIsoMonth,
});
