// Runs a CommonJS bundle with V8's code cache: the bytecode of every function a run compiled is
// kept after the first run and handed to V8 by the next, which then compiles next to nothing.
// The cache is one file per build of the bundle, per place it is installed and per Node version:
// named by the build id the bundle carries near its top (V8 itself checks only a source's
// length), a hash of its path and the Node version. It lives in a folder only this user can
// write, like the knowledge cache; a cache that cannot be read or written only costs speed.
const { isAscii } = require('node:buffer');
const {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} = require('node:fs');
const { createRequire, Module } = require('node:module');
const { tmpdir } = require('node:os');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

/**
 * This user's cache folder (shared with the knowledge cache), or undefined when it is not
 * private: a real folder (lstat: a symbolic link another user made could be pointed elsewhere
 * later), owned by this user and writable by nobody else.
 */
function privateCacheDir() {
  const dir = join(
    tmpdir(),
    `rotabot-cache-${typeof process.getuid === 'function' ? process.getuid() : 'user'}`,
  );
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const info = lstatSync(dir);
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

/** True when this is the first run to look for this cache (and marks that it has been). */
function markFirstRun(mark) {
  try {
    writeFileSync(mark, '', { flag: 'wx', mode: 0o600 });
    return true;
  } catch {
    return false;
  }
}

/**
 * A file's text. The build writes the bundle in ASCII, which read as Latin-1 is the same text
 * made in half the time: decoding UTF-8 builds a two-byte string of the whole file.
 */
function textOf(bytes) {
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
}

/**
 * How the build opens a bundle (after its build id), and closes it: the bundle is the function
 * Node would wrap its text in, which calls itself when Node loads the file as a module (as the
 * Docker image's `rotabot` does: `this` is then the module's exports) and is otherwise, run as a
 * script (`this` is the global object), the script's value, for the runner to call.
 * Run so, V8 is given the file's text as it was read: wrapping it is another copy of 700 KB,
 * and memory met for the first time is what a start-up spends most on.
 */
const OPENING =
  '((main) => this === globalThis ? main : main.call(this, exports, require, module, __filename, __dirname))' +
  '(function (exports, require, module, __filename, __dirname) {';
const CLOSING = '\n});';

/** 16 hex digits naming a path (FNV-1a, two lanes): a name, not a secret, so no crypto to load. */
function nameOf(text) {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (a >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/**
 * What V8 is given for a bundle's text, and its build id (none: not built by scripts/build.js).
 * A bundle the build wrapped is given as it is, the very string read; any other file is wrapped
 * as Node would.
 */
function scriptOf(text) {
  const head = /^(?:#!.*\n)?\/\/ rotabot build ([\w-]+)\n/.exec(text.slice(0, 300));
  const wrapped = head !== null && text.startsWith(OPENING, head[0].length);
  return { source: wrapped ? text : Module.wrap(text.replace(/^#!.*/, '')), build: head?.[1] };
}

/**
 * Loads `file` (CommonJS) as require would, once (it is in require's cache), with the code cache
 * of its build when there is one, and gives back what it exported: how the server loads a
 * platform's SDK, bundled on its own.
 */
function loadWithCodeCache(file) {
  return (Module._cache[file] ?? { exports: runWithCodeCache(file) }).exports;
}

/**
 * Runs `file` (CommonJS) as Node would, with the code cache of its build when there is one, and
 * gives back what it exported.
 */
function runWithCodeCache(file) {
  // No build id: no cache, since nothing would tell builds apart.
  const { source, build } = scriptOf(textOf(readFileSync(file)));
  const dir = build && privateCacheDir();
  const place = nameOf(file);
  // This install's files for this Node version; another checkout's or version's are left alone.
  const prefix = `code-${place}-${process.version}-`;
  const cacheFile = dir && join(dir, `${prefix}${build}.bin`);
  const cachedData = cacheFile && readOrNothing(cacheFile);
  const script = new vm.Script(source, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  // The first run of a build only leaves a mark: it also validates the knowledge base (whose
  // cache is per build), so what it compiled is what most runs never need. The next run, with
  // the validated knowledge read back, writes the cache: a third smaller, so quicker to read.
  const firstRun = cacheFile && !cachedData && markFirstRun(`${cacheFile}.seen`);
  if (cacheFile && !firstRun && (!cachedData || script.cachedDataRejected)) {
    // Written when the run ends, so the cache holds what the run compiled, not only the top level.
    process.once('exit', () => {
      try {
        rmSync(`${cacheFile}.seen`, { force: true });
        const temporary = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
        renameSync(temporary, cacheFile);
        // Earlier builds' caches of this install are of no more use, nor any left unused for a
        // month (other checkouts, other Node versions). Half-written files of other runs are theirs.
        const monthAgo = Date.now() - 30 * 24 * 3600 * 1000;
        for (const name of readdirSync(dir)) {
          const ours = name.endsWith('.bin') || name.endsWith('.seen');
          if (!name.startsWith('code-') || !ours || join(dir, name) === cacheFile) continue;
          const path = join(dir, name);
          if (name.startsWith(prefix) || lstatSync(path).mtimeMs < monthAgo) rmSync(path, { force: true });
        }
      } catch {
        // Next run compiles again.
      }
    });
  }
  const module = new Module(file);
  module.filename = file;
  module.paths = Module._nodeModulePaths(dirname(file));
  // In require's cache, as Node puts a module it loads: once, and listed with the others.
  Module._cache[file] = module;
  try {
    // As Node calls a module: `this` is its exports.
    script
      .runInThisContext()
      .call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  } catch (error) {
    // As require does: a module that threw is not kept, so the next load runs it again.
    delete Module._cache[file];
    throw error;
  }
  module.loaded = true;
  return module.exports;
}

module.exports = { CLOSING, OPENING, loadWithCodeCache, privateCacheDir, runWithCodeCache, scriptOf };
