import { chmod, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { vocabularyOf } from '../../src/core/vocabulary.js';
import { validateKnowledgeCached } from '../../src/knowledge/cache.js';
import { validateKnowledge } from '../../src/knowledge/load.js';
import { forgetIntl, intlOffset, keptDates, keptOffset, offsetFormat } from '../../src/time/intl-memo.js';
import { NOW, schedule } from '../core/helpers.js';
import { askerOf } from '../support/ask.js';
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
  const [name] = (await readdir(cacheDir)).filter((n) => n.endsWith('.v8'));
  expect(name).toBeDefined();
  const file = join(cacheDir, name!);
  const value = deserialize(await readFile(file));
  value.knowledge.program.name = 'Read From The Cache';
  await writeFile(file, serialize(value));
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
    const [name] = (await readdir(cacheDir)).filter((n) => n.endsWith('.v8'));
    const kept = deserialize(await readFile(join(cacheDir, name!)));
    expect(kept.intl).toMatchObject({
      icu: expect.stringContaining(process.versions.icu!),
      dates: { locale: 'en-US' },
      zone: { zone: 'America/New_York' },
    });
    forgetIntl();
    expect(keptDates('en-US')).toBeUndefined();
    await validateKnowledgeCached(knowledge.dir, options);
    expect(keptDates('en-US')).toBeDefined();
    const soon = Date.now() + 40 * 86_400_000;
    expect(keptOffset('America/New_York', soon)).toBe(intlOffset(soon, offsetFormat('America/New_York')));
    forgetIntl();
  });

  it('keeps the compiled vocabulary: read back, it is the one compiled, class for class, and answers alike', async () => {
    const options = { dir: cacheDir, build: 'build-1' };
    const { knowledge: fresh } = await validateKnowledgeCached(knowledge.dir, options);
    const compiled = vocabularyOf(fresh!);
    // A mark planted in the kept vocabulary shows that what answers was read, not compiled again.
    const [name] = (await readdir(cacheDir)).filter((n) => n.endsWith('.v8'));
    const file = join(cacheDir, name!);
    const value = deserialize(await readFile(file));
    value.vocabulary.plantedByTheTest = true;
    await writeFile(file, serialize(value));
    const { knowledge: read } = await validateKnowledgeCached(knowledge.dir, options);
    expect(read).not.toBe(fresh);
    const revived = vocabularyOf(read!);
    expect(revived).not.toBe(compiled);
    expect((revived as unknown as { plantedByTheTest?: boolean }).plantedByTheTest).toBe(true);
    expect(revived.knowledge).toBe(read);
    // Every object reached from the read-back vocabulary has the class of its compiled twin, so
    // no method is missing (a class added to the vocabulary later needs reviving too).
    const seen = new Set<object>();
    const sameClasses = (a: unknown, b: unknown, path: string): void => {
      if (typeof a !== 'object' || a === null || seen.has(a)) return;
      seen.add(a);
      expect(Object.getPrototypeOf(b), path).toBe(Object.getPrototypeOf(a));
      if (a instanceof Map)
        for (const [k, v] of a) sameClasses(v, (b as Map<unknown, unknown>).get(k), `${path}.get(${k})`);
      else if (a instanceof Set) expect([...(b as Set<unknown>)], path).toEqual([...a]);
      else for (const k of Object.keys(a)) sameClasses((a as never)[k], (b as never)[k], `${path}.${k}`);
    };
    sameClasses(compiled, revived, 'vocabulary');
    expect(seen.size).toBeGreaterThan(1_000);
    // Answers through each: the same text, corrections and look-ups included.
    const [viaRead, viaFresh] = [askerOf(read!, schedule, NOW), askerOf(fresh!, schedule, NOW)];
    const questions = [
      'does IR do TIPS?',
      'does IR do kyphoplsty?',
      'what is the R5 year like',
      'embolisation of fibroids?',
      'who does biopsies',
      'who is at the VA in March?',
    ];
    for (const text of questions) expect(viaRead(text).text, text).toBe(viaFresh(text).text);
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

  it('validates again after an edit that keeps every file its size (the kept copy is compared)', async () => {
    const options = { dir: cacheDir, build: 'build-1' };
    await validateKnowledgeCached(knowledge.dir, options);
    await markCached();
    const before = await readdir(cacheDir);
    await editFile(knowledge.dir, 'program.yaml', (t) => {
      expect(t).toContain('name: Duke Interventional Radiology');
      return t.replace('name: Duke Interventional Radiology', 'name: Dune Interventional Radiology');
    });
    const edited = await validateKnowledgeCached(knowledge.dir, options);
    expect(edited.knowledge?.program.name).toBe('Dune Interventional Radiology');
    // The same name, so the new result took the old one's place.
    expect(await readdir(cacheDir)).toEqual(before);
  });

  it('never keeps a result with errors: the next run reports them again', async () => {
    await editFile(knowledge.dir, 'program.yaml', (t) => t.replace('\nprogram:', '\nprogram: [broken'));
    const options = { dir: cacheDir, build: 'build-1' };
    const first = await validateKnowledgeCached(knowledge.dir, options);
    expect(first.knowledge).toBeNull();
    expect(first.problems.some((p) => p.severity === 'error')).toBe(true);
    expect((await readdir(cacheDir)).filter((n) => n.endsWith('.v8'))).toEqual([]);
  });

  it('ignores a cache folder others may write to, and a corrupt cached file', async () => {
    const options = { dir: cacheDir, build: 'build-1' };
    await validateKnowledgeCached(knowledge.dir, options);
    await markCached();
    await chmod(cacheDir, 0o777);
    const shared = await validateKnowledgeCached(knowledge.dir, options);
    expect(shared.knowledge?.program.name).toBe('Duke Interventional Radiology');
    await chmod(cacheDir, 0o700);
    const [name] = (await readdir(cacheDir)).filter((n) => n.endsWith('.v8'));
    await writeFile(join(cacheDir, name!), (await readFile(join(cacheDir, name!))).subarray(0, 200));
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
