import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CEDAR_VALLEY_DR, DUKE_IR } from '../support/programs.js';
import { runCli } from './run-cli.js';

/**
 * The command line on a whole department, as the server runs it with PROGRAMS_DIR: a copy of
 * Duke IR and the Cedar Valley DR example in one programs folder. Harper is on both schedules.
 */
const SHARED = 'harper.exampleton@example.edu';
const DUKE_ONLY = 'avery.samplewood@example.edu';
const CEDAR_ONLY = 'quinn.marbleton@cedarvalley.example.edu';
const NOW = '2026-11-28T10:00:00-05:00';

const made: string[] = [];
let dir: string;

/** A programs folder of the two shipped programs, each in its own folder. */
async function department(): Promise<string> {
  const at = await mkdtemp(join(tmpdir(), 'rotabot-cli-programs-'));
  made.push(at);
  await cp(DUKE_IR.dir, join(at, 'duke-ir'), { recursive: true });
  await cp(CEDAR_VALLEY_DR.dir, join(at, 'cedar-valley-dr'), { recursive: true });
  return at;
}

beforeAll(async () => {
  dir = await department();
  const csv = join(dir, 'cedar-valley-dr', 'sample-schedule.csv');
  const lines = (await readFile(csv, 'utf8')).trimEnd().split('\n');
  const quinn = lines.find((l) => l.startsWith(CEDAR_ONLY))!;
  lines.push(quinn.replace(CEDAR_ONLY, SHARED).replace('Quinn Marbleton', 'Harper Exampleton'));
  await writeFile(csv, `${lines.join('\n')}\n`);
});
afterAll(async () => {
  await Promise.all(made.map((d) => rm(d, { recursive: true, force: true })));
});

describe('rotabot check on a programs folder', () => {
  it('checks every program with its own schedule, by --programs or PROGRAMS_DIR', async () => {
    for (const run of [
      () => runCli(['check', '--programs', dir]),
      () => runCli(['check'], '', { PROGRAMS_DIR: dir }),
    ]) {
      const { code, out, err } = await run();
      expect(err).toBe('');
      expect(code).toBe(0);
      expect(out).toMatch(/2 programs: cedar-valley-dr, duke-ir\) OK/);
    }
  });

  it('reports each program’s mistakes at its own file and line, and exits 1', async () => {
    const broken = await department();
    const rotations = join(broken, 'cedar-valley-dr', 'rotations.yaml');
    const lines = (await readFile(rotations, 'utf8')).split('\n');
    const at = lines.findIndex((l) => /^\s+group: nights\s*$/.test(l));
    lines[at] = lines[at]!.replace('nights', 'nigths');
    await writeFile(rotations, lines.join('\n'));
    // Duke's own schedule.csv, with a bad email: found though the other program is broken.
    const schedule = join(broken, 'duke-ir', 'schedule.csv');
    await writeFile(schedule, 'email,name,level,2026-07\nnot-an-email,Pat Doe,R4,IR\n');
    const { code, err } = await runCli(['check', '--programs', broken]);
    expect(code).toBe(1);
    expect(err).toContain(`${rotations}:${at + 1}: `);
    expect(err).toMatch(/nigths/);
    expect(err).toContain(`${schedule}: row 2, column A`);
    expect(err).toMatch(/^check: 2 errors, 0 warnings in /m);
  });

  it('refuses two folders holding one program id, naming both', async () => {
    const twice = await department();
    await cp(join(twice, 'duke-ir'), join(twice, 'duke-ir-copy'), { recursive: true });
    const { code, err } = await runCli(['check', '--programs', twice]);
    expect(code).toBe(1);
    expect(err).toContain(
      `${join(twice, 'duke-ir-copy', 'program.yaml')}: the program id "duke-ir" is also the id of ${join(twice, 'duke-ir')}`,
    );
  });

  it('names a per-program setting for a program no folder holds', async () => {
    const { code, err } = await runCli(['check', '--programs', dir], '', {
      PROGRAM_SLACK_CHANNELS: 'duke-rx=C1',
    });
    expect(code).toBe(1);
    expect(err).toMatch(/PROGRAM_SLACK_CHANNELS names "duke-rx"/);
  });

  it('says a folder without programs is one, and mixing one program with a folder is a usage error', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'rotabot-cli-empty-'));
    made.push(empty);
    const none = await runCli(['check', '--programs', empty]);
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/no program folder here/);
    const both = await runCli(['check', '--programs', dir, '--knowledge', 'knowledge']);
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/not both/);
  });

  it('keeps --knowledge for one program even where PROGRAMS_DIR is set', async () => {
    const { code, out } = await runCli(['check', '--knowledge', CEDAR_VALLEY_DR.dir], '', {
      PROGRAMS_DIR: dir,
    });
    expect(code).toBe(0);
    expect(out).toContain(`check: ${CEDAR_VALLEY_DR.dir} and ${CEDAR_VALLEY_DR.schedule} OK`);
  });
});

