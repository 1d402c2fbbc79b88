import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { choosePlugins } from '../../adapters/plugins.js';
import { createServer } from '../../adapters/server/create-server.js';
import { fitText, MANIFEST_LIMITS, manifestTexts } from '../../adapters/teams/manifest-texts.js';
import {
  APP_PACKAGE_DIR,
  fillManifest,
  PackageError,
  packageTeamsApp,
} from '../../adapters/teams/package-app.js';
import { loadConfig, loadPackagingConfig } from '../../src/config.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { staticSource } from '../../src/runtime.js';
import { CEDAR_VALLEY_DR, DUKE_IR, TEMPLATE } from '../support/programs.js';
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

interface TeamsManifest {
  developer: { name: string; websiteUrl: string };
  name: { short: string; full: string };
  description: { short: string; full: string };
  bots: Array<{ commandLists: Array<{ commands: Array<{ title: string }> }> }>;
}

const TEMPLATE_TEXT = readFileSync(join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8');
const duke = await loadKnowledge(DUKE_IR.dir);
const dukeTexts = manifestTexts([duke]);

async function packaged(env: Record<string, string>): Promise<TeamsManifest> {
  const out = join(mkdtempSync(join(tmpdir(), 'teams-app-')), 'teams-app.zip');
  await packageTeamsApp(
    loadPackagingConfig({ MicrosoftAppId: APP_ID, PUBLIC_URL: 'https://bot.example.org', ...env }),
    out,
  );
  return JSON.parse(unzip(readFileSync(out)).get('manifest.json')!.toString('utf8'));
}

/** Every text the manifest shows, with its schema limit. */
function shownTexts(manifest: TeamsManifest): Array<[string, string, number]> {
  return [
    ['developer.name', manifest.developer.name, 32],
    ['name.short', manifest.name.short, 30],
    ['name.full', manifest.name.full, 100],
    ['description.short', manifest.description.short, 80],
    ['description.full', manifest.description.full, 4000],
    ...manifest.bots[0].commandLists.flatMap((l) =>
      l.commands.map((c): [string, string, number] => ['command', c.title, 32]),
    ),
  ];
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
    const template = TEMPLATE_TEXT;
    expect(() => fillManifest(template, loadConfig({ PUBLIC_URL: 'https://x.org' }), dukeTexts)).toThrow(
      /MicrosoftAppId is not set/,
    );
    expect(() =>
      fillManifest(
        template,
        loadConfig({ MicrosoftAppId: 'my-bot', MicrosoftAppPassword: 's', PUBLIC_URL: 'https://x.org' }),
        dukeTexts,
      ),
    ).toThrow(PackageError);
    expect(() =>
      fillManifest(template, loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 's' }), dukeTexts),
    ).toThrow(/PUBLIC_URL/);
  });

  it('needs only the app id and the public URL: no app password to package', () => {
    const env = {
      MicrosoftAppId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
      PUBLIC_URL: 'https://rotabot.example.org',
    };
    expect(() => loadConfig(env)).toThrow(/MicrosoftAppPassword/);
    const manifest = JSON.parse(fillManifest(TEMPLATE_TEXT, loadPackagingConfig(env), dukeTexts));
    expect(manifest.id).toBe(env.MicrosoftAppId);
    expect(manifest.developer.websiteUrl).toBe('https://rotabot.example.org/about');
  });
});

