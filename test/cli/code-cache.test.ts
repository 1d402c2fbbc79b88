import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createRequire, Module } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';

/**
 * bin/code-cache.js runs the command line's CommonJS bundle with V8's code cache. V8 checks only
 * a cached source's length, so the cache must follow the bundle's build, never its length.
 */
const loader = fileURLToPath(new URL('../../bin/code-cache.js', import.meta.url));
const codeCache = createRequire(import.meta.url)(loader) as {
  OPENING: string;
  CLOSING: string;
  scriptOf(text: string): { source: string; build: string | undefined };
};
const dir = mkdtempSync(join(tmpdir(), 'rotabot-code-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bundle = join(dir, 'bundle.cjs');
const temp = join(dir, 'tmp');
const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
const cacheDir = join(temp, `rotabot-cache-${uid}`);

beforeEach(() => {
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp);
});

function run(): { stdout: string; stderr: string } {
  const result = spawnSync(
    process.execPath,
    ['-e', `require(${JSON.stringify(loader)}).runWithCodeCache(${JSON.stringify(bundle)})`],
    { env: { PATH: process.env.PATH ?? '', TMPDIR: temp }, encoding: 'utf8', timeout: 30_000 },
  );
  return { stdout: result.stdout, stderr: result.stderr };
}

const cacheFiles = () => {
  try {
    return readdirSync(cacheDir).filter((n) => n.startsWith('code-'));
  } catch {
    return [];
  }
};

/** A bundle as the build writes one: shebang, build id, code. */
const write = (build: string, word: string) =>
  writeFileSync(
    bundle,
    `#!/usr/bin/env node\n// rotabot build ${build}\nconsole.log(require('node:path').basename(__filename), '${word}');\n`,
  );

describe('the code cache of the command line', () => {
  it('is written by the second run of a build, read by the next, and never stands in for a rebuilt bundle of the same length', () => {
    write('build-aaaa', 'alpha');
    const length = statSync(bundle).size;
    // The first run of a build only marks that it ran (it validates the knowledge base too, which
    // later runs read back): the cache it would write holds what most runs never need.
    expect(run().stdout).toBe('bundle.cjs alpha\n');
    expect(cacheFiles().filter((n) => n.endsWith('.bin'))).toEqual([]);
    expect(run().stdout).toBe('bundle.cjs alpha\n');
    expect(cacheFiles()).toHaveLength(1);
    expect(cacheFiles()[0]).toMatch(/build-aaaa\.bin$/);
    // The next run reads the cache and so does not write it again: its time stays as set here.
    const written = join(cacheDir, cacheFiles()[0]!);
    utimesSync(written, 1_600_000_000, 1_600_000_000);
    expect(run().stdout).toBe('bundle.cjs alpha\n');
    expect(statSync(written).mtimeMs).toBe(1_600_000_000_000);
    // Rebuilt: same length, other words, another build id. The old build's cache is replaced.
    write('build-bbbb', 'gamma');
    expect(statSync(bundle).size).toBe(length);
    expect(run().stdout).toBe('bundle.cjs gamma\n');
    expect(run().stdout).toBe('bundle.cjs gamma\n');
    expect(cacheFiles()).toHaveLength(1);
    expect(cacheFiles()[0]).toContain('build-bbbb');
    expect(run().stdout).toBe('bundle.cjs gamma\n');
  });

  it('runs a bundle the build wrapped as it is read, and the same file loaded by Node as a module', () => {
    // The build's form: the function Node would wrap the text in, calling itself under Node.
    const body =
      "console.log(require('node:path').basename(__filename), typeof exports, this === module.exports);";
    writeFileSync(
      bundle,
      `#!/usr/bin/env node\n// rotabot build build-eeee\n${codeCache.OPENING}\n${body}${codeCache.CLOSING}\n`,
    );
    for (let i = 0; i < 3; i++) expect(run()).toEqual({ stdout: 'bundle.cjs object true\n', stderr: '' });
    expect(cacheFiles().filter((n) => n.endsWith('.bin'))).toHaveLength(1);
    const direct = spawnSync(process.execPath, [bundle], { encoding: 'utf8', timeout: 30_000 });
    expect({ stdout: direct.stdout, stderr: direct.stderr }).toEqual({
      stdout: 'bundle.cjs object true\n',
      stderr: '',
    });
  });

  it("loads a bundle as require would: once, its exports given back, in require's cache, and its cache written beside another bundle's", () => {
    const sdk = join(dir, 'sdk.cjs');
    writeFileSync(
      sdk,
      `// rotabot build build-gggg\n${codeCache.OPENING}\nglobalThis.runs = (globalThis.runs ?? 0) + 1; module.exports = { answer: 42 };${codeCache.CLOSING}\n`,
    );
    write('build-hhhh', 'main');
    const script = [
      `const { loadWithCodeCache, runWithCodeCache } = require(${JSON.stringify(loader)});`,
      `runWithCodeCache(${JSON.stringify(bundle)});`,
      `const a = loadWithCodeCache(${JSON.stringify(sdk)});`,
      `const b = loadWithCodeCache(${JSON.stringify(sdk)});`,
      `console.log(a.answer, a === b, globalThis.runs, require(${JSON.stringify(sdk)}) === a);`,
    ].join('\n');
    const twice = () =>
      spawnSync(process.execPath, ['-e', script], {
        env: { PATH: process.env.PATH ?? '', TMPDIR: temp },
        encoding: 'utf8',
        timeout: 30_000,
      });
    for (let i = 0; i < 3; i++) {
      const result = twice();
      expect({ stdout: result.stdout, stderr: result.stderr }).toEqual({
        stdout: 'bundle.cjs main\n42 true 1 true\n',
        stderr: '',
      });
    }
    // One cache for each file: neither build's cache stands in for, or removes, the other's.
    expect(
      cacheFiles()
        .filter((n) => n.endsWith('.bin'))
        .map((n) => n.replace(/.*-(build-\w+)\.bin$/, '$1'))
        .sort(),
    ).toEqual(['build-gggg', 'build-hhhh']);
  });

  it('runs a bundle that threw again on the next load, as require does, instead of handing back what it left', () => {
    const sdk = join(dir, 'flaky.cjs');
    writeFileSync(
      sdk,
      `// rotabot build build-iiii\n${codeCache.OPENING}\nglobalThis.tries = (globalThis.tries ?? 0) + 1; if (globalThis.tries === 1) throw new Error('not yet'); module.exports = { ok: true };${codeCache.CLOSING}\n`,
    );
    const script = [
      `const { loadWithCodeCache } = require(${JSON.stringify(loader)});`,
      `try { loadWithCodeCache(${JSON.stringify(sdk)}); } catch (e) { console.log('first:', e.message); }`,
      `console.log('second:', JSON.stringify(loadWithCodeCache(${JSON.stringify(sdk)})), globalThis.tries);`,
    ].join('\n');
    const result = spawnSync(process.execPath, ['-e', script], {
      env: { PATH: process.env.PATH ?? '', TMPDIR: temp },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect({ stdout: result.stdout, stderr: result.stderr }).toEqual({
      stdout: 'first: not yet\nsecond: {"ok":true} 2\n',
      stderr: '',
    });
  });

  it('hands V8 a wrapped bundle as it was read, and wraps any other file as Node would', () => {
    const built = `#!/usr/bin/env node\n// rotabot build build-ffff\n${codeCache.OPENING}\nf();${codeCache.CLOSING}\n`;
    expect(codeCache.scriptOf(built)).toEqual({ source: built, build: 'build-ffff' });
    const plain = '#!/usr/bin/env node\n// rotabot build build-ffff\nf();\n';
    expect(codeCache.scriptOf(plain).source).toBe(Module.wrap('\n// rotabot build build-ffff\nf();\n'));
    expect(codeCache.scriptOf('f();\n')).toEqual({ source: Module.wrap('f();\n'), build: undefined });
  });

  it('runs a bundle beyond ASCII as the UTF-8 it is written in', () => {
    write('build-dddd', 'naïve’s café');
    expect(run().stdout).toBe('bundle.cjs naïve’s café\n');
    expect(run().stdout).toBe('bundle.cjs naïve’s café\n');
    expect(run().stdout).toBe('bundle.cjs naïve’s café\n');
  });

  it('is not kept for a bundle without a build id, nor in a folder others can write or a symbolic link', () => {
    writeFileSync(bundle, "console.log('plain');\n");
    expect(run().stdout).toBe('plain\n');
    expect(run().stdout).toBe('plain\n');
    expect(cacheFiles()).toEqual([]);

    write('build-cccc', 'open');
    mkdirSync(cacheDir, { mode: 0o700 });
    chmodSync(cacheDir, 0o777);
    run();
    const open = run();
    expect(open).toEqual({ stdout: 'bundle.cjs open\n', stderr: '' });
    expect(cacheFiles()).toEqual([]);

    // Another user's link to a folder of ours: refused, since they could point it elsewhere later.
    rmSync(cacheDir, { recursive: true });
    const ours = join(dir, 'ours');
    mkdirSync(ours, { mode: 0o700, recursive: true });
    symlinkSync(ours, cacheDir);
    run();
    expect(run()).toEqual({ stdout: 'bundle.cjs open\n', stderr: '' });
    expect(readdirSync(ours)).toEqual([]);
  });
});
