import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { validateKnowledge } from '../../src/knowledge/load.js';
import { runCli } from '../cli/run-cli.js';
import { CEDAR_VALLEY_DR, DUKE_IR, PROGRAMS, TEMPLATE } from '../support/programs.js';

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});
async function copyOf(dir: string): Promise<string> {
  const copy = await mkdtemp(join(tmpdir(), 'rotabot-program-'));
  made.push(copy);
  await cp(dir, copy, { recursive: true });
  return copy;
}

describe.each(PROGRAMS)('the program folder $dir', ({ dir, schedule }) => {
  it('validates with no problem at all, not even a warning', async () => {
    const { knowledge, problems } = await validateKnowledge(dir);
    expect(problems).toEqual([]);
    expect(knowledge?.rotations.length).toBeGreaterThan(0);
  });

  it('passes `check` with its sample schedule', async () => {
    const { code, out, err } = await runCli(['check', '--knowledge', dir, '--schedule', schedule]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/OK\n$/);
  });

  it('names exactly one group as its own specialty', async () => {
    const { knowledge } = await validateKnowledge(dir);
    expect(knowledge?.groups.filter((g) => g.role === 'specialty')).toHaveLength(1);
  });
});

describe('programs differ only in data', () => {
  it('the second program shares no site, rotation group, contact or time zone with Duke IR', async () => {
    const duke = (await validateKnowledge(DUKE_IR.dir)).knowledge!;
    const cedar = (await validateKnowledge(CEDAR_VALLEY_DR.dir)).knowledge!;
    expect(cedar.program.sites.map((s) => s.id)).not.toEqual(
      expect.arrayContaining([duke.program.sites[0]!.id]),
    );
    const dukeGroups = new Set(duke.groups.map((g) => g.id));
    expect(cedar.groups.filter((g) => dukeGroups.has(g.id)).map((g) => g.id)).toEqual(['research']);
    expect(cedar.program.contact.name).not.toBe(duke.program.contact.name);
    expect(cedar.program.time_zone).not.toBe(duke.program.time_zone);
    expect(cedar.training.years).toHaveLength(cedar.training.residency.length_years);
    expect(cedar.training.years.length).not.toBe(duke.training.years.length);
  });

  it('a folder without procedures.yaml and referrals.yaml has empty lists, not an error', async () => {
    const { knowledge, problems } = await validateKnowledge(TEMPLATE.dir);
    expect(problems).toEqual([]);
    expect(knowledge).toMatchObject({ procedures: [], categories: [], exclusions: [], divisions: [] });
  });

  it('a required file left out is an error naming it', async () => {
    const copy = await copyOf(TEMPLATE.dir);
    await rm(join(copy, 'training.yaml'));
    const { knowledge, problems } = await validateKnowledge(copy);
    expect(knowledge).toBeNull();
    expect(problems).toContainEqual(expect.objectContaining({ location: join(copy, 'training.yaml') }));
  });
});

describe('the program-neutral schema', () => {
  it('the old file name not-done-by-ir.yaml is an error saying what it is called now', async () => {
    const copy = await copyOf(DUKE_IR.dir);
    await cp(join(copy, 'referrals.yaml'), join(copy, 'not-done-by-ir.yaml'));
    await rm(join(copy, 'referrals.yaml'));
    const { knowledge, problems } = await validateKnowledge(copy);
    expect(knowledge).toBeNull();
    const [p] = problems.filter((x) => x.location === `${join(copy, 'not-done-by-ir.yaml')}:1`);
    expect(p).toMatchObject({ severity: 'error' });
    expect(p?.problem).toContain('referrals.yaml');
    expect(p?.fix).toMatch(/rename it to referrals\.yaml/);
  });

  it('the old key same_as_dr gets "did you mean same_as"', async () => {
    const copy = await copyOf(DUKE_IR.dir);
    const path = join(copy, 'training.yaml');
    const text = (await readFile(path, 'utf8')).replace('    same_as: dr', '    same_as_dr: true');
    await writeFile(path, text);
    const line = text.split('\n').findIndex((l) => l.includes('same_as_dr')) + 1;
    const { problems } = await validateKnowledge(copy);
    const [p] = problems.filter((x) => x.location === `${path}:${line}`);
    expect(p?.problem).toMatch(/unknown key "same_as_dr"/);
    expect(p?.fix).toMatch(/did you mean "same_as"/);
  });

  it('same_as must name a rotation group', async () => {
    const copy = await copyOf(DUKE_IR.dir);
    const path = join(copy, 'training.yaml');
    const text = (await readFile(path, 'utf8')).replace('    same_as: dr', '    same_as: diagnostic');
    await writeFile(path, text);
    const line = text.split('\n').findIndex((l) => l.includes('same_as: diagnostic')) + 1;
    const { problems } = await validateKnowledge(copy);
    const [p] = problems.filter((x) => x.location === `${path}:${line}`);
    expect(p?.problem).toMatch(/same_as "diagnostic" is not one of the groups/);
  });

  it('a role given to two groups is an error on the second', async () => {
    const copy = await copyOf(CEDAR_VALLEY_DR.dir);
    const path = join(copy, 'rotations.yaml');
    const text = (await readFile(path, 'utf8')).replace(
      '    short_name: IR\n',
      '    short_name: IR\n    role: specialty\n',
    );
    await writeFile(path, text);
    const line = text.split('\n').findIndex((l, i) => i > 30 && l.includes('role: specialty')) + 1;
    const { knowledge, problems } = await validateKnowledge(copy);
    expect(knowledge).toBeNull();
    const [p] = problems.filter((x) => x.location === `${path}:${line}`);
    expect(p?.problem).toMatch(/"specialty" is given to both "diagnostic".*"interventional"/);
  });
});

describe('the PROGRAMS_DIR settings', () => {
  it('parse program-id=value pairs, a program named more than once keeping each value', () => {
    const config = loadConfig({
      PROGRAMS_DIR: 'programs',
      PROGRAM_SLACK_CHANNELS: 'duke-ir=C1, duke-dr=C2,duke-ir=C3',
      PROGRAM_SCHEDULES: 'duke-ir=https://example.org/pub?output=csv&gid=0',
    });
    expect(config.PROGRAM_SLACK_CHANNELS).toEqual([
      { program: 'duke-ir', value: 'C1' },
      { program: 'duke-dr', value: 'C2' },
      { program: 'duke-ir', value: 'C3' },
    ]);
    expect(config.PROGRAM_SCHEDULES[0]?.value).toBe('https://example.org/pub?output=csv&gid=0');
  });

  it('name the variable and the pair that is wrong', () => {
    expect(() => loadConfig({ PROGRAMS_DIR: 'p', PROGRAM_SLACK_CHANNELS: 'C0123' })).toThrow(
      /PROGRAM_SLACK_CHANNELS expects program-id=.*"C0123" is not one/,
    );
    expect(() => loadConfig({ PROGRAM_SLACK_CHANNELS: 'duke-ir=C1' })).toThrow(
      /PROGRAM_SLACK_CHANNELS needs PROGRAMS_DIR/,
    );
    expect(() => loadConfig({ PROGRAMS_DIR: 'p', SCHEDULE_FILE: 's.csv' })).toThrow(
      /SCHEDULE_FILE is for one program/,
    );
  });
});
