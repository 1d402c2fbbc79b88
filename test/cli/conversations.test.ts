import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const AVERY = 'avery.samplewood@example.edu';
const CASEY = 'casey.demoreaux@example.edu';
const NOW = '2026-11-28T10:00:00-05:00';

async function jsonl(lines: Array<Record<string, unknown>>): Promise<Array<Record<string, unknown>>> {
  const { code, out } = await runCli(
    ['ask', '--jsonl', '--now', NOW],
    lines.map((l) => JSON.stringify(l)).join('\n'),
  );
  expect(code).toBe(0);
  return out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
}

describe('ask --jsonl with "conversation" ids', () => {
  it('answers lines sharing an id as one conversation, in input order; other lines stay independent', async () => {
    const out = await jsonl([
      { id: 'a1', text: 'who is on IR in March?', as: AVERY, conversation: 'A' },
      { id: 'b1', text: 'what am I on next month?', as: CASEY, conversation: 'B' },
      { id: 'x', text: 'and April?', as: AVERY },
      { id: 'a2', text: 'and April?', as: AVERY, conversation: 'A' },
      { id: 'b2', text: 'and the month after?', as: CASEY, conversation: 'B' },
      { id: 'a3', text: 'how many is that?', as: AVERY, conversation: 'A' },
    ]);
    expect(out.map((l) => l.id)).toEqual(['a1', 'b1', 'x', 'a2', 'b2', 'a3']);
    const [a1, , x, a2, b2, a3] = out;
    const [alone] = await jsonl([{ id: 'q', text: 'who is on IR in April?', as: AVERY }]);
    // In conversation A, "and April?" is the March question again, for April.
    expect(a2).toMatchObject({ intent: 'schedule.who', text: alone!.text, items: alone!.items });
    // Without an id the same words stand alone: the asker's own April.
    expect(x).toMatchObject({ intent: 'schedule.mine' });
    const [jan] = await jsonl([{ id: 'q', text: 'what am I on in January?', as: CASEY }]);
    expect(b2!.text).toBe(jan!.text);
    expect(a3!.text).toMatch(new RegExp(`^${(alone!.items as string[]).length} residents`));
    expect(a1!.intent).toBe('schedule.who');
    // Output lines keep their shape: the answer, no context or frames.
    for (const line of out) {
      expect(line).not.toHaveProperty('frames');
      expect(line).not.toHaveProperty('conversation');
      expect(Object.keys(line).slice(0, 2)).toEqual(['id', 'text']);
    }
  });

  it('keeps two askers apart in one conversation id, and expires by the lines’ own times', async () => {
    const out = await jsonl([
      { id: '1', text: 'who is on IR in March?', as: AVERY, conversation: 'T' },
      { id: '2', text: 'and April?', as: CASEY, conversation: 'T' },
      { id: '3', text: 'and April?', as: AVERY, conversation: 'T', now: '2026-11-28T10:20:00-05:00' },
      { id: '4', text: 'and May?', as: AVERY, conversation: 'T', now: '2026-11-28T11:30:00-05:00' },
    ]);
    expect(out[1]).toMatchObject({ intent: 'schedule.mine' });
    expect(out[2]).toMatchObject({ intent: 'schedule.who' });
    // Seventy minutes after the last line the conversation has expired.
    expect(out[3]!.intent).not.toBe('schedule.who');
  });

  it('reports a conversation id that is not a string, and goes on', async () => {
    const { code, out } = await runCli(
      ['ask', '--jsonl', '--now', NOW],
      [
        JSON.stringify({ id: 1, text: 'hi', conversation: { no: 1 } }),
        JSON.stringify({ id: 2, text: 'does IR do TIPS?' }),
      ].join('\n'),
    );
    expect(code).toBe(1);
    const [bad, good] = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(bad).toEqual({ id: 1, error: '"conversation" must be a string id' });
    expect(good.verdict).toBe('yes');
  });
});

describe('chat in the terminal', () => {
  it('is one conversation: a follow-up is read in its context', async () => {
    const { code, out } = await runCli(['chat', '--as', AVERY], 'who is on IR in March?\nand April?\nexit\n');
    expect(code).toBe(0);
    // Both on the machine's clock, as chat is.
    const alone = await runCli(['ask', 'who is on IR in April?', '--as', AVERY]);
    const mine = await runCli(['ask', 'and April?', '--as', AVERY]);
    expect(out).toContain(alone.out.trim());
    expect(out).not.toContain(mine.out.trim().split('\n')[0]!);
  });
});
