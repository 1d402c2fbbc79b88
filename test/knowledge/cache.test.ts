import { chmod, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateKnowledgeCached } from '../../src/knowledge/cache.js';
import { validateKnowledge } from '../../src/knowledge/load.js';
import { forgetIntl, keptDates, keptOffset } from '../../src/time/intl-memo.js';
import { copyShipped, editFile } from './helpers.js';

let knowledge: { dir: string; cleanup: () => Promise<void> };
let cacheDir: string;

beforeEach(async () => {
  knowledge = await copyShipped();
  cacheDir = join(await mkdtemp(join(tmpdir(), 'rotabot-cache-test-')), 'cache');
});
afterEach(async () => {
  await knowledge.cleanup();
  await rm(join(cacheDir, '..'), { recursive: true, force: true });
});

/** Marks the one cached result, so a later read shows whether it came from the cache. */
async function markCached(): Promise<void> {
  const [name] = (await readdir(cacheDir)).filter((n) => n.endsWith('.json'));
  expect(name).toBeDefined();
  const file = join(cacheDir, name!);
  const value = JSON.parse(await readFile(file, 'utf8'));
  value.knowledge.program.name = 'Read From The Cache';
  await writeFile(file, JSON.stringify(value));
}

describe('the knowledge cache', () => {
  it('gives what a full validation gives, then reads it back while the files are unchanged', async () => {
    const options = { dir: cacheDir, build: 'build-1' };
    const first = await validateKnowledgeCached(knowledge.dir, options);
    expect(first).toEqual(await validateKnowledge(knowledge.dir));
    await markCached();
    const second = await validateKnowledgeCached(knowledge.dir, options);
    expect(second.knowledge?.program.name).toBe('Read From The Cache');
  });

  it('keeps what Intl answers for the program’s zone and locale, and a later run remembers it', async () => {
    const options = { dir: cacheDir, build: 'build-1' };
    forgetIntl();
    await validateKnowledgeCached(knowledge.dir, options);
    const [name] = (await readdir(cacheDir)).filter((n) => n.endsWith('.json'));
    const kept = JSON.parse(await readFile(join(cacheDir, name!), 'utf8'));
    expect(kept.intl).toMatchObject({
      icu: process.versions.icu,
      dates: { locale: 'en-US' },
      zone: { zone: 'America/New_York' },
    });
    forgetIntl();
    expect(keptDates('en-US')).toBeUndefined();
    await validateKnowledgeCached(knowledge.dir, options);
    expect(keptDates('en-US')).toBeDefined();
    expect(keptOffset('America/New_York', Date.UTC(2027, 0, 15))).toBe(-5 * 3_600_000);
    forgetIntl();
  });

  it('validates again after an edit to a file, and for another build', async () => {
    const options = { dir: cacheDir, build: 'build-1' };
    await validateKnowledgeCached(knowledge.dir, options);
    await markCached();
    const otherBuild = await validateKnowledgeCached(knowledge.dir, { dir: cacheDir, build: 'build-2' });
    expect(otherBuild.knowledge?.program.name).toBe('Duke Interventional Radiology');
    await editFile(knowledge.dir, 'program.yaml', (t) => `${t}\n# an edit\n`);
    const edited = await validateKnowledgeCached(knowledge.dir, options);
    expect(edited.knowledge?.program.name).toBe('Duke Interventional Radiology');
  });

  it('never keeps a result with errors: the next run reports them again', async () => {
    await editFile(knowledge.dir, 'program.yaml', (t) => t.replace('\nprogram:', '\nprogram: [broken'));
    const options = { dir: cacheDir, build: 'build-1' };
    const first = await validateKnowledgeCached(knowledge.dir, options);
    expect(first.knowledge).toBeNull();
    expect(first.problems.some((p) => p.severity === 'error')).toBe(true);
    expect((await readdir(cacheDir)).filter((n) => n.endsWith('.json'))).toEqual([]);
  });

  it('ignores a cache folder others may write to, and a corrupt cached file', async () => {
    const options = { dir: cacheDir, build: 'build-1' };
    await validateKnowledgeCached(knowledge.dir, options);
    await markCached();
    await chmod(cacheDir, 0o777);
    const shared = await validateKnowledgeCached(knowledge.dir, options);
    expect(shared.knowledge?.program.name).toBe('Duke Interventional Radiology');
    await chmod(cacheDir, 0o700);
    const [name] = (await readdir(cacheDir)).filter((n) => n.endsWith('.json'));
    await writeFile(join(cacheDir, name!), '{"knowledge": ');
    const corrupt = await validateKnowledgeCached(knowledge.dir, options);
    expect(corrupt.knowledge?.program.name).toBe('Duke Interventional Radiology');
  });

  it('is not kept behind a symbolic link, even to a private folder of ours', async () => {
    const real = join(cacheDir, '..', 'real');
    await mkdir(real, { mode: 0o700 });
    await symlink(real, cacheDir);
    const result = await validateKnowledgeCached(knowledge.dir, { dir: cacheDir, build: 'build-1' });
    expect(result.knowledge?.program.name).toBe('Duke Interventional Radiology');
    expect(await readdir(real)).toEqual([]);
  });

  it('is off without a build id (sources run by tsx or the test runner)', async () => {
    const result = await validateKnowledgeCached(knowledge.dir, { dir: cacheDir });
    expect(result.knowledge).not.toBeNull();
    await expect(readdir(cacheDir)).rejects.toThrow();
  });
});
