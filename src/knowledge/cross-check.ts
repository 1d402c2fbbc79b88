import type * as z from 'zod';
import type { Problem } from '../problem.js';
import { normalizeLabel } from './rotation-names.js';
import type {
  ExclusionsFileSchema,
  FaqFileSchema,
  ProceduresFileSchema,
  ProgramFile,
  RotationsFileSchema,
  Training,
} from './schema.js';
import type { YamlFile, YamlPath } from './yaml-file.js';

/** One validated file and where its text came from, for locating cross-file problems. */
export interface Checked<T> {
  data: T;
  file: YamlFile;
}

interface Entry {
  id: string;
  name?: string;
  aliases?: string[];
}

/** The validated files; a file that failed validation is absent, so its checks are skipped. */
export interface CheckedFiles {
  program?: Checked<ProgramFile>;
  procedures?: Checked<z.output<typeof ProceduresFileSchema>>;
  exclusions?: Checked<z.output<typeof ExclusionsFileSchema>>;
  rotations?: Checked<z.output<typeof RotationsFileSchema>>;
  training?: Checked<Training>;
  faq?: Checked<z.output<typeof FaqFileSchema>>;
}

/** How the alias check compares names: case, punctuation and spacing do not make two names different. */
export function normalizeAlias(name: string): string {
  return name
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const error = (location: string, problem: string, fix: string): Problem => ({
  severity: 'error',
  location,
  problem,
  fix,
});

/** Checks what no single schema can: unique ids, references that resolve, names used once. */
export function crossCheck(files: CheckedFiles): Problem[] {
  const problems: Problem[] = [];
  const { program, procedures, exclusions, rotations, training, faq } = files;

  if (program) {
    problems.push(...duplicateIds(program.file, ['program', 'sites'], program.data.program.sites));
    problems.push(...duplicateAliases(program.file, { 'program.sites': program.data.program.sites }));
  }
  if (procedures) {
    const { file, data } = procedures;
    problems.push(...duplicateIds(file, ['categories'], data.categories));
    problems.push(...duplicateIds(file, ['procedures'], data.procedures));
    problems.push(
      ...references(file, data.procedures, 'procedures', 'category', data.categories, 'categories'),
    );
    problems.push(...duplicateAliases(file, { categories: data.categories, procedures: data.procedures }));
    data.categories.forEach((c, i) => {
      if (!data.procedures.some((p) => p.category === c.id)) {
        problems.push({
          severity: 'warning',
          location: file.at(file.lineOf(['categories', i])),
          problem: `category "${c.id}" has no procedures`,
          fix: `add a procedure with "category: ${c.id}", or remove the category`,
        });
      }
    });
  }
  if (exclusions) {
    const { file, data } = exclusions;
    problems.push(...duplicateIds(file, ['divisions'], data.divisions));
    problems.push(...duplicateIds(file, ['referrals'], data.referrals));
    problems.push(...references(file, data.referrals, 'referrals', 'done_by', data.divisions, 'divisions'));
    problems.push(...duplicateAliases(file, { divisions: data.divisions, referrals: data.referrals }));
  }
  if (procedures && exclusions) problems.push(...procedureNamedAsExclusion(procedures, exclusions));
  if (exclusions && rotations) {
    const { file, data } = exclusions;
    problems.push(
      ...references(
        file,
        data.divisions,
        'divisions',
        'group',
        rotations.data.groups,
        'groups in rotations.yaml',
      ),
    );
  }
  if (rotations) {
    const { file, data } = rotations;
    problems.push(...duplicateIds(file, ['groups'], data.groups));
    problems.push(...duplicateIds(file, ['rotations'], data.rotations));
    problems.push(...references(file, data.rotations, 'rotations', 'group', data.groups, 'groups'));
    if (program) {
      const sites = program.data.program.sites;
      problems.push(...references(file, data.rotations, 'rotations', 'site', sites, 'sites in program.yaml'));
    }
    problems.push(...duplicateAliases(file, { groups: data.groups, rotations: data.rotations }));
    problems.push(...duplicateLabels(rotations));
    problems.push(...duplicateRoles(rotations));
  }
  if (training) {
    const { file, data } = training;
    problems.push(...duplicateIds(file, ['years'], data.years));
    if (rotations) {
      problems.push(
        ...references(
          file,
          data.years,
          'years',
          'same_as',
          rotations.data.groups,
          'groups in rotations.yaml',
        ),
      );
    }
    data.years.forEach((year, i) => {
      if (rotations) {
        problems.push(
          ...references(
            file,
            year.months,
            `years.${i}.months`,
            'group',
            rotations.data.groups,
            'groups in rotations.yaml',
          ),
        );
      }
      const total = year.months.reduce((sum, m) => sum + m.months, 0);
      if (year.months.length > 0 && total !== 12) {
        problems.push(
          error(
            file.at(file.keyLineOf(['years', i], 'months') ?? file.lineOf(['years', i])),
            `the months of ${year.level} add up to ${total}, not 12`,
            'make the months of the year add up to 12',
          ),
        );
      }
    });
    problems.push(...duplicateAliases(file, { years: data.years.map((y) => ({ ...y, name: y.level })) }));
  }
  if (faq) {
    problems.push(...duplicateIds(faq.file, ['faq'], faq.data.faq));
    problems.push(...duplicateAliases(faq.file, { faq: faq.data.faq }));
  }
  return problems;
}

function duplicateIds(file: YamlFile, listPath: YamlPath, entries: readonly { id: string }[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  entries.forEach((entry, i) => {
    const line = file.lineOf([...listPath, i, 'id']);
    const first = seen.get(entry.id);
    if (first === undefined) seen.set(entry.id, line);
    else {
      problems.push(
        error(
          file.at(line),
          `the id "${entry.id}" is used twice in ${listPath.join('.')} (first on line ${first})`,
          'give this entry a different id, or merge the two entries',
        ),
      );
    }
  });
  return problems;
}

/** A reference (`field` of each entry) must name an id of `targets`. */
function references(
  file: YamlFile,
  entries: readonly object[],
  listPath: string,
  field: string,
  targets: readonly { id: string }[],
  targetName: string,
): Problem[] {
  const ids = new Set(targets.map((t) => t.id));
  const problems: Problem[] = [];
  const base = listPath.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));
  entries.forEach((entry, i) => {
    const raw = (entry as Record<string, unknown>)[field];
    const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
    values.forEach((value, j) => {
      if (typeof value !== 'string' || ids.has(value)) return;
      const path = Array.isArray(raw) ? [...base, i, field, j] : [...base, i, field];
      problems.push(
        error(
          file.at(file.lineOf(path)),
          `${field} "${value}" is not one of the ${targetName}`,
          `use one of: ${[...ids].join(', ')}`,
        ),
      );
    });
  });
  return problems;
}

