import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { defaultScheduleLocation } from '../../src/schedule/source.js';
import { runCli } from '../cli/run-cli.js';
import { TEMPLATE } from '../support/programs.js';

/**
 * docs/your-program.md, as a coordinator follows it: copy the template, save the schedule as
 * schedule.csv in the folder (replacing the sample), check it, ask it.
 */
const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

const SCHEDULE = [
  'email,name,level,2026-07,2026-08,2026-09,2026-10,2026-11,2026-12',
  'robin.tester@example.edu,Robin Tester,R1,General,General,General,General,General,Research',
  '',
].join('\n');

async function myProgram(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'rotabot-my-program-'));
  made.push(dir);
  await cp(TEMPLATE.dir, dir, { recursive: true });
  await rm(join(dir, 'sample-schedule.csv'));
  await writeFile(join(dir, 'schedule.csv'), SCHEDULE);
  return dir;
}

describe("a program folder with its own schedule.csv (the guide's step 2)", () => {
  it('is read without SCHEDULE_FILE, as a programs folder reads it', async () => {
    const dir = await myProgram();
    expect(defaultScheduleLocation(loadConfig({ KNOWLEDGE_DIR: dir }))).toBe(join(dir, 'schedule.csv'));
    expect(defaultScheduleLocation(loadConfig({ KNOWLEDGE_DIR: TEMPLATE.dir }))).toBe(TEMPLATE.schedule);
    expect(defaultScheduleLocation(loadConfig({ KNOWLEDGE_DIR: dir, SCHEDULE_FILE: 'x.csv' }))).toBe('x.csv');
  });

  it('passes `check --knowledge DIR` and answers `ask --knowledge DIR` from that schedule', async () => {
    const dir = await myProgram();
    const check = await runCli(['check', '--knowledge', dir]);
    expect(check.err).toBe('');
    expect(check.out).toContain(`check: ${dir} and ${join(dir, 'schedule.csv')} OK`);
    const ask = await runCli([
      'ask',
      'what am I on next month?',
      '--knowledge',
      dir,
      '--as',
      'robin.tester@example.edu',
      '--now',
      '2026-11-10T10:00:00-06:00',
    ]);
    expect(ask.code).toBe(0);
    expect(ask.out).toMatch(/December 2026 you are on Research/);
  });

  it("names the program's own files in a schedule's mistakes, not Duke's knowledge/ folder", async () => {
    const dir = await myProgram();
    await writeFile(
      join(dir, 'schedule.csv'),
      'email,name,level,2026-07\nrobin.tester@example.edu,Robin Tester,R9,Generl\n',
    );
    // Warnings: printed with the summary, and the check still passes.
    const { code, out } = await runCli(['check', '--knowledge', dir]);
    expect(code).toBe(0);
    expect(out).toMatch(/the level "R9" is not a training year the program has — .*training\.yaml/);
    expect(out).toMatch(/the rotation "Generl" .* labels in rotations\.yaml/);
    expect(out).not.toContain('knowledge/');
  });

  it('a folder with neither schedule says how to give one', async () => {
    const dir = await myProgram();
    await rm(join(dir, 'schedule.csv'));
    const { code, err } = await runCli(['check', '--knowledge', dir]);
    expect(code).toBe(1);
    expect(err).toContain(`${join(dir, 'sample-schedule.csv')}: the schedule file does not exist`);
    expect(err).toMatch(/save it as schedule\.csv in the program's folder/);
    expect(err).not.toContain('knowledge/');
  });
});
