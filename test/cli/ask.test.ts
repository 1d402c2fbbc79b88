import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const R4 = 'casey.demoreaux@example.edu';

describe('rotabot ask', () => {
  it('prints an answer, Yes first for a yes/no question', async () => {
    const { code, out } = await runCli(['ask', 'does IR do TIPS?']);
    expect(code).toBe(0);
    expect(out).toMatch(/^Yes — /);
  });

  it('prints the Answer as JSON with --json', async () => {
    const { out } = await runCli(['ask', 'does IR do biopsies?', '--json']);
    const answer = JSON.parse(out);
    expect(answer.intent).toBe('procedure.does');
    expect(answer.factIds).toContain('biopsies');
    expect(answer.verdict).toBe('no');
    // What was understood: the frame, with the procedure named by its id and the user's words.
    expect(answer.frames).toHaveLength(1);
    expect(answer.frames[0]).toMatchObject({
      intent: 'procedure.does',
      asks: 'does',
      yesNo: true,
      subjects: expect.arrayContaining([expect.objectContaining({ kind: 'exclusion', id: 'biopsies' })]),
    });
  });

  it('reads --as and --now in the program time zone', async () => {
    // 23:30 on 30 November in Durham: "this month" is November.
    const late = await runCli([
      'ask',
      'what am I on this month?',
      '--as',
      R4,
      '--now',
      '2026-11-30T23:30:00-05:00',
      '--json',
    ]);
    const early = await runCli([
      'ask',
      'what am I on this month?',
      '--as',
      R4,
      '--now',
      '2026-12-01T05:30:00Z',
      '--json',
    ]);
    expect(JSON.parse(late.out).text).toContain('November 2026');
    expect(JSON.parse(early.out).text).not.toContain('November 2026');
  });

  it('reads a date alone as that day in the program time zone, not as midnight in London', async () => {
    // "2026-12-01" as an instant is 19:00 on 30 November in Durham; a resident means 1 December.
    const { out } = await runCli([
      'ask',
      'what am I on this month?',
      '--as',
      R4,
      '--now',
      '2026-12-01',
      '--json',
    ]);
    expect(JSON.parse(out).text).toContain('December 2026');
    const line = { id: 1, text: 'what am I on this month?', as: R4, now: '2026-12-01' };
    const lines = await runCli(['ask', '--jsonl'], `${JSON.stringify(line)}\n`);
    expect(JSON.parse(lines.out).text).toContain('December 2026');
  });

  it('refuses a malformed --now with a usage error', async () => {
    const { code, err } = await runCli(['ask', 'hi', '--now', 'tuesday']);
    expect(code).toBe(2);
    expect(err).toMatch(/--now expects an ISO-8601 instant/);
  });

  it('writes the answers of the lines read before the input failed, then reports the failure', async () => {
    async function* failing() {
      yield `${JSON.stringify({ id: 'a', text: 'does IR do TIPS?' })}\n`;
      yield `${JSON.stringify({ id: 'b', text: 'does IR do biopsies?' })}\n`;
      throw new Error('the input went away');
    }
    const { code, out, err } = await runCli(['ask', '--jsonl'], Readable.from(failing()));
    expect(
      out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id),
    ).toEqual(['a', 'b']);
    expect(code).not.toBe(0);
    expect(err).toContain('the input went away');
  });

  it('answers JSON lines in order, one line each, and only those on stdout', async () => {
    const input = [
      JSON.stringify({ id: 'a', text: 'does IR do biopsies?' }),
      '',
      JSON.stringify({ id: 2, text: 'what am I on next month?', as: R4, now: '2026-11-28T12:00:00Z' }),
      'not json',
      JSON.stringify({ id: 'c', text: 'who is at the VA in March?', now: '2026-11-28T12:00:00Z' }),
    ].join('\n');
    const { code, out } = await runCli(['ask', '--jsonl'], input);
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', 2, null, 'c']);
    expect(Object.keys(lines[0])).toEqual(expect.arrayContaining(['id', 'text']));
    expect(Object.keys(lines[0]).slice(0, 2)).toEqual(['id', 'text']);
    expect(lines[0].text).toMatch(/^No — /);
    expect(lines[0].verdict).toBe('no');
    expect(lines[0].frames).toBeUndefined();
    expect(lines[1].verdict).toBe('none');
    expect(lines[1].text).toContain('December 2026');
    expect(lines[2].error).toBeTruthy();
    expect(lines[3].text).not.toMatch(/@/);
    expect(code).toBe(1);
  });
});

describe('rotabot chat', () => {
  it('holds a conversation until exit', async () => {
    const { code, out } = await runCli(
      ['chat', '--as', R4],
      'does IR do TIPS\nwhat am I on next month\nexit\nnever asked\n',
    );
    expect(code).toBe(0);
    expect(out).toMatch(/You are Casey Demoreaux \(R4\)/);
    expect(out).toMatch(/Yes — /);
    expect(out).not.toMatch(/never asked/);
  });
});
