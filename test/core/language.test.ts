import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answer.js';
import { validateKnowledge } from '../../src/knowledge/load.js';

/* The language file: the words of asking are data, checked like every knowledge file. */

const dirs: string[] = [];
function copyOfKnowledge(edit?: (language: string) => string | undefined): string {
  const dir = mkdtempSync(join(tmpdir(), 'rotabot-language-'));
  dirs.push(dir);
  cpSync('knowledge', dir, { recursive: true });
  const path = join(dir, 'language.yaml');
  const edited = edit?.(readFileSync(path, 'utf8'));
  if (edited === undefined && edit) rmSync(path);
  else if (edited !== undefined) writeFileSync(path, edited);
  return dir;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('knowledge/language.yaml', () => {
  it('a word that is not one lower-case word is reported with the file and line, and the fix', async () => {
    const dir = copyOfKnowledge((text) => text.replace(/^( {2}greeting: \|\n {4})/m, "$1g'day "));
    const { knowledge, problems } = await validateKnowledge(dir);
    expect(knowledge).toBeNull();
    const lines = readFileSync(join(dir, 'language.yaml'), 'utf8').split('\n');
    const at = lines.findIndex((l) => l.startsWith('  greeting:')) + 1;
    const problem = problems.find((p) => p.location.includes('language.yaml'));
    expect(problem?.location).toMatch(new RegExp(`language\\.yaml:(${at}|${at + 1})$`));
    expect(problem?.problem).toMatch(/greeting.*lower case/);
  });

  it('an unknown list name is an error naming the file (strict)', async () => {
    const dir = copyOfKnowledge((text) => text.replace(/^words:\n/m, 'words:\n  greetingz: hi\n'));
    const { knowledge, problems } = await validateKnowledge(dir);
    expect(knowledge).toBeNull();
    expect(problems.some((p) => p.location.includes('language.yaml') && p.severity === 'error')).toBe(true);
  });

  it('a folder without one reads the shipped language', async () => {
    const { knowledge } = await validateKnowledge(copyOfKnowledge(() => undefined));
    expect(knowledge?.language.words.yes_no_starters).toContain('does');
  });

  it('a word added to a list changes what the bot understands, with no code', async () => {
    const ask = async (dir: string) => {
      const { knowledge } = await validateKnowledge(dir);
      return answerQuestion({
        text: 'what is the wifi password',
        knowledge: knowledge!,
        conversation: 'private',
        now: new Date('2026-11-28T15:00:00Z'),
      }).answer.frames![0]!.unplaced;
    };
    expect(await ask(copyOfKnowledge())).toContain('wifi');
    const dir = copyOfKnowledge((text) => text.replace(/^( {2}filler: \|\n {4})/m, '$1wifi '));
    expect(await ask(dir)).not.toContain('wifi');
  });

  const frameOf = async (dir: string, text: string) => {
    const { knowledge } = await validateKnowledge(dir);
    return answerQuestion({
      text,
      knowledge: knowledge!,
      conversation: 'private',
      now: new Date('2026-11-28T15:00:00Z'),
    }).answer.frames![0]!;
  };

  it('a phrase added to a list changes what the bot understands, with no code', async () => {
    const question = 'who is on IR in March leaving out the VA';
    expect((await frameOf(copyOfKnowledge(), question)).exclusions).toEqual([]);
    const dir = copyOfKnowledge((text) => text.replace(/^( {2}ruled_out:\n)/m, '$1    - leaving out\n'));
    const exclusions = (await frameOf(dir, question)).exclusions;
    expect(exclusions.map((e) => e.kind)).toContain('site');
  });

  it('a holiday added to the language file is read as its date', async () => {
    const question = 'who is on IR on boxing day';
    expect((await frameOf(copyOfKnowledge(), question)).time).toEqual([]);
    const dir = copyOfKnowledge((text) =>
      text.replace(/^holidays:\n/m, 'holidays:\n  boxing day: December 26\n'),
    );
    expect((await frameOf(dir, question)).time).toMatchObject([{ kind: 'day', date: '2026-12-26' }]);
  });

  it('a weekday-of-month holiday falls on its weekday', async () => {
    const dir = copyOfKnowledge((text) =>
      text.replace(/^holidays:\n/m, 'holidays:\n  presidents day: third Monday of February\n'),
    );
    expect((await frameOf(dir, 'who is on IR on presidents day')).time).toMatchObject([
      { kind: 'day', date: '2027-02-15' },
    ]);
  });

  it('a holiday written in a way the bot cannot place is reported at its line, with the fix', async () => {
    const dir = copyOfKnowledge((text) =>
      text.replace(/^holidays:\n/m, 'holidays:\n  boxing day: the day after christmas\n'),
    );
    const { knowledge, problems } = await validateKnowledge(dir);
    expect(knowledge).toBeNull();
    const problem = problems.find((p) => p.location.includes('language.yaml'));
    expect(problem?.problem).toMatch(/December 25/);
  });

  it('a phrase written with characters the bot cannot read is an error naming the file and the fix', async () => {
    const dir = copyOfKnowledge((text) => text.replace(/^( {2}ruled_out:\n)/m, "$1    - leavin' out\n"));
    const { knowledge, problems } = await validateKnowledge(dir);
    expect(knowledge).toBeNull();
    expect(problems.find((p) => p.location.includes('language.yaml'))?.problem).toMatch(/lower-case words/);
  });
});
