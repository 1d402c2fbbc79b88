import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { choosePlugins } from '../../adapters/plugins.js';
import { createServer } from '../../adapters/server/create-server.js';
import {
  APP_PACKAGE_DIR,
  fillManifest,
  PackageError,
  packageTeamsApp,
} from '../../adapters/teams/package-app.js';
import { loadConfig, loadPackagingConfig } from '../../src/config.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { staticSource } from '../../src/runtime.js';
import { createTestRuntime } from '../support/runtime.js';

const APP_ID = '0b5b3a2e-1111-4a4a-9c9c-5e5e5e5e5e5e';
const configured = loadConfig({
  MicrosoftAppId: APP_ID,
  MicrosoftAppPassword: 's',
  PUBLIC_URL: 'https://bot.example.org/',
});

/** Reads a zip through its central directory: name → uncompressed bytes. */
function unzip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(data) : data);
    at += 46 + skip;
  }
  return files;
}

describe('npm run teams:package', () => {
  it('zips the filled manifest and both icons at the root of teams-app.zip', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'teams-app-')), 'teams-app.zip');
    await packageTeamsApp(configured, out);
    const files = unzip(readFileSync(out));
    expect([...files.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    expect(manifest.manifestVersion).toBe('1.17');
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(manifest.bots[0].scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(JSON.stringify(manifest)).not.toContain('{{');
    expect(files.get('color.png')).toEqual(readFileSync(join(APP_PACKAGE_DIR, 'color.png')));
  });

  it("links the app's website, privacy and terms to the server's own pages under PUBLIC_URL", async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'teams-app-')), 'teams-app.zip');
    await packageTeamsApp(configured, out);
    const manifest = JSON.parse(unzip(readFileSync(out)).get('manifest.json')!.toString('utf8'));
    const { websiteUrl, privacyUrl, termsOfUseUrl } = manifest.developer;
    expect([websiteUrl, privacyUrl, termsOfUseUrl]).toEqual([
      'https://bot.example.org/about',
      'https://bot.example.org/privacy',
      'https://bot.example.org/terms',
    ]);
    // Each is a page this server serves, with the program's name on it.
    const knowledge = await loadKnowledge('knowledge');
    const runtime = createTestRuntime({
      env: { SCHEDULER: 'off', MicrosoftAppId: APP_ID, MicrosoftAppPassword: 's' },
      knowledge: staticSource(knowledge),
    });
    const server = await createServer(runtime, await choosePlugins(runtime));
    try {
      const { port } = await server.listen(0, '127.0.0.1');
      for (const link of [websiteUrl, privacyUrl, termsOfUseUrl]) {
        const res = await fetch(`http://127.0.0.1:${port}${new URL(link).pathname}`);
        expect(res.status, link).toBe(200);
        expect(await res.text()).toContain(knowledge.program.name);
      }
    } finally {
      await server.close();
    }
  });

  it('ships real PNG icons of the sizes Teams requires', () => {
    for (const [file, size] of [
      ['color.png', 192],
      ['outline.png', 32],
    ] as const) {
      const png = readFileSync(join(APP_PACKAGE_DIR, file));
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  it('fails clearly without MicrosoftAppId, with a non-GUID id, or without an https PUBLIC_URL', () => {
    const template = readFileSync(join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8');
    expect(() => fillManifest(template, loadConfig({ PUBLIC_URL: 'https://x.org' }))).toThrow(
      /MicrosoftAppId is not set/,
    );
    expect(() =>
      fillManifest(
        template,
        loadConfig({ MicrosoftAppId: 'my-bot', MicrosoftAppPassword: 's', PUBLIC_URL: 'https://x.org' }),
      ),
    ).toThrow(PackageError);
    expect(() =>
      fillManifest(template, loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 's' })),
    ).toThrow(/PUBLIC_URL/);
  });

  it('needs only the app id and the public URL: no app password to package', () => {
    const env = {
      MicrosoftAppId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
      PUBLIC_URL: 'https://rotabot.example.org',
    };
    expect(() => loadConfig(env)).toThrow(/MicrosoftAppPassword/);
    const manifest = JSON.parse(
      fillManifest(readFileSync(join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8'), loadPackagingConfig(env)),
    );
    expect(manifest.id).toBe(env.MicrosoftAppId);
    expect(manifest.developer.websiteUrl).toBe('https://rotabot.example.org/about');
  });
});
