import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
// The Bot Framework SDK is out of support: only adapters/teams may know it, so replacing it touches one folder.
const SDK_IMPORT =
  /(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"](botbuilder|botframework)[^'"]*['"]/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|js|mts|cts)$/.test(entry.name) ? [path] : [];
  });
}

describe('the Bot Framework boundary', () => {
  it('keeps every botbuilder / botframework import inside adapters/teams', () => {
    const files = [...sourceFiles(join(ROOT, 'src')), ...sourceFiles(join(ROOT, 'adapters'))].filter(
      (f) => !relative(ROOT, f).startsWith(join('adapters', 'teams')),
    );
    expect(files.length).toBeGreaterThan(5);
    const offenders = files
      .filter((f) => SDK_IMPORT.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    expect(offenders).toEqual([]);
  });

  it('would notice such an import', () => {
    expect(SDK_IMPORT.test("import { CloudAdapter } from 'botbuilder';")).toBe(true);
    expect(SDK_IMPORT.test("import type { Activity } from 'botframework-schema';")).toBe(true);
    expect(SDK_IMPORT.test("const c = require('botframework-connector');")).toBe(true);
    expect(SDK_IMPORT.test("import { App } from '@slack/bolt';")).toBe(false);
  });

  it('is where the SDK is actually used', () => {
    const teams = sourceFiles(join(ROOT, 'adapters', 'teams'));
    expect(teams.some((f) => SDK_IMPORT.test(readFileSync(f, 'utf8')))).toBe(true);
  });
});
