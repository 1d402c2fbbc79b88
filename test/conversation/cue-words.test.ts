import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createBot } from '../../src/core/bot.js';
import type { Answer } from '../../src/core/types.js';
import { validateKnowledge } from '../../src/knowledge/load.js';
import { silentLogger } from '../../src/logger.js';
import { noMetrics, staticSource } from '../../src/runtime.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { schedule } from '../core/helpers.js';
import { conversation, NOW } from './helpers.js';

/* The words that make a message a follow-up are the language file's (follow_ups), not code. */

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A copy of the shipped knowledge base with its language.yaml edited. */
function knowledgeWith(edit: (language: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'rotabot-follow-ups-'));
  dirs.push(dir);
  cpSync('knowledge', dir, { recursive: true });
  const path = join(dir, 'language.yaml');
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  expect(after).not.toBe(before);
  writeFileSync(path, after);
  return dir;
}

async function chatOn(dir: string) {
  const { knowledge, problems } = await validateKnowledge(dir);
  if (!knowledge) throw new Error(problems.map((p) => p.problem).join('; '));
  const bot = createBot({
    knowledge: staticSource(knowledge),
    schedule: staticSource(schedule),
    store: createMemoryStore(),
    logger: silentLogger,
    metrics: noMetrics,
    config: loadConfig({}),
    clock: () => NOW,
  });
  return { chat: conversation(bot), problems };
}

const timeOf = (a: Answer) => a.frames![0]!.time.map((t) => (t.kind === 'month' ? t.month : t.label));

describe('follow_ups in language.yaml', () => {
  it('an opener added to the list makes a message a follow-up', async () => {
    const ask = async (dir: string) => {
      const { chat } = await chatOn(dir);
      await chat.say('who is on IR in March?');
      return chat.say('ditto for April');
    };
    const unchanged = await ask(knowledgeWith((t) => t.replace(/\n$/, '\n\n')));
    expect(unchanged.intent).not.toBe('schedule.who');
    const taught = await ask(knowledgeWith((t) => t.replace(/^( {2}openers:\n)/m, '$1    - ditto for\n')));
    expect(taught.intent).toBe('schedule.who');
    expect(taught.frames![0]!.subjects.map((s) => s.id)).toContain('ir');
    expect(timeOf(taught)).toEqual(['2027-04']);
  });

  it('a word taken out of a list no longer points back', async () => {
    const ask = async (dir: string) => {
      const { chat } = await chatOn(dir);
      await chat.say('who is on ICU in March?');
      return chat.say('who is at the VA then?');
    };
    expect(timeOf(await ask(knowledgeWith((t) => t.replace(/\n$/, '\n\n'))))).toEqual(['2027-03']);
    const without = await ask(knowledgeWith((t) => t.replace(/^( {2}times: \|\n) {4}then\n/m, '$1    \n')));
    expect(timeOf(without)).not.toEqual(['2027-03']);
  });

  it('a language file without the section loads, with a warning that names it', async () => {
    const dir = knowledgeWith((t) => t.slice(0, t.indexOf('\n# Follow-ups:')));
    const { chat, problems } = await chatOn(dir);
    const warning = problems.find((p) => p.location.endsWith('language.yaml'));
    expect(warning?.severity).toBe('warning');
    expect(warning?.problem).toMatch(/follow_ups/);
    await chat.say('who is on IR in March?');
    expect((await chat.say('and April?')).intent).toBe('schedule.mine');
  });

  it('a phrase that is not lower-case words is reported with the file and line', async () => {
    const dir = knowledgeWith((t) => t.replace(/^( {2}openers:\n)/m, "$1    - what's up with\n"));
    const { knowledge, problems } = await validateKnowledge(dir);
    expect(knowledge).toBeNull();
    const at =
      readFileSync(join(dir, 'language.yaml'), 'utf8').split('\n').indexOf("    - what's up with") + 1;
    const problem = problems.find((p) => p.severity === 'error');
    expect(problem?.location).toMatch(new RegExp(`language\\.yaml:${at}$`));
    expect(problem?.problem).toMatch(/openers.*lower case/);
  });
});
