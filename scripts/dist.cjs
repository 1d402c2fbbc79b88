// What dist/ is built from, where the command line is built, and whether dist/ is out of date.
// CommonJS, so the bins (bin/, CommonJS too) ask it without starting Node's ES module loader:
// a short command would pay for that loader, and this is asked on every run.
const { statSync, readdirSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');

/** Where the command line and the server are built, relative to dist/. */
const CLI_FILE = 'cli/rotabot.cjs';
const SERVER_FILE = 'server/main.cjs';

// What the build reads: a change to any of these makes dist/ stale.
const INPUTS = [
  'src',
  'adapters',
  'package.json',
  'package-lock.json',
  'bin/code-cache.js',
  'scripts/build.js',
  'scripts/dist.cjs',
  'scripts/import-meta-url.js',
];

/** The newest modification time under `path` (0 when it is missing). Every run asks, so: one stat per file. */
function newestInput(path) {
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info) return 0;
  // Files only: a folder's own time changes when a file is removed, and a removed file that
  // mattered changed the files that imported it.
  return info.isDirectory() ? newestIn(path, 0) : info.mtimeMs;
}

function newestIn(dir, newest) {
  // Entries with their types: a folder is walked without a stat of its own. Paths are joined
  // by hand: they are built from clean parts, and normalising each one was a third of the walk.
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'app-package') continue;
    const path = `${dir}/${entry.name}`;
    // A file gone since the listing, or a dangling link (an editor's lock file), counts as nothing.
    const time = entry.isDirectory()
      ? newestIn(path, 0)
      : (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0);
    newest = Math.max(newest, time);
  }
  return newest;
}

/** True when dist/ is missing or older than a source file (a published copy without sources never is). */
function isStale(at = root) {
  let built;
  try {
    built = statSync(join(at, 'dist', '.built')).mtimeMs;
  } catch {
    return true;
  }
  return INPUTS.some((input) => newestInput(join(at, input)) > built);
}

module.exports = { CLI_FILE, SERVER_FILE, isStale };
