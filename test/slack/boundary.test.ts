import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('the Slack adapter boundary', () => {
  it('adapters/slack never imports the Teams SDK', () => {
    for (const file of files('adapters/slack')) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/from ['"]botbuilder/);
    }
  });
  it('the home summary in the core knows no platform', () => {
    expect(readFileSync('src/core/home.ts', 'utf8')).not.toMatch(/@slack|botbuilder|adapters\//);
  });
});
