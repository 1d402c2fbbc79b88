import { PassThrough } from 'node:stream';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { main } from '../../adapters/cli/main.js';

async function cli(args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (c) => out.push(String(c)));
  stderr.on('data', (c) => err.push(String(c)));
  const code = await main(args, { stdin: new PassThrough(), stdout, stderr, env: {} });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const knowledgeDir = new URL('../../knowledge', import.meta.url).pathname;
const sample = new URL('../../knowledge/sample-schedule.csv', import.meta.url).pathname;

describe('rotabot ical', () => {
  it("prints a resident's calendar from the sample schedule", async () => {
    const { code, stdout } = await cli([
      'ical',
      '--as',
      'Blair.Fictionson@example.edu',
      '--knowledge',
      knowledgeDir,
      '--schedule',
      sample,
    ]);
    expect(code).toBe(0);
    const events = new ICAL.Component(ICAL.parse(stdout))
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(24);
    const december = events.find((e) => e.startDate.toString() === '2026-12-01')!;
    expect(december.location).toBe('Durham VA');
    expect(december.endDate.toString()).toBe('2027-01-01');
  });

  it('says so for someone the schedule does not know, and needs --as', async () => {
    const unknown = await cli(['ical', '--as', 'nobody@example.edu', '--knowledge', knowledgeDir]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('nobody@example.edu is not in the schedule');
    expect(unknown.stdout).toBe('');
    const usage = await cli(['ical']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--as EMAIL is required');
  });
});