describe('rotabot ask on a programs folder', () => {
  const length = async (args: string[], env = {}) => {
    const { code, out, err } = await runCli(
      ['ask', 'how long is the residency?', '--json', ...args],
      '',
      env,
    );
    expect(err).toBe('');
    expect(code).toBe(0);
    return JSON.parse(out).itemsTitle as string;
  };

  it('answers for the program --program names', async () => {
    expect(await length(['--programs', dir, '--program', 'cedar-valley-dr'])).toMatch(/4 years/);
    expect(await length(['--program', 'duke-ir'], { PROGRAMS_DIR: dir })).toMatch(/5 years/);
  });

  it('answers a resident on one schedule for their program, as the server does', async () => {
    const question = ['ask', 'what am I on next month?', '--as', CEDAR_ONLY, '--now', NOW];
    const routed = await runCli([...question, '--programs', dir]);
    const alone = await runCli([...question, '--knowledge', CEDAR_VALLEY_DR.dir]);
    expect(routed.code).toBe(0);
    expect(routed.out).toMatch(/December 2026/);
    expect(routed.out).toBe(alone.out);
    expect(await length(['--programs', dir, '--as', DUKE_ONLY])).toMatch(/5 years/);
  });

  it('asks for --program, naming the programs, when the asker does not decide it', async () => {
    for (const who of [[], ['--as', SHARED], ['--as', 'new.person@example.edu']]) {
      const { code, err } = await runCli(['ask', 'what does an R4 do?', '--programs', dir, ...who]);
      expect(code, who.join(' ')).toBe(2);
      expect(err).toMatch(/give --program with one of: cedar-valley-dr, duke-ir/);
    }
    const shared = await runCli(['ask', 'what am I on?', '--programs', dir, '--as', SHARED]);
    expect(shared.err).toMatch(/on the schedules of cedar-valley-dr and duke-ir/);
  });

  it('refuses a program the folder does not hold, and --program without a folder', async () => {
    const unknown = await runCli(['ask', 'hi', '--programs', dir, '--program', 'duke-rx']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/"duke-rx" is not one of the programs: cedar-valley-dr, duke-ir/);
    const alone = await runCli(['ask', 'hi', '--program', 'duke-ir']);
    expect(alone.code).toBe(2);
    expect(alone.err).toMatch(/--program needs --programs DIR/);
  });

  it('answers JSON lines each for its asker’s program', async () => {
    const input = [
      { id: 1, text: 'how long is the residency?', as: CEDAR_ONLY },
      { id: 2, text: 'how long is the residency?', as: DUKE_ONLY },
      { id: 3, text: 'how long is the residency?', as: SHARED },
    ]
      .map((l) => JSON.stringify(l))
      .join('\n');
    const { out } = await runCli(['ask', '--jsonl', '--programs', dir], input);
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual([1, 2, 3]);
    expect(lines[0].itemsTitle).toMatch(/4 years/);
    expect(lines[1].itemsTitle).toMatch(/5 years/);
    expect(lines[2].error).toMatch(/give --program/);
  });
});

