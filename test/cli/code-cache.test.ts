import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * bin/code-cache.js runs the command line's CommonJS bundle with V8's code cache. V8 checks only
 * a cached source's length, so the cache must follow the bundle's build, never its length.
 */
const loader = fileURLToPath(new URL('../../bin/code-cache.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'rotabot-code-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bundle = join(dir, 'bundle.cjs');
const temp = join(dir, 'tmp');

function run(): { stdout: string; stderr: string } {
  const result = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import(${JSON.stringify(loader)}).then((m) => m.runWithCodeCache(${JSON.stringify(bundle)}))`,
    ],
    { env: { PATH: process.env.PATH ?? '', TMPDIR: temp }, encoding: 'utf8', timeout: 30_000 },
  );
  return { stdout: result.stdout, stderr: result.stderr };
}

const cacheFiles = () => {
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  try {
    return readdirSync(join(temp, `rotabot-cache-${uid}`)).filter((n) => n.startsWith('code-cli-'));
  } catch {
    return [];
  }
};

describe('the code cache of the command line', () => {
  it('is written by a first run, read by the next, and never stands in for a rebuilt bundle of the same length', () => {
    const write = (word: string, when: number) => {
      writeFileSync(
        bundle,
        `#!/usr/bin/env node\nconsole.log(require('node:path').basename(__filename), '${word}');\n`,
      );
      utimesSync(bundle, when, when);
    };
    write('alpha', 1_700_000_000);
    const length = statSync(bundle).size;
    expect(run().stdout).toBe('bundle.cjs alpha\n');
    expect(cacheFiles()).toHaveLength(1);
    expect(run().stdout).toBe('bundle.cjs alpha\n');
    // Rebuilt: same length, other words, a later time. The old build's cache is replaced.
    write('gamma', 1_700_000_100);
    expect(statSync(bundle).size).toBe(length);
    expect(run().stdout).toBe('bundle.cjs gamma\n');
    expect(cacheFiles()).toHaveLength(1);
    expect(run().stdout).toBe('bundle.cjs gamma\n');
  });

  it('is not kept in a folder other users can write', () => {
    const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
    const shared = join(temp, `rotabot-cache-${uid}`);
    for (const name of cacheFiles()) rmSync(join(shared, name));
    chmodSync(shared, 0o777);
    writeFileSync(bundle, "console.log('open');\n");
    const { stdout, stderr } = run();
    expect(stdout).toBe('open\n');
    expect(stderr).toBe('');
    expect(cacheFiles()).toEqual([]);
    chmodSync(shared, 0o700);
  });
});
