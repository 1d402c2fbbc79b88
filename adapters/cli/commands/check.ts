import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Config, loadConfig } from '../../../src/config.js';
import { validateKnowledge } from '../../../src/knowledge/load.js';
import { formatProblem, InvalidFileError, type Problem } from '../../../src/problem.js';
import {
  findProgramFolders,
  programScheduleLocation,
  unknownProgramSettings,
} from '../../../src/programs/folders.js';
import { defaultScheduleLocation, validateScheduleFile } from '../../../src/schedule/source.js';
import type { CliCommand } from '../command.js';
import { oneProgramEnv, programsConfig, programsDirOf } from '../programs.js';

interface Checked {
  problems: Problem[];
  /** What was checked, for the summary: "knowledge and knowledge/sample-schedule.csv". */
  checked: string;
  /** The program id, when the knowledge base loaded. */
  id?: string;
  /** Whether the schedule was checked (only once the knowledge base has no errors). */
  scheduleChecked: boolean;
}

/** One program: its knowledge base, then its schedule against it. */
async function checkProgram(dir: string, schedule: (id: string) => Promise<string>): Promise<Checked> {
  const { knowledge, problems } = await validateKnowledge(dir);
  if (!knowledge) return { problems, checked: dir, scheduleChecked: false };
  const location = await schedule(knowledge.program.id);
  return {
    problems: [...problems, ...(await validateScheduleFile(location, knowledge))],
    checked: `${dir} and ${location}`,
    id: knowledge.program.id,
    scheduleChecked: true,
  };
}

/** Every program of a programs folder, and what only the folder as a whole can get wrong. */
async function checkPrograms(dir: string, config: Config): Promise<Checked> {
  let folders: string[];
  try {
    folders = await findProgramFolders(dir);
  } catch (error) {
    if (error instanceof InvalidFileError)
      return { problems: error.problems, checked: dir, scheduleChecked: false };
    throw error;
  }
  const problems: Problem[] = [];
  const ids = new Map<string, string>();
  let scheduleChecked = true;
  for (const folder of folders) {
    const one = await checkProgram(folder, (id) => programScheduleLocation(config, folder, id));
    problems.push(...one.problems);
    scheduleChecked &&= one.scheduleChecked;
    if (!one.id) continue;
    const first = ids.get(one.id);
    if (first) {
      problems.push({
        severity: 'error',
        location: join(folder, 'program.yaml'),
        problem: `the program id "${one.id}" is also the id of ${first}`,
        fix: 'give each program its own id in its program.yaml',
      });
    } else ids.set(one.id, folder);
  }
  // A PROGRAM_* setting for a program no folder holds (checked once every folder loaded).
  if (scheduleChecked) {
    for (const problem of unknownProgramSettings(config, [...ids.keys()]))
      problems.push({
        severity: 'error',
        location: 'environment',
        problem,
        fix: 'use one of the program ids',
      });
  }
  const names = folders.length === 1 ? '1 program' : `${folders.length} programs`;
  return {
    problems,
    checked: `${dir} (${names}: ${[...ids.keys()].join(', ') || 'none loaded'})`,
    scheduleChecked,
  };
}

/**
 * Validates the knowledge base and the schedule — of one program, or of every program in a
 * programs folder (`--programs DIR` or PROGRAMS_DIR); prints `file:line: problem — fix` for each
 * problem and a summary. Exit 1 when there is any error (warnings alone pass).
 */
export const run: CliCommand = async (args, io) => {
  const { values } = parseArgs({
    args,
    options: { knowledge: { type: 'string' }, schedule: { type: 'string' }, programs: { type: 'string' } },
  });
  const dir = programsDirOf(values, io.env);
  let result: Checked;
  if (dir) {
    result = await checkPrograms(dir, programsConfig(dir, io.env));
  } else {
    const config = loadConfig({
      ...(values.knowledge ? oneProgramEnv(io.env) : io.env),
      ...(values.knowledge ? { KNOWLEDGE_DIR: values.knowledge } : {}),
      ...(values.schedule ? { SCHEDULE_FILE: values.schedule } : {}),
    });
    result = await checkProgram(config.KNOWLEDGE_DIR, async () => defaultScheduleLocation(config));
  }
  const all = result.problems;
  for (const p of all) (p.severity === 'error' ? io.stderr : io.stdout).write(`${formatProblem(p)}\n`);
  const errors = all.filter((p) => p.severity === 'error').length;
  const warnings = all.length - errors;
  const skipped = result.scheduleChecked
    ? ''
    : ' (the schedule is checked once the knowledge base has no errors)';
  const summary = errors
    ? `check: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${result.checked}${skipped}`
    : `check: ${result.checked} OK${warnings ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''}`;
  (errors ? io.stderr : io.stdout).write(`${summary}\n`);
  return errors ? 1 : 0;
};
