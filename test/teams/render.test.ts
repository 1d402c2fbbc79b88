import { describe, expect, it } from 'vitest';
import { fallbackText, moreFrom, renderAnswer, renderCard, renderPost } from '../../adapters/teams/render.js';
import type { Answer } from '../../src/core/types.js';

const answer: Answer = {
  intent: 'procedure.does-ir',
  text: 'Yes — IR places TIPS.\n\nIt is done at the main hospital.',
  itemsTitle: 'Related',
  items: ['BRTO', 'Paracentesis'],
  suggestions: Array.from({ length: 8 }, (_, i) => ({ label: `S${i}`, question: `question ${i}` })),
  factIds: ['tips'],
};

describe('Teams rendering', () => {
  it('turns paragraphs, the list title and items into wrapped TextBlocks of a 1.5 card', () => {
    const card = renderCard(answer, answer.suggestions) as {
      version: string;
      body: Record<string, unknown>[];
    };
    expect(card.version).toBe('1.5');
    expect(card.body.map((b) => b.text ?? b.type)).toEqual([
      'Yes — IR places TIPS.',
      'It is done at the main hospital.',
      'Related',
      'Container',
    ]);
    expect(card.body.filter((b) => b.type === 'TextBlock').every((b) => b.wrap === true)).toBe(true);
    const list = card.body[3] as { items: { text: string; wrap: boolean }[] };
    expect(list.items.map((i) => i.text)).toEqual(['• BRTO', '• Paracentesis']);
  });

  it('makes suggestions buttons that ask their question, at most six', () => {
    const card = renderCard(answer, answer.suggestions) as {
      actions: { type: string; title: string; data: { question: string; msteams: Record<string, string> } }[];
    };
    expect(card.actions).toHaveLength(6);
    expect(card.actions[0]).toEqual({
      type: 'Action.Submit',
      title: 'S0',
      data: {
        question: 'question 0',
        msteams: { type: 'messageBack', text: 'question 0', displayText: 'question 0' },
      },
    });
  });

  it('keeps a plain-text fallback with the list, and never duplicates the answer in text', () => {
    const activity = renderAnswer(answer);
    expect(activity.text).toBeUndefined();
    expect(activity.summary).toBe(
      'Yes — IR places TIPS.\n\nIt is done at the main hospital.\n\nRelated\n- BRTO\n- Paracentesis',
    );
    expect(activity.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  });

  it('renders scheduled posts without actions', () => {
    const activity = renderPost({ text: 'Rotations for September' });
    const card = activity.attachments![0]!.content as Record<string, unknown>;
    expect(card.actions).toBeUndefined();
    expect(fallbackText({ text: 'x', items: ['a'] })).toBe('x\n\n- a');
  });

  it('pages 50,000 items within the safe card size, with a More button that continues the list', () => {
    const items = Array.from({ length: 50_000 }, (_, i) => `Resident Number${i} (R${1 + (i % 5)}) — IR`);
    const big: Answer = {
      intent: 'schedule.who',
      text: '50,000 residents are on IR:',
      items,
      factIds: [],
      itemsSummary: 'IR 50,000',
    };
    const seen: string[] = [];
    let from = 0;
    for (let pages = 0; pages < 1000 && from < items.length; pages++) {
      const activity = renderAnswer(big, [], { question: 'who is on IR?', itemsFrom: from });
      expect(Buffer.byteLength(JSON.stringify(activity))).toBeLessThan(28_000);
      const card = activity.attachments![0]!.content as {
        body: Array<{ type: string; text?: string; items?: Array<{ text: string }> }>;
        actions?: Array<{ title: string; data: { question: string; from?: number } }>;
      };
      const list = card.body.find((b) => b.type === 'Container')!;
      const shown = list.items!.map((i) => i.text.slice(2));
      seen.push(...shown);
      expect(card.body.at(-1)!.text).toContain(`Showing ${(from + 1).toLocaleString('en-US')}–`);
      expect(card.body.at(-1)!.text).toContain('IR 50,000');
      const more = card.actions?.find((a) => a.title.startsWith('More'));
      if (!more) break;
      expect(more.data.question).toBe('who is on IR?');
      // What Teams sends back when the button is pressed.
      from = moreFrom({ value: more.data })!;
      expect(from).toBe(seen.length);
    }
    expect(seen).toEqual(items);
  });

  it('keeps a scheduled post whole when it fits, with short fallbacks', () => {
    const items = Array.from(
      { length: 30 },
      (_, i) => `Interventional Radiology: ${'Name Surname (R3), '.repeat(14)}${i}`,
    );
    const activity = renderPost({
      text: 'Rotations for March 2027, by rotation and site (part 1 of 9).',
      items,
    });
    expect(Buffer.byteLength(JSON.stringify(activity))).toBeLessThan(28_000);
    const card = activity.attachments![0]!.content as { body: Array<{ type: string; items?: unknown[] }> };
    expect(card.body.find((b) => b.type === 'Container')!.items).toHaveLength(30);
  });
});