describe("the Teams app's names and descriptions, from the knowledge base", () => {
  const limitsHold = (manifest: TeamsManifest) => {
    for (const [field, text, max] of shownTexts(manifest)) {
      expect(text.length, `${field}: ${text}`).toBeGreaterThan(0);
      expect([...text].length, `${field}: ${text}`).toBeLessThanOrEqual(max);
    }
    expect(manifest.name.short).not.toBe(manifest.name.full);
  };

  it("names Duke IR's program and institution for KNOWLEDGE_DIR=knowledge", async () => {
    const manifest = await packaged({ KNOWLEDGE_DIR: DUKE_IR.dir });
    expect(manifest.developer.name).toBe(duke.program.name);
    expect(manifest.name.full).toContain(duke.program.name);
    expect(manifest.description.full).toContain(duke.program.institution);
    expect(manifest.description.full).toContain(duke.program.summary.split('. ')[0]);
    expect(manifest.description.short).toMatch(/\bIR\b.*procedures/);
    limitsHold(manifest);
  });

  it('names another program only by its own names: nothing of IR is left', async () => {
    const cedar = await loadKnowledge(CEDAR_VALLEY_DR.dir);
    const manifest = await packaged({ KNOWLEDGE_DIR: CEDAR_VALLEY_DR.dir });
    const all = JSON.stringify(manifest);
    expect(all).not.toMatch(/\bIR\b|interventional|Duke/i);
    // "Cedar Valley Diagnostic Radiology" is 33 characters: the publisher is its short form.
    expect(cedar.program.name.length).toBeGreaterThan(32);
    expect(manifest.developer.name).toBe('Cedar Valley DR');
    expect(manifest.name.short).toBe('Rotabot DR');
    expect(manifest.name.full).toContain(cedar.program.name);
    expect(manifest.description.full).toContain(cedar.program.institution);
    expect(manifest.bots[0].commandLists[0].commands.map((c) => c.title)).toContain(
      'who is on DR this month',
    );
    limitsHold(manifest);
  });

  it('does not promise procedure answers for a program without a procedures list (the template)', async () => {
    const template = await loadKnowledge(TEMPLATE.dir);
    expect(template.procedures).toEqual([]);
    const manifest = await packaged({ KNOWLEDGE_DIR: TEMPLATE.dir });
    expect(JSON.stringify(manifest.description)).not.toMatch(/procedure/i);
    expect(manifest.developer.name).toBe(template.program.name);
    limitsHold(manifest);
  });

  it('gives a department serving several programs neutral names, listing each program', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teams-programs-'));
    cpSync(DUKE_IR.dir, join(dir, 'duke-ir'), { recursive: true });
    cpSync(CEDAR_VALLEY_DR.dir, join(dir, 'cedar-valley-dr'), { recursive: true });
    const cedar = await loadKnowledge(CEDAR_VALLEY_DR.dir);
    const manifest = await packaged({ PROGRAMS_DIR: dir });
    const names = [
      manifest.developer.name,
      manifest.name.short,
      manifest.name.full,
      manifest.description.short,
    ];
    for (const program of [duke.program, cedar.program]) {
      for (const name of names) expect(name).not.toContain(program.name);
      expect(manifest.description.full).toContain(`${program.name} (${program.institution})`);
    }
    expect(names.join(' ')).not.toMatch(/\binterventional\b|\bdiagnostic\b/i);
    expect(manifest.developer.name).toBe('Residency programs');
    expect(manifest.name.short).toBe('Rotabot');
    limitsHold(manifest);
  });

  it('a programs folder of one program is named as that program, as the server serves it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teams-programs-'));
    cpSync(CEDAR_VALLEY_DR.dir, join(dir, 'cedar-valley-dr'), { recursive: true });
    expect((await packaged({ PROGRAMS_DIR: dir })).developer.name).toBe('Cedar Valley DR');
  });

  it('programs of one institution are published by it', () => {
    const other = { ...duke, program: { ...duke.program, id: 'duke-dr', name: 'Duke Diagnostic Radiology' } };
    const texts = manifestTexts([duke, other]);
    expect(texts.developerName).toBe(duke.program.institution);
    expect(texts.fullName).toBe(`Rotabot: ${duke.program.institution} residency rotations assistant`);
  });

  it('cuts over-long names and descriptions at a word, within every limit', () => {
    const long = {
      ...duke,
      program: {
        ...duke.program,
        name: 'The Extraordinarily Long-Named Regional Consortium Program in Vascular and Interventional Radiology',
        short_name: 'Vascular and Interventional Radiology',
        institution:
          'The University Hospitals of a Very Large Metropolitan Region and Its Affiliated Clinics',
        summary: Array.from({ length: 120 }, (_, i) => `Sentence number ${i + 1} says something true.`).join(
          ' ',
        ),
      },
    };
    const texts = manifestTexts([long]);
    for (const [field, max] of Object.entries(MANIFEST_LIMITS)) {
      const text = texts[field as keyof typeof texts];
      expect([...text].length, `${field}: ${text}`).toBeLessThanOrEqual(max);
    }
    expect(texts.developerName).toMatch(/^The Extraordinarily Long-Named…$/);
    expect(texts.shortName).toBe('Rotabot');
    // Whole sentences of the summary are kept, never half of one.
    expect(texts.fullDescription).toMatch(
      /Sentence number \d+ says something true\. Ask it in a personal chat/,
    );
    expect(texts.fullDescription).not.toContain('Sentence number 120 ');
    const manifest = JSON.parse(fillManifest(TEMPLATE_TEXT, configured, texts));
    limitsHold(manifest);
  });

  it('fitText keeps text that fits and cuts the rest at a word, with an ellipsis', () => {
    expect(fitText('Cedar Valley', 12)).toBe('Cedar Valley');
    expect(fitText('Cedar Valley Diagnostic Radiology', 25)).toBe('Cedar Valley Diagnostic…');
    expect(fitText('Cedar Valley, Diagnostic', 14)).toBe('Cedar Valley…');
    expect(fitText('Supercalifragilistic', 10)).toBe('Supercali…');
  });

  it('escapes quotes in the texts, and refuses a manifest edited past a limit, naming the field', () => {
    const quoted = manifestTexts([{ ...duke, program: { ...duke.program, name: 'The "Best" IR' } }]);
    expect(JSON.parse(fillManifest(TEMPLATE_TEXT, configured, quoted)).developer.name).toBe('The "Best" IR');
    const edited = TEMPLATE_TEXT.replace('{{DEVELOPER_NAME}}', 'The Department of Radiology of Duke');
    expect(() => fillManifest(edited, configured, dukeTexts)).toThrow(
      /developer\.name "The Department of Radiology of Duke" is 35 characters; Teams allows 32/,
    );
  });
});
