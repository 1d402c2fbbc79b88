import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** The bins rebuild dist/ when a source is newer than the last build: a fresh clone or an edit. */
const { isStale } = createRequire(import.meta.url)('../../scripts/dist.cjs') as {
  isStale: (at?: string) => boolean;
};

const root = mkdtempSync(join(tmpdir(), 'rotabot-stale-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const at = (path: string, seconds: number) => {
  const file = join(root, path);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, '');
  utimesSync(file, seconds, seconds);
};

describe('whether dist/ is stale', () => {
  it('is, with no build; is not, after one; is again for an edited or added file at any depth', () => {
    at('src/core/a.ts', 1_000);
    at('adapters/b.ts', 1_000);
    at('package.json', 1_000);
    expect(isStale(root)).toBe(true);
    at('dist/.built', 2_000);
    expect(isStale(root)).toBe(false);
    at('src/core/text/deep/c.ts', 3_000);
    expect(isStale(root)).toBe(true);
    at('dist/.built', 4_000);
    at('package.json', 5_000);
    expect(isStale(root)).toBe(true);
    at('dist/.built', 6_000);
    // The Teams package's output folder is not a source.
    at('adapters/teams/app-package/manifest.json', 7_000);
    expect(isStale(root)).toBe(false);
  });
});
