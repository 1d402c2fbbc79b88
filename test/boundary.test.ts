import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const importsOf = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);

describe('the seam between the core and the platforms', () => {
  it('src/ imports no platform SDK and nothing from adapters/', () => {
    const offending = files('src').flatMap((file) =>
      importsOf(file)
        .filter((spec) => /^@slack\/|^botbuilder|^botframework|\/adapters\//.test(spec))
        .map((spec) => `${file}: ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('the boundary check itself sees imports (it would catch one)', () => {
    expect(importsOf('adapters/slack/plugin.ts').some((s) => s.startsWith('@slack/'))).toBe(true);
  });
});

describe('tests own their data', () => {
  it('no test empties a Redis database (others run tests on the same Redis at the same time)', () => {
    const offending = files('test').filter((file) => /flush(?:db|all)\b/i.test(readFileSync(file, 'utf8')));
    expect(offending).toEqual([]);
  });
});
