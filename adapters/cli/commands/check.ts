import { parseArgs } from 'node:util';
import { loadConfig } from '../../../src/config.js';
import { validateKnowledge } from '../../../src/knowledge/load.js';
import { formatProblem, type Problem } from '../../../src/problem.js';
import { defaultScheduleLocation, validateScheduleFile } from '../../../src/schedule/source.js';
import type { CliCommand } from '../command.js';

/**
 * Validates the knowledge base and the schedule; prints `file:line: problem — fix` for each
 * problem and a summary. Exit 1 when there is any error (warnings alone pass).
 */
export const run: CliCommand = async (args, io) => {
  const { values } = parseArgs({
    args,
    options: { knowledge: { type: 'string' }, schedule: { type: 'string' } },
  });
  const config = loadConfig({
    ...io.env,
    ...(values.knowledge ? { KNOWLEDGE_DIR: values.knowledge } : {}),
    ...(values.schedule ? { SCHEDULE_FILE: values.schedule } : {}),
  });
  const { knowledge, problems } = await validateKnowledge(config.KNOWLEDGE_DIR);
  const all: Problem[] = [...problems];
  const location = defaultScheduleLocation(config);
  if (knowledge) all.push(...(await validateScheduleFile(location, knowledge)));
  for (const p of all) (p.severity === 'error' ? io.stderr : io.stdout).write(`${formatProblem(p)}\n`);
  const errors = all.filter((p) => p.severity === 'error').length;
  const warnings = all.length - errors;
  const checked = knowledge ? `${config.KNOWLEDGE_DIR} and ${location}` : config.KNOWLEDGE_DIR;
  const skipped = knowledge ? '' : ' (the schedule is checked once the knowledge base has no errors)';
  const summary = errors
    ? `check: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${checked}${skipped}`
    : `check: ${checked} OK${warnings ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''}`;
  (errors ? io.stderr : io.stdout).write(`${summary}\n`);
  return errors ? 1 : 0;
};