describe('rotabot chat on a programs folder', () => {
  /** The answers of a chat session, one per question, without the prompt. */
  const chat = async (args: string[], lines: string[], env = {}) => {
    const { code, out, err } = await runCli(['chat', ...args], `${[...lines, 'exit'].join('\n')}\n`, env);
    const [greeting, ...answers] = out.split(/\n?> /);
    return { code, err, greeting: greeting!, answers: answers.map((a) => a.trim()).filter(Boolean) };
  };
  const YEARS = 'how many years is training?';

  it('answers for the program --program names, from --programs or PROGRAMS_DIR', async () => {
    const named = await chat(['--programs', dir, '--program', 'cedar-valley-dr'], [YEARS]);
    expect(named.code).toBe(0);
    expect(named.greeting).toMatch(/^rotabot — Cedar Valley Diagnostic Radiology\. /);
    expect(named.answers[0]).toMatch(/4 years/);
    const env = await chat(['--program', 'duke-ir'], [YEARS], { PROGRAMS_DIR: dir });
    expect(env.answers[0]).toMatch(/5 years/);
    // --knowledge is one program even where PROGRAMS_DIR is set.
    const one = await chat(['--knowledge', CEDAR_VALLEY_DR.dir], [YEARS], { PROGRAMS_DIR: dir });
    expect(one.greeting).toMatch(/^rotabot — Cedar Valley Diagnostic Radiology\. /);
    expect(one.answers[0]).toMatch(/4 years/);
  });

  it('answers a resident on one schedule for their program, and says who they are', async () => {
    const cedar = await chat(['--programs', dir, '--as', CEDAR_ONLY], [YEARS]);
    expect(cedar.greeting).toMatch(
      /You are Quinn Marbleton \(R\d\) on Cedar Valley Diagnostic Radiology's schedule\./,
    );
    expect(cedar.answers).toHaveLength(1);
    expect(cedar.answers[0]).toMatch(/4 years/);
    const duke = await chat(['--programs', dir, '--as', DUKE_ONLY], [YEARS]);
    expect(duke.answers[0]).toMatch(/5 years/);
  });

  it('asks anyone else which program, answers the waiting question once they pick, and keeps the choice', async () => {
    const { code, greeting, answers } = await chat(
      ['--programs', dir],
      [
        YEARS,
        'Cedar Valley Diagnostic Radiology',
        'what does an R4 do?',
        'Duke Interventional Radiology',
        YEARS,
      ],
    );
    expect(code).toBe(0);
    expect(greeting).toMatch(/2 programs: Cedar Valley Diagnostic Radiology, Duke Interventional Radiology/);
    expect(answers).toHaveLength(5);
    expect(answers[0]).toMatch(/^Which program is your question about\?/);
    expect(answers[0]).toContain(
      'Try: “Cedar Valley Diagnostic Radiology” · “Duke Interventional Radiology”',
    );
    expect(answers[1]).toMatch(/4 years/);
    expect(answers[2]).toMatch(/mini-fellowship/);
    expect(answers[3]).toMatch(/for Duke Interventional Radiology from now on/);
    expect(answers[4]).toMatch(/5 years/);
  });

  it('asks a resident on two schedules which program they mean', async () => {
    const shared = await chat(['--programs', dir, '--as', SHARED], [YEARS]);
    expect(shared.greeting).toMatch(
      /on Cedar Valley Diagnostic Radiology's schedule and .* on Duke Interventional Radiology's schedule/,
    );
    expect(shared.answers[0]).toMatch(/^Which program is your question about\?/);
  });

  it('refuses a program the folder does not hold before the conversation starts', async () => {
    const { code, err, greeting } = await chat(['--programs', dir, '--program', 'duke-rx'], [YEARS]);
    expect(code).toBe(2);
    expect(greeting).toBe('');
    expect(err).toMatch(/"duke-rx" is not one of the programs: cedar-valley-dr, duke-ir/);
  });
});
