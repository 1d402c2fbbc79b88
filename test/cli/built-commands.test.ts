import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Every command through the `rotabot` bin, which runs the built CommonJS bundle: the other CLI
 * tests call the sources, where a package's module format never differs from the sources' own.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const RESIDENT = 'avery.samplewood@example.edu';

function rotabot(args: string[], input = '') {
  const run = spawnSync(process.execPath, [join(root, 'bin', 'rotabot.js'), ...args], {
    cwd: root,
    input,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TZ: 'UTC' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, out: run.stdout, err: run.stderr };
}

describe('the built command line', () => {
  it.each([
    [['ask', 'does IR do TIPS?'], /^Yes — TIPS/],
    [['ask', '--jsonl'], /"id":"a".*"verdict":"no"/, '{"id":"a","text":"does IR do biopsies?"}\n'],
    [['check'], /OK/],
    [['ical', '--as', RESIDENT], /^BEGIN:VCALENDAR\r?\n[\s\S]*BEGIN:VEVENT[\s\S]*END:VCALENDAR/],
    [['announce', '--month', '2026-12', '--dry-run'], /^Announcement for December 2026/],
    [['remind', '--date', '2026-12-01', '--dry-run'], /^Reminders for Tuesday, December 1, 2026/],
    [['chat', '--as', RESIDENT], /You are Avery Samplewood[\s\S]*Hi!/, 'hi\nexit\n'],
  ] as Array<[string[], RegExp, string?]>)(
    '%j',
    (args, expected, input) => {
      const { status, out, err } = rotabot(args, input);
      expect(err).toBe('');
      expect(out).toMatch(expected);
      expect(status).toBe(0);
    },
    90_000,
  );
});

describe('the command line as built', () => {
  it('is ASCII, so it is read as one-byte text (a character beyond it in a source must be escaped)', () => {
    const bundle = readFileSync(join(root, 'dist', 'cli', 'rotabot.cjs'));
    const beyond = bundle.findIndex((byte) => byte > 0x7f);
    expect(beyond === -1 ? '' : bundle.subarray(Math.max(0, beyond - 40), beyond + 10).toString()).toBe('');
  });
});
