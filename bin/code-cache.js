// Runs a CommonJS bundle with V8's code cache: the bytecode of every function a run compiled is
// kept after the first run and handed to V8 by the next, which then compiles next to nothing.
// The cache is one file per build of the bundle (named by its size and modification time, since
// V8 itself checks only a source's length), in a folder only this user can write, like the
// knowledge cache; a cache that cannot be read or written only costs the run its speed.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import vm from 'node:vm';

/** This user's cache folder (shared with the knowledge cache), or undefined when it is not private. */
export function privateCacheDir() {
  const dir = join(
    tmpdir(),
    `rotabot-cache-${typeof process.getuid === 'function' ? process.getuid() : 'user'}`,
  );
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const info = statSync(dir);
    const mine = typeof process.getuid !== 'function' || info.uid === process.getuid();
    return info.isDirectory() && mine && (info.mode & 0o022) === 0 ? dir : undefined;
  } catch {
    return undefined;
  }
}

function readOrNothing(file) {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Runs `file` (CommonJS) as Node would, with the code cache of its build when there is one. */
export function runWithCodeCache(file) {
  const source = readFileSync(file, 'utf8').replace(/^#!.*/, '');
  const { size, mtimeMs } = statSync(file);
  const dir = privateCacheDir();
  const prefix = 'code-cli-';
  const cacheFile = dir && join(dir, `${prefix}${size}-${Math.round(mtimeMs)}.bin`);
  const cachedData = cacheFile && readOrNothing(cacheFile);
  const script = new vm.Script(Module.wrap(source), {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  if (cacheFile && (!cachedData || script.cachedDataRejected)) {
    // Written when the run ends, so the cache holds what the run compiled, not only the top level.
    process.once('exit', () => {
      try {
        const temporary = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
        renameSync(temporary, cacheFile);
        // Other builds' caches are of no more use.
        for (const name of readdirSync(dir)) {
          if (name.startsWith(prefix) && join(dir, name) !== cacheFile)
            rmSync(join(dir, name), { force: true });
        }
      } catch {
        // Next run compiles again.
      }
    });
  }
  const module = new Module(file);
  module.filename = file;
  module.paths = Module._nodeModulePaths(dirname(file));
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
}
