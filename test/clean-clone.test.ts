import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `git clone` + `npm install` must leave the clone as git checked it out: nothing the install
 * runs (the `prepare` build) may write a tracked file or a file .gitignore does not cover.
 * The clone is made in a temp folder from this repository's own commits and reuses its
 * node_modules through a symlink (no download).
 */

const ROOT = resolve(import.meta.dirname, '..');
/** The scripts `npm install` runs for the package itself, in npm's order. */
const INSTALL_SCRIPTS = [
  'preinstall',
  'install',
  'postinstall',
  'prepublish',
  'preprepare',
  'prepare',
  'postprepare',
];

// A test run from a git hook inherits GIT_DIR and friends: they would point every command here.
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('GIT_')));
const hasGit = spawnSync('git', ['--version'], { env }).status === 0;
if (!hasGit) console.warn('clean-clone test skipped: git is not installed');

function run(command: string, args: string[], cwd: string, extra: Record<string, string> = {}): string {
  const result = spawnSync(command, args, { cwd, env: { ...env, ...extra }, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} exited ${result.status}: ${result.stderr || result.stdout}`,
    );
  }
  return result.stdout;
}

describe('a fresh clone', () => {
  const temp = mkdtempSync(join(tmpdir(), 'rotabot-clone-'));
  const clone = join(temp, 'rotabot');
  afterAll(() => {
    // The link first, so removing the clone can never reach the shared node_modules.
    if (existsSync(join(clone, 'node_modules'))) unlinkSync(join(clone, 'node_modules'));
    rmSync(temp, { recursive: true, force: true });
  });

  it.skipIf(!hasGit)(
    'stays clean after what `npm install` runs (the prepare build)',
    () => {
      run('git', ['clone', '--quiet', ROOT, clone], temp);
      expect(run('git', ['status', '--porcelain'], clone)).toBe('');
      symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'), 'dir');

      const { scripts = {} } = JSON.parse(readFileSync(join(clone, 'package.json'), 'utf8')) as {
        scripts?: Record<string, string>;
      };
      const ran = INSTALL_SCRIPTS.filter((name) => scripts[name]);
      expect(ran).toContain('prepare');
      // As npm runs them: in the package folder, with its .bin on the PATH.
      const path = `${join(clone, 'node_modules', '.bin')}${delimiter}${env.PATH ?? ''}`;
      for (const name of ran)
        run('sh', ['-c', scripts[name]!], clone, { PATH: path, npm_lifecycle_event: name });

      expect(existsSync(join(clone, 'dist', '.built')), 'the prepare build ran').toBe(true);
      expect(run('git', ['status', '--porcelain', '--untracked-files=all'], clone)).toBe('');
    },
    60_000,
  );
});