interface Term {
  id: string;
  list: string;
  isName: boolean;
  line: number;
  text: string;
}

/**
 * The same name or alias on two entries makes a question ambiguous. Entries of different
 * lists may share a display name (a rotation group and its rotation), not an alias.
 */
function duplicateAliases(file: YamlFile, lists: Record<string, readonly Entry[]>): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, Term[]>();
  for (const [list, entries] of Object.entries(lists)) {
    const listPath = list.split('.');
    entries.forEach((entry, i) => {
      const terms: Term[] = [];
      if (entry.name) {
        const line = file.lineOf([...listPath, i, 'name']);
        terms.push({ id: entry.id, list, isName: true, line, text: entry.name });
      }
      (entry.aliases ?? []).forEach((alias, j) => {
        const line = file.lineOf([...listPath, i, 'aliases', j]);
        terms.push({ id: entry.id, list, isName: false, line, text: alias });
      });
      for (const term of terms) {
        const key = normalizeAlias(term.text);
        const earlier = seen.get(key) ?? [];
        const clash = earlier.find(
          (e) => e.id !== term.id && (e.list === term.list || (!e.isName && !term.isName)),
        );
        if (clash) {
          problems.push(
            error(
              file.at(term.line),
              `"${term.text}" names both "${clash.id}" (line ${clash.line}) and "${term.id}"`,
              'keep the name on one entry only, so the bot knows which one is meant',
            ),
          );
        }
        earlier.push(term);
        seen.set(key, earlier);
      }
    });
  }
  return problems;
}

/** A role names one group: two "specialty" groups would leave "the program's months" undecided. */
function duplicateRoles(rotations: NonNullable<CheckedFiles['rotations']>): Problem[] {
  const { file, data } = rotations;
  const problems: Problem[] = [];
  const seen = new Map<string, { id: string; line: number }>();
  data.groups.forEach((g, i) => {
    if (!g.role) return;
    const line = file.lineOf(['groups', i, 'role']);
    const first = seen.get(g.role);
    if (!first) seen.set(g.role, { id: g.id, line });
    else {
      problems.push(
        error(
          file.at(line),
          `the role "${g.role}" is given to both "${first.id}" (line ${first.line}) and "${g.id}"`,
          'keep the role on one group only',
        ),
      );
    }
  });
  return problems;
}

/** Schedule labels resolve to one rotation only (case, spaces and hyphens ignored, as the resolver does). */
function duplicateLabels(rotations: NonNullable<CheckedFiles['rotations']>): Problem[] {
  const { file, data } = rotations;
  const problems: Problem[] = [];
  const seen = new Map<string, { id: string; line: number }>();
  data.rotations.forEach((r, i) => {
    const names: [string, YamlPath][] = [
      ...r.labels.map((l, j): [string, YamlPath] => [l, ['rotations', i, 'labels', j]]),
      [r.id, ['rotations', i, 'id']],
      ...(r.name ? [[r.name, ['rotations', i, 'name']] as [string, YamlPath]] : []),
      ...(r.aliases ?? []).map((a, j): [string, YamlPath] => [a, ['rotations', i, 'aliases', j]]),
    ];
    for (const [name, path] of names) {
      const key = normalizeLabel(name);
      const line = file.lineOf(path);
      const first = seen.get(key);
      if (!first) seen.set(key, { id: r.id, line });
      else if (first.id !== r.id) {
        problems.push(
          error(
            file.at(line),
            `the label "${name}" would mean both "${first.id}" (line ${first.line}) and "${r.id}"`,
            'keep the label on one rotation only',
          ),
        );
      }
    }
  });
  return problems;
}

/** The biliary-drainage rule: no procedure may share a name with work the program refers elsewhere. */
function procedureNamedAsExclusion(
  procedures: NonNullable<CheckedFiles['procedures']>,
  exclusions: NonNullable<CheckedFiles['exclusions']>,
): Problem[] {
  const excluded = new Map<string, string>();
  for (const x of exclusions.data.referrals) {
    for (const name of [x.name ?? '', ...(x.aliases ?? [])]) excluded.set(normalizeAlias(name), x.id);
  }
  const problems: Problem[] = [];
  const { file, data } = procedures;
  data.procedures.forEach((p, i) => {
    (p.aliases ?? []).forEach((alias, j) => {
      const exclusion = excluded.get(normalizeAlias(alias));
      if (!exclusion) return;
      problems.push(
        error(
          file.at(file.lineOf(['procedures', i, 'aliases', j])),
          `"${alias}" is also a name of "${exclusion}" in referrals.yaml (work the program refers elsewhere)`,
          'use a more specific name here (e.g. "biliary drainage", not "drainage")',
        ),
      );
    });
  });
  return problems;
}
