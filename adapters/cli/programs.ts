import { type Config, loadConfig } from '../../src/config.js';
import { loadKnowledgeCached as loadKnowledge } from '../../src/knowledge/cache.js';
import { findProgramFolders, programScheduleLocation } from '../../src/programs/folders.js';
import { UsageError } from './command.js';
import { type CliData, type DataFlags, readSchedule } from './load.js';

/**
 * A whole department from the command line, as the server runs it with PROGRAMS_DIR: every
 * folder of the programs folder holding a program.yaml, each with its own schedule (its
 * PROGRAM_SCHEDULES entry, else schedule.csv in its folder, else sample-schedule.csv).
 */
export interface ProgramFlags extends DataFlags {
  /** `--programs DIR`: the programs folder (PROGRAMS_DIR when not given). */
  programs?: string;
  /** `--program ID`: one program of the folder. */
  program?: string;
}

type Env = Record<string, string | undefined>;

/** The programs folder asked for: `--programs`, else PROGRAMS_DIR unless `--knowledge` names one program. */
export function programsDirOf(flags: ProgramFlags, env: Env): string | undefined {
  if (flags.programs && flags.knowledge)
    throw new UsageError('give --programs (a folder of programs) or --knowledge (one program), not both');
  const dir = flags.programs ?? (flags.knowledge ? undefined : env.PROGRAMS_DIR?.trim() || undefined);
  if (dir && flags.schedule)
    throw new UsageError(
      '--schedule is for one program; in a programs folder each program reads its own schedule.csv (or PROGRAM_SCHEDULES)',
    );
  if (flags.program && !dir) throw new UsageError('--program needs --programs DIR (or PROGRAMS_DIR)');
  return dir;
}

/** The environment for one program named by `--knowledge`: the department's settings left out. */
export function oneProgramEnv(env: Env): Env {
  return Object.fromEntries(
    Object.entries(env).filter(([name]) => name !== 'PROGRAMS_DIR' && !name.startsWith('PROGRAM_')),
  );
}

/** The department's settings, with the programs folder given. */
export function programsConfig(dir: string, env: Env): Config {
  return loadConfig({ ...env, PROGRAMS_DIR: dir });
}

export interface LoadedProgram {
  id: string;
  dir: string;
  data: CliData;
}

/** Every program of the folder, loaded; two folders with one program id are refused. */
export async function loadPrograms(dir: string, env: Env): Promise<LoadedProgram[]> {
  const config = programsConfig(dir, env);
  const programs: LoadedProgram[] = [];
  for (const folder of await findProgramFolders(dir)) {
    const knowledge = await loadKnowledge(folder);
    const id = knowledge.program.id;
    const same = programs.find((p) => p.id === id);
    if (same) throw new Error(`${folder}/program.yaml: the program id "${id}" is also the id of ${same.dir}`);
    const schedule = await readSchedule(await programScheduleLocation(config, folder, id), knowledge);
    programs.push({
      id,
      dir: folder,
      data: { config: { ...config, KNOWLEDGE_DIR: folder }, knowledge, schedule },
    });
  }
  return programs;
}

/**
 * The program a question goes to: `--program`, the only one, or the one whose schedule lists the
 * asker (as the server routes a resident). Anything else is a usage error naming the choices.
 */
export function pickProgram(
  programs: readonly LoadedProgram[],
  id: string | undefined,
  as?: string,
): LoadedProgram {
  const ids = programs.map((p) => p.id).join(', ');
  if (id) {
    const named = programs.find((p) => p.id === id);
    if (!named) throw new UsageError(`--program "${id}" is not one of the programs: ${ids}`);
    return named;
  }
  if (programs.length === 1) return programs[0]!;
  const email = as?.trim().toLowerCase();
  const listing = email ? programs.filter((p) => p.data.schedule.byEmail(email)) : [];
  if (listing.length === 1) return listing[0]!;
  const why = !email
    ? 'the folder holds several programs'
    : listing.length
      ? `${as} is on the schedules of ${listing.map((p) => p.id).join(' and ')}`
      : `${as} is on no program's schedule`;
  throw new UsageError(`${why}: give --program with one of: ${ids}`);
}
