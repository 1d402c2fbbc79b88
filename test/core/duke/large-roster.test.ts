import { describe, expect, it } from 'vitest';
import { renderAnswer as renderSlack } from '../../../adapters/slack/render.js';
import { renderAnswer as renderTeams } from '../../../adapters/teams/render.js';
import { answerQuestion } from '../../../src/core/answer.js';
import { createLabelResolver } from '../../../src/knowledge/rotation-names.js';
import { parseSchedule } from '../../../src/schedule/parse.js';
import { knowledge, NOW } from '../helpers.js';

/** A grid of `count` residents; one in four on IR in November 2026, the rest spread over other rotations. */
function largeSchedule(count: number) {
  const labels = ['IR', 'IR-VA', 'ICU', 'DR-Body'];
  const lines = ['email,name,level,2026-11,2026-12'];
  for (let i = 0; i < count; i++) {
    lines.push(
      `r${i}@example.edu,Resident${i} Surname${i % 977},R${1 + (i % 5)},${labels[i % 4]},${labels[(i + 1) % 4]}`,
    );
  }
  const { schedule } = parseSchedule(`${lines.join('\n')}\n`, {
    source: 'large.csv',
    resolveLabel: createLabelResolver(knowledge.rotations),
  });
  if (!schedule) throw new Error('the large schedule did not load');
  return schedule;
}

describe('who-is at 50,000 residents', () => {
  const schedule = largeSchedule(50_000);
  const ask = (text: string) =>
    answerQuestion({ text, knowledge, schedule, conversation: 'private', now: NOW }).answer;

  it('lists everyone on the rotation, sorted by name, with counts of the whole list', () => {
    const answer = ask('who is on ICU this month?');
    expect(answer.items).toHaveLength(12_500);
    expect(answer.text).toMatch(/^12500 residents are on/);
    expect(answer.itemsSummary).toMatch(/^R\d 2,500 · /);
    const names = answer.items!.map((i) => i.split(' (')[0]!.toLowerCase());
    expect(names).toEqual([...names].sort());
  });

  it('names both IR sites in the summary when both are asked about', () => {
    const answer = ask('who is on IR in December?');
    expect(answer.items).toHaveLength(25_000);
    expect(answer.itemsSummary).toContain('12,500 · ');
    expect(answer.itemsSummary!.split(' · ')).toHaveLength(2);
  });

  it('renders within Slack and Teams limits, offering the rest', () => {
    const question = 'who is on IR in December?';
    const answer = ask(question);
    const slack = renderSlack(answer, { question });
    expect(slack.blocks.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(slack.blocks).length).toBeLessThan(20_000);
    expect(JSON.stringify(slack.blocks)).toContain('rotabot_more_');
    const teams = renderTeams(answer, [], { question });
    expect(Buffer.byteLength(JSON.stringify(teams))).toBeLessThan(28_000);
    expect(JSON.stringify(teams)).toContain('"from":');
  });
});
