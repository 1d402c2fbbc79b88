import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { validateKnowledge } from '../../src/knowledge/load.js';
import type { Problem } from '../../src/problem.js';

export const SHIPPED = 'knowledge';
export const FIXTURES = 'test/fixtures/knowledge';

/** A temporary copy of the shipped knowledge folder (YAML files only), removed by `cleanup`. */
export async function copyShipped(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'rotabot-knowledge-'));
  await cp(SHIPPED, dir, { recursive: true, filter: (src) => !/\.csv$/i.test(src) });
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Rewrites one file of the copy; fails the test if the edit changed nothing. */
export async function editFile(dir: string, name: string, edit: (text: string) => string): Promise<string> {
  const path = join(dir, name);
  const before = await readFile(path, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`the edit of ${name} changed nothing`);
  await writeFile(path, after);
  return after;
}

/** Replaces the first occurrence, insisting that it exists. */
export function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`"${from}" not found`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** 1-based line of the first line containing `needle` (after `after` lines). */
export function lineOf(text: string, needle: string, after = 0): number {
  const lines = text.split('\n');
  for (let i = after; i < lines.length; i++) if (lines[i]!.includes(needle)) return i + 1;
  throw new Error(`"${needle}" not found`);
}

export function errorsAt(problems: readonly Problem[], location: string): Problem[] {
  return problems.filter((p) => p.severity === 'error' && p.location === location);
}

/**
 * A fresh copy of the shipped knowledge for each test of the calling file: its folder, the
 * problems of validating it (insisting it failed), and a location in it as problems name one.
 */
export function brokenCopy(): {
  readonly dir: string;
  failing: () => Promise<Problem[]>;
  at: (file: string, line: number) => string;
} {
  let copy: { dir: string; cleanup: () => Promise<void> } | undefined;
  beforeEach(async () => {
    copy = await copyShipped();
  });
  afterEach(async () => {
    await copy?.cleanup();
  });
  return {
    get dir() {
      return copy!.dir;
    },
    async failing() {
      const { knowledge, problems } = await validateKnowledge(copy!.dir);
      expect(knowledge).toBeNull();
      return problems;
    },
    at: (file, line) => `${join(copy!.dir, file)}:${line}`,
  };
}
