import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Every command through the `rotabot` bin, which runs the built CommonJS bundle: the other CLI
 * tests call the sources, where a package's module format never differs from the sources' own.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const RESIDENT = 'avery.samplewood@example.edu';

/** `input` is piped in; a number is a file descriptor the command reads as its standard input. */
function rotabot(args: string[], input: string | number = '') {
  const run = spawnSync(process.execPath, [join(root, 'bin', 'rotabot.js'), ...args], {
    cwd: root,
    ...(typeof input === 'number' ? { stdio: [input, 'pipe', 'pipe'] } : { input }),
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

describe('a batch given as a file ("rotabot ask --jsonl < questions.jsonl")', () => {
  it('is read at once, and answered line for line as the same lines piped in', () => {
    // Windows and old Mac line ends, a blank line and a last line without its end.
    const lines = [
      '{"id":"a","text":"does IR do biopsies?"}',
      '',
      '{"id":"b","text":"does IR do TIPS?"}',
      'not json',
      '{"id":"c","text":"hello"}',
    ];
    const batch = `${lines[0]}\r\n${lines[1]}\n${lines[2]}\r${lines[3]}\n${lines[4]}`;
    const dir = mkdtempSync(join(tmpdir(), 'rotabot-batch-'));
    try {
      const file = join(dir, 'questions.jsonl');
      writeFileSync(file, batch);
      const fd = openSync(file, 'r');
      const fromFile = (() => {
        try {
          return rotabot(['ask', '--jsonl'], fd);
        } finally {
          closeSync(fd);
        }
      })();
      const piped = rotabot(['ask', '--jsonl'], batch);
      expect(fromFile.out.split('\n').map((l) => (l ? JSON.parse(l).id : l))).toEqual([
        'a',
        'b',
        null,
        'c',
        '',
      ]);
      expect(fromFile.out).toMatch(/"id":"a".*"verdict":"no"[\s\S]*"id":"b".*"verdict":"yes"/);
      expect(fromFile).toEqual(piped);
      // The line that is not JSON fails the batch, as it does piped in.
      expect(fromFile.status).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
