import { createWriteStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Archiver } from 'archiver';
import { ConfigError, loadPackagingConfig, type PackagingConfig } from '../../src/config.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import type { Knowledge } from '../../src/knowledge/schema.js';
import { InvalidFileError } from '../../src/problem.js';
import { findProgramFolders } from '../../src/programs/folders.js';
import { MANIFEST_LIMITS, type ManifestTexts, manifestTexts } from './manifest-texts.js';

/**
 * `npm run teams:package`: fills the app id, URLs and the program's names and descriptions (from
 * its knowledge base: KNOWLEDGE_DIR, or every program of PROGRAMS_DIR) into the Teams manifest and
 * zips it with the two icons into teams-app.zip, the file an admin or a developer uploads in Teams.
 */

// archiver 7 (installed) is a CommonJS factory; @types/archiver 8 describes archiver 8's classes.
const archiver = createRequire(import.meta.url)('archiver') as (
  format: 'zip',
  options?: { zlib?: { level: number } },
) => Archiver;

export const APP_PACKAGE_DIR = join(import.meta.dirname, 'app-package');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class PackageError extends Error {
  readonly code = 'teams_package_invalid';
  constructor(message: string) {
    super(message);
    this.name = 'PackageError';
  }
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8'));
  return String(pkg.version);
}

/** The knowledge bases the deployment serves, as the server reads them: PROGRAMS_DIR's, else KNOWLEDGE_DIR's. */
export async function servedKnowledge(
  config: Pick<PackagingConfig, 'KNOWLEDGE_DIR' | 'PROGRAMS_DIR'>,
): Promise<Knowledge[]> {
  const folders = config.PROGRAMS_DIR
    ? await findProgramFolders(config.PROGRAMS_DIR)
    : [config.KNOWLEDGE_DIR];
  return Promise.all(folders.map((folder) => loadKnowledge(folder)));
}

/** A value placed inside a JSON string of the template. */
function jsonText(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

/** The manifest with its placeholders filled; throws PackageError naming what to set. */
export function fillManifest(
  template: string,
  config: PackagingConfig,
  texts: ManifestTexts,
  version = packageVersion(),
): string {
  const appId = config.MicrosoftAppId;
  if (!appId) {
    throw new PackageError(
      'MicrosoftAppId is not set — set it to the Azure Bot\'s "Microsoft App ID" (see docs/teams.md) and run again',
    );
  }
  if (!GUID.test(appId)) {
    throw new PackageError(
      `MicrosoftAppId "${appId}" is not a GUID — Teams needs the Azure Bot's app id, e.g. 00000000-0000-0000-0000-000000000000`,
    );
  }
  const url = config.PUBLIC_URL?.replace(/\/+$/, '');
  if (!url?.startsWith('https://')) {
    throw new PackageError(
      "PUBLIC_URL is not an https URL — set it to this server's public address (the one the Azure Bot's messaging endpoint uses); Teams shows it as the app's website",
    );
  }
  const values: Record<string, string> = {
    MicrosoftAppId: appId,
    PUBLIC_URL: url,
    VERSION: version,
    DEVELOPER_NAME: jsonText(texts.developerName),
    SHORT_NAME: jsonText(texts.shortName),
    FULL_NAME: jsonText(texts.fullName),
    SHORT_DESCRIPTION: jsonText(texts.shortDescription),
    FULL_DESCRIPTION: jsonText(texts.fullDescription),
    WHO_COMMAND: jsonText(texts.whoCommand),
  };
  const filled = template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
  const left = filled.match(/\{\{\w+\}\}/);
  if (left) throw new PackageError(`manifest.json still has the placeholder ${left[0]} — nothing fills it`);
  checkLengths(JSON.parse(filled) as Manifest);
  return filled;
}

interface Manifest {
  developer: { name: string };
  name: { short: string; full: string };
  description: { short: string; full: string };
  bots?: Array<{ commandLists?: Array<{ commands: Array<{ title: string; description: string }> }> }>;
}

/** Teams refuses a manifest whose texts are longer than its schema allows: say which, before uploading. */
function checkLengths(m: Manifest): void {
  const fields: Array<[string, string, number]> = [
    ['developer.name', m.developer.name, MANIFEST_LIMITS.developerName],
    ['name.short', m.name.short, MANIFEST_LIMITS.shortName],
    ['name.full', m.name.full, MANIFEST_LIMITS.fullName],
    ['description.short', m.description.short, MANIFEST_LIMITS.shortDescription],
    ['description.full', m.description.full, MANIFEST_LIMITS.fullDescription],
    ...(m.bots ?? []).flatMap((b) =>
      (b.commandLists ?? []).flatMap((l) =>
        l.commands.flatMap(
          (c): Array<[string, string, number]> => [
            ['a command title', c.title, MANIFEST_LIMITS.whoCommand],
            ['a command description', c.description, 128],
          ],
        ),
      ),
    ),
  ];
  for (const [field, value, max] of fields) {
    const length = [...value].length;
    if (length > max)
      throw new PackageError(
        `manifest.json: ${field} "${value}" is ${length} characters; Teams allows ${max}`,
      );
  }
  if (m.name.short === m.name.full)
    throw new PackageError(
      'manifest.json: name.short and name.full are the same; Teams wants them different',
    );
}

export async function packageTeamsApp(
  config: PackagingConfig,
  outFile = resolve('teams-app.zip'),
  sourceDir = APP_PACKAGE_DIR,
): Promise<string> {
  const template = readFileSync(join(sourceDir, 'manifest.json'), 'utf8');
  const manifest = fillManifest(template, config, manifestTexts(await servedKnowledge(config)));
  const output = createWriteStream(outFile);
  const zip = archiver('zip', { zlib: { level: 9 } });
  const done = new Promise<void>((resolveDone, reject) => {
    output.on('close', resolveDone);
    output.on('error', reject);
    zip.on('error', reject);
  });
  zip.pipe(output);
  // Teams wants the three files at the root of the zip, not in a folder.
  zip.append(manifest, { name: 'manifest.json' });
  zip.file(join(sourceDir, 'color.png'), { name: 'color.png' });
  zip.file(join(sourceDir, 'outline.png'), { name: 'outline.png' });
  await zip.finalize();
  await done;
  return outFile;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    const file = await packageTeamsApp(loadPackagingConfig());
    console.log(
      `Wrote ${file}. Upload it in Teams: Apps → Manage your apps → Upload an app (see docs/teams.md).`,
    );
  } catch (error) {
    if (error instanceof PackageError || error instanceof ConfigError) {
      console.error(`teams:package: ${error.message}`);
      process.exit(1);
    }
    if (error instanceof InvalidFileError) {
      console.error(
        `teams:package: the knowledge base has mistakes — run \`npm run cli -- check\`:\n${error.message}`,
      );
      process.exit(1);
    }
    throw error;
  }
}
