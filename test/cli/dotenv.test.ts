import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/** The `rotabot` bin (what `npm run cli` and `npm start` run) reads ./.env; the real environment wins. */
const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'rotabot-dotenv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

writeFileSync(
  join(dir, '.env'),
  [
    '# as an operator writes it, copied from .env.example',
    `KNOWLEDGE_DIR=${join(root, 'knowledge')}`,
    `SCHEDULE_FILE="${join(root, 'knowledge', 'sample-schedule.csv')}"`,
    '',
  ].join('\n'),
);

function cli(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [join(root, 'bin', 'rotabot.js'), ...args], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('.env', () => {
  it('is read from the working directory', () => {
    const run = cli(['ask', 'does IR do TIPS?']);
    expect(run.stdout, run.stderr).toMatch(/^Yes/);
  }, 90_000);

  it('loses to a variable set in the real environment', () => {
    const missing = join(dir, 'no-such-knowledge');
    const run = cli(['ask', 'does IR do TIPS?'], { KNOWLEDGE_DIR: missing });
    expect(run.status).not.toBe(0);
    expect(run.stdout + run.stderr).toContain('no-such-knowledge');
  }, 90_000);
});
