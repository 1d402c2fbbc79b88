import { access, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { InvalidFileError } from '../problem.js';

/**
 * The program folders of a PROGRAMS_DIR deployment: every sub-folder holding a program.yaml, in
 * name order (the first is the default program). None is an error naming the folder.
 */
export async function findProgramFolders(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  } catch {
    throw new InvalidFileError([
      {
        severity: 'error',
        location: dir,
        problem: `the programs folder "${dir}" cannot be read`,
        fix: 'set PROGRAMS_DIR to a folder holding one folder per program',
      },
    ]);
  }
  const folders: string[] = [];
  for (const name of names.sort()) {
    const folder = join(dir, name);
    if (await exists(join(folder, 'program.yaml'))) folders.push(folder);
  }
  if (!folders.length) {
    throw new InvalidFileError([
      {
        severity: 'error',
        location: dir,
        problem: 'no program folder here (a folder with a program.yaml in it)',
        fix: 'put each program in its own folder inside PROGRAMS_DIR, starting from examples/template',
      },
    ]);
  }
  return folders;
}

/**
 * Where a program's schedule is read from: PROGRAM_SCHEDULES for its id, else schedule.csv in its
 * folder, else the folder's sample-schedule.csv.
 */
export async function programScheduleLocation(
  config: Pick<Config, 'PROGRAM_SCHEDULES'>,
  dir: string,
  programId: string,
): Promise<string> {
  const given = config.PROGRAM_SCHEDULES.find((p) => p.program === programId);
  if (given) return given.value;
  const own = join(dir, 'schedule.csv');
  return (await exists(own)) ? own : join(dir, 'sample-schedule.csv');
}

/** PROGRAM_* settings naming a program no folder holds: a typo that would silently do nothing. */
export function unknownProgramSettings(config: Config, ids: readonly string[]): string[] {
  const settings = ['PROGRAM_SCHEDULES', 'PROGRAM_SLACK_CHANNELS', 'PROGRAM_TEAMS_CONVERSATIONS'] as const;
  return settings.flatMap((name) =>
    config[name]
      .filter((p) => !ids.includes(p.program))
      .map((p) => `${name} names "${p.program}", which is not one of the programs (${ids.join(', ')})`),
  );
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
