import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as z from 'zod';
import { InvalidFileError, type Problem } from '../problem.js';
import { type CheckedFiles, crossCheck } from './cross-check.js';
import { type Language, LanguageFileSchema } from './language.js';
import {
  ExclusionsFileSchema,
  FaqFileSchema,
  KNOWLEDGE_FILES,
  type Knowledge,
  type KnowledgeFileName,
  OPTIONAL_FILES,
  ProceduresFileSchema,
  ProgramFileSchema,
  RENAMED_FILES,
  RotationsFileSchema,
  TrainingFileSchema,
} from './schema.js';
import { readYamlFile } from './yaml-file.js';
import { zodProblems } from './zod-problems.js';

type ProceduresData = z.output<typeof ProceduresFileSchema>;
type ReferralsData = z.output<typeof ExclusionsFileSchema>;
type FaqData = z.output<typeof FaqFileSchema>;

export interface KnowledgeValidation {
  /** The knowledge base, when there is no error (warnings allowed). */
  knowledge: Knowledge | null;
  /** Every problem found, errors and warnings, in file order. */
  problems: Problem[];
}

/** Reads, validates and cross-checks every file in `dir`. Never throws for bad files. */
export async function validateKnowledge(dir: string): Promise<KnowledgeValidation> {
  const problems: Problem[] = [];
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    const problem = `the knowledge folder "${dir}" cannot be read`;
    const fix = 'set KNOWLEDGE_DIR (or --knowledge) to the folder holding program.yaml and the other files';
    return { knowledge: null, problems: [{ severity: 'error', location: dir, problem, fix }] };
  }

  const known = Object.keys(KNOWLEDGE_FILES);
  for (const name of names.sort()) {
    const renamed = RENAMED_FILES[name];
    if (renamed) {
      problems.push({
        severity: names.includes(renamed) ? 'warning' : 'error',
        location: `${join(dir, name)}:1`,
        problem: `this file is now called ${renamed}`,
        fix: `rename it to ${renamed} and, inside it, the list "exclusions:" to "referrals:"`,
      });
    } else if (/\.ya?ml$/i.test(name) && !known.includes(name)) {
      problems.push({
        severity: 'warning',
        location: `${join(dir, name)}:1`,
        problem: 'this file is not part of the knowledge base and is ignored',
        fix: `move its entries into one of: ${known.join(', ')}`,
      });
    }
  }

  /** An optional file left out reads as empty; its checks have nothing to look at. */
  const absent = new Map<KnowledgeFileName, unknown>();
  const load = async <S extends z.ZodType>(name: KnowledgeFileName, schema: S) => {
    if (OPTIONAL_FILES.includes(name) && !names.includes(name)) {
      absent.set(name, schema.parse({}));
      return undefined;
    }
    const { file, problems: found } = await readYamlFile(join(dir, name));
    problems.push(...found);
    if (!file) return undefined;
    const result = schema.safeParse(file.value);
    if (!result.success) {
      problems.push(...zodProblems(file, schema, result.error.issues));
      return undefined;
    }
    return { file, data: result.data as z.output<S> };
  };

  const files: CheckedFiles = {
    program: await load('program.yaml', ProgramFileSchema),
    procedures: await load('procedures.yaml', ProceduresFileSchema),
    exclusions: await load('referrals.yaml', ExclusionsFileSchema),
    rotations: await load('rotations.yaml', RotationsFileSchema),
    training: await load('training.yaml', TrainingFileSchema),
    faq: await load('faq.yaml', FaqFileSchema),
  };
  problems.push(...crossCheck(files));
  const language = await loadLanguage(dir, names, problems);

  const { program, rotations, training } = files;
  const procedures = files.procedures?.data ?? (absent.get('procedures.yaml') as ProceduresData | undefined);
  const exclusions = files.exclusions?.data ?? (absent.get('referrals.yaml') as ReferralsData | undefined);
  const faq = files.faq?.data ?? (absent.get('faq.yaml') as FaqData | undefined);
  const ok = !problems.some((p) => p.severity === 'error');
  if (!ok || !program || !procedures || !exclusions || !rotations || !training || !faq || !language) {
    return { knowledge: null, problems };
  }
  const knowledge: Knowledge = {
    program: program.data.program,
    categories: procedures.categories,
    procedures: procedures.procedures,
    ...(procedures.others_not_listed ? { othersNotListed: true } : {}),
    ...(exclusions.divisions_name ? { divisionsName: exclusions.divisions_name } : {}),
    divisions: exclusions.divisions,
    exclusions: exclusions.referrals,
    groups: rotations.data.groups,
    rotations: rotations.data.rotations,
    training: training.data,
    faq: faq.faq,
    language,
  };
  return { knowledge, problems };
}

/**
 * The folder's language.yaml, or the shipped one when the folder has none (how questions are asked
 * is rarely the program's own). The shipped file sits in the repository's knowledge folder, found
 * from this module's place in the sources or in the build.
 */
async function loadLanguage(
  dir: string,
  names: string[],
  problems: Problem[],
): Promise<Language | undefined> {
  const path = names.includes('language.yaml') ? join(dir, 'language.yaml') : shippedLanguage();
  if (!path) {
    const fix = 'copy language.yaml from the shipped knowledge folder into this folder';
    problems.push({
      severity: 'error',
      location: join(dir, 'language.yaml'),
      problem: 'the file is missing',
      fix,
    });
    return undefined;
  }
  const { file, problems: found } = await readYamlFile(path);
  problems.push(...found);
  if (!file) return undefined;
  const result = LanguageFileSchema.safeParse(file.value);
  if (!result.success) {
    problems.push(...zodProblems(file, LanguageFileSchema, result.error.issues));
    return undefined;
  }
  // A copy made before follow-ups had their words here loads, but follow-ups are then not understood.
  if (file.value && typeof file.value === 'object' && !('follow_ups' in file.value))
    problems.push({
      severity: 'warning',
      location: path,
      problem:
        'there is no follow_ups section, so follow-ups ("and April?", "is that at the VA?") are not understood',
      fix: 'copy the follow_ups section from the end of the shipped language.yaml into this file',
    });
  return result.data;
}

function shippedLanguage(): string | undefined {
  for (const up of ['../../knowledge/', '../../../knowledge/', '../knowledge/']) {
    const path = fileURLToPath(new URL(`${up}language.yaml`, import.meta.url));
    if (existsSync(path)) return path;
  }
  return undefined;
}

/** Loads the knowledge base, or throws InvalidFileError carrying every error found (warnings are ignored). */
export async function loadKnowledge(dir: string): Promise<Knowledge> {
  const { knowledge, problems } = await validateKnowledge(dir);
  if (!knowledge) throw new InvalidFileError(problems.filter((p) => p.severity === 'error'));
  return knowledge;
}
