import { createWriteStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Archiver } from 'archiver';
import { ConfigError, loadPackagingConfig, type PackagingConfig } from '../../src/config.js';

/**
 * `npm run teams:package`: fills the app id and URLs into the Teams manifest and zips it with the
 * two icons into teams-app.zip, the file an admin or a developer uploads in Teams.
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

/** The manifest with its placeholders filled; throws PackageError naming what to set. */
export function fillManifest(template: string, config: PackagingConfig, version = packageVersion()): string {
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
  const values: Record<string, string> = { MicrosoftAppId: appId, PUBLIC_URL: url, VERSION: version };
  const filled = template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
  const left = filled.match(/\{\{\w+\}\}/);
  if (left) throw new PackageError(`manifest.json still has the placeholder ${left[0]} — nothing fills it`);
  JSON.parse(filled);
  return filled;
}

export async function packageTeamsApp(
  config: PackagingConfig,
  outFile = resolve('teams-app.zip'),
  sourceDir = APP_PACKAGE_DIR,
): Promise<string> {
  const manifest = fillManifest(readFileSync(join(sourceDir, 'manifest.json'), 'utf8'), config);
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
    throw error;
  }
}
