import { readdirSync, readFileSync } from 'node:fs';
import { lstat, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { reviveVocabulary, type Vocabulary, vocabularyOf } from '../core/vocabulary.js';
import { InvalidFileError } from '../problem.js';
import { type IntlMemo, intlMemoOf, rememberIntl } from '../time/intl-memo.js';
import type { KnowledgeValidation } from './load.js';
import type { Knowledge } from './schema.js';

/**
 * The validated knowledge base, remembered between runs. Parsing the YAML and validating it
 * is most of a start-up's work, yet the files rarely change: a run whose files are byte for
 * byte those of an earlier successful run of the same build reads the earlier result instead
 * (and never loads the YAML parser or the schemas). Any change, or a different build, is a miss
 * and validates in full. Only results with no error are kept; warnings are kept with them, and
 * so is what Intl answers for the program's zone and locale (src/time/intl-memo.ts).
 *
 * A result keeps a copy of the files it was made from, and is used only when every file is the
 * same to the byte: no digest to trust (and node:crypto, 5 ms of a short command, is not loaded).
 */

/** Set by the build (one id per build); absent under tsx and the test runner, which never cache. */
declare const __ROTABOT_BUILD__: string | undefined;

const BUILD = typeof __ROTABOT_BUILD__ === 'string' ? __ROTABOT_BUILD__ : undefined;
const MAX_CACHED_BYTES = 4 * 1024 * 1024;
const KEEP_FILES = 16;
const SUFFIX = '.v8';

export interface KnowledgeCacheOptions {
  /** Where results are kept; default a folder of this user's under the system temp folder. */
  dir?: string;
  /** The build the results belong to; default the running build (none: no cache). */
  build?: string;
}

function defaultCacheDir(): string {
  const user = typeof process.getuid === 'function' ? String(process.getuid()) : 'user';
  return join(tmpdir(), `rotabot-cache-${user}`);
}

/**
 * A folder only this user can write, so nobody else can plant a result in it: a real folder
 * (lstat: a symbolic link another user made, even to a folder of ours, is refused, since they
 * could point it elsewhere later), owned by this user, writable by nobody else.
 */
async function privateDir(dir: string): Promise<boolean> {
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const info = await lstat(dir);
    const mine = typeof process.getuid !== 'function' || info.uid === process.getuid();
    return info.isDirectory() && mine && (info.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/** The folder's YAML files as they are now, in name order; undefined: too large to cache. */
interface Sources {
  names: string[];
  contents: Buffer[];
}

function sourcesOf(knowledgeDir: string): Sources | undefined {
  try {
    // Read in one go, without a round trip to the file thread per file: a short command's
    // start-up waits on this, and the files are a few kilobytes each.
    const names = readdirSync(knowledgeDir)
      .filter((n) => /\.ya?ml$/i.test(n))
      .sort();
    let bytes = 0;
    const contents: Buffer[] = [];
    for (const name of names) {
      const content = readFileSync(join(knowledgeDir, name));
      bytes += content.length;
      if (bytes > MAX_CACHED_BYTES) return undefined;
      contents.push(content);
    }
    return { names, contents };
  } catch {
    return undefined;
  }
}

/**
 * 16 hex digits naming a text (FNV-1a, two lanes): a file name, not a check of its content. The
 * code cache is named the same way in bin/code-cache.js, which runs before any bundle is loaded
 * and is shipped on its own (dist/code-cache.cjs), so the two cannot share one function.
 */
function nameOf(text: string): string {
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
 * Where the result for these files is kept: named by the build, this Node (V8's serialization is
 * read back by the V8 that wrote it), the folder and each file's name and size. Versions of the
 * files alike in all that share the name; the copy kept inside tells them apart.
 */
function fileNameOf(knowledgeDir: string, build: string, sources: Sources): string {
  const files = sources.names.map((name, i) => `${name}\0${sources.contents[i]!.length}`);
  return `knowledge-${nameOf([build, process.version, knowledgeDir, ...files].join('\0'))}${SUFFIX}`;
}

/** True when `kept` holds exactly these files, byte for byte. */
function sameSources(kept: Partial<Sources> | undefined, now: Sources): boolean {
  const { names, contents } = kept ?? {};
  if (!Array.isArray(names) || !Array.isArray(contents) || names.length !== now.names.length) return false;
  return now.names.every((name, i) => {
    const content = contents[i];
    return (
      names[i] === name &&
      content instanceof Uint8Array &&
      Buffer.from(content.buffer, content.byteOffset, content.byteLength).equals(now.contents[i]!)
    );
  });
}

/**
 * A kept result: the validation, what Intl answers for the program's zone and locale, and the
 * vocabulary compiled from it (every name and alias indexed: 20 ms of a short command's first
 * question). Kept in V8's own serialization, which keeps the vocabulary's maps and sets and its
 * references into the knowledge base as they are: read back in 2–3 ms.
 */
type Kept = KnowledgeValidation & { sources: Sources; intl?: IntlMemo; vocabulary?: Vocabulary };

async function readResult(file: string, sources: Sources): Promise<Omit<Kept, 'sources'> | undefined> {
  try {
    const value = deserialize(readFileSync(file)) as Partial<Kept>;
    if (!value || typeof value.knowledge !== 'object' || !value.knowledge || !Array.isArray(value.problems))
      return undefined;
    if (!sameSources(value.sources, sources)) return undefined;
    const vocabulary = value.vocabulary?.knowledge === value.knowledge ? value.vocabulary : undefined;
    return {
      knowledge: value.knowledge as Knowledge,
      problems: value.problems,
      intl: value.intl,
      vocabulary,
    };
  } catch {
    return undefined;
  }
}

async function writeResult(dir: string, file: string, result: Kept): Promise<void> {
  try {
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, serialize(result), { mode: 0o600 });
    await rename(temporary, file);
    const kept = (await readdir(dir)).filter((n) => n.startsWith('knowledge-') && n.endsWith(SUFFIX));
    if (kept.length <= KEEP_FILES) return;
    const dated = await Promise.all(
      kept.map(async (n) => ({ n, t: (await stat(join(dir, n)).catch(() => null))?.mtimeMs ?? 0 })),
    );
    dated.sort((a, b) => a.t - b.t);
    await Promise.all(
      dated.slice(0, dated.length - KEEP_FILES).map(({ n }) => rm(join(dir, n), { force: true })),
    );
  } catch {
    // A cache that cannot be written only costs the next start its speed.
  }
}

/** validateKnowledge, answered from an earlier identical run when there is one. */
export async function validateKnowledgeCached(
  knowledgeDir: string,
  options: KnowledgeCacheOptions = {},
): Promise<KnowledgeValidation> {
  const build = options.build ?? BUILD;
  const cacheDir = options.dir ?? defaultCacheDir();
  const sources = build ? sourcesOf(knowledgeDir) : undefined;
  const usable = build !== undefined && sources !== undefined && (await privateDir(cacheDir));
  const file = usable ? join(cacheDir, fileNameOf(knowledgeDir, build, sources)) : undefined;
  if (file && sources) {
    const hit = await readResult(file, sources);
    if (hit) {
      rememberIntl(hit.intl);
      if (hit.vocabulary) reviveVocabulary(hit.vocabulary);
      return { knowledge: hit.knowledge, problems: hit.problems };
    }
  }
  const { validateKnowledge } = await import('./load.js');
  const result = await validateKnowledge(knowledgeDir);
  if (file && sources && result.knowledge) {
    const { locale, time_zone } = result.knowledge.program;
    const intl = intlMemoOf(locale, time_zone);
    rememberIntl(intl);
    const kept: Kept = { ...result, sources, intl, vocabulary: vocabularyOf(result.knowledge) };
    await writeResult(cacheDir, file, kept);
  }
  return result;
}

/** loadKnowledge through the cache: throws InvalidFileError carrying every error found. */
export async function loadKnowledgeCached(
  knowledgeDir: string,
  options: KnowledgeCacheOptions = {},
): Promise<Knowledge> {
  const { knowledge, problems } = await validateKnowledgeCached(knowledgeDir, options);
  if (!knowledge) throw new InvalidFileError(problems.filter((p) => p.severity === 'error'));
  return knowledge;
}
