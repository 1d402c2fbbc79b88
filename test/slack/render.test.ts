import { describe, expect, it } from 'vitest';
import { renderHomeView } from '../../adapters/slack/home-view.js';
import { chunkText, escapeMrkdwn, fallbackText, LIMITS, renderAnswer } from '../../adapters/slack/render.js';

type AnyBlock = {
  type: string;
  text?: { text: string };
  elements?: Array<{ action_id?: string; text: unknown; value?: string }>;
};

/** Every character of text in the blocks, as Slack counts a message's size. */
function allText(blocks: unknown[]): number {
  let n = 0;
  for (const b of blocks as AnyBlock[]) {
    n += b.text?.text.length ?? 0;
    for (const e of b.elements ?? [])
      n += typeof e.text === 'string' ? e.text.length : ((e.text as { text?: string })?.text?.length ?? 0);
  }
  return n;
}

function sectionTexts(blocks: unknown[]): string[] {
  return (blocks as AnyBlock[]).filter((b) => b.type === 'section').map((b) => b.text!.text);
}

describe('renderAnswer', () => {
  it('escapes &, < and > in blocks but keeps the fallback plain', () => {
    const { text, blocks } = renderAnswer({ text: 'A <b> & C > D' });
    expect(sectionTexts(blocks)).toEqual(['A &lt;b&gt; &amp; C &gt; D']);
    expect(text).toBe('A <b> & C > D');
  });

  it('gives paragraphs their own sections and items a titled bullet list', () => {
    const { text, blocks } = renderAnswer({
      text: 'One.\n\nTwo.',
      itemsTitle: 'Oncologic therapies',
      items: ['Y90', 'TACE'],
    });
    expect(sectionTexts(blocks)).toEqual(['One.', 'Two.', '*Oncologic therapies*', '• Y90\n• TACE']);
    expect(text).toBe('One.\n\nTwo.\n\nOncologic therapies\n- Y90\n- TACE');
  });

  it('turns suggestions into buttons with unique rotabot_ask ids carrying the question', () => {
    const { blocks } = renderAnswer({
      text: 'x',
      suggestions: [
        { label: 'A', question: 'Question A?' },
        { label: 'B'.repeat(200), question: 'Question B?' },
      ],
    });
    const actions = (blocks as AnyBlock[]).find((b) => b.type === 'actions')!;
    expect(actions.elements!.map((e) => e.action_id)).toEqual(['rotabot_ask_0', 'rotabot_ask_1']);
    expect(actions.elements!.map((e) => e.value)).toEqual(['Question A?', 'Question B?']);
    expect((actions.elements![1]!.text as { text: string }).text.length).toBeLessThanOrEqual(
      LIMITS.buttonText,
    );
  });

  it('keeps a thousand long items within 50 blocks, 3,000 characters a section and the message limit', () => {
    const items = Array.from(
      { length: 1000 },
      (_, i) =>
        `Procedure number ${i + 1} with a fairly long descriptive name, part ${'x'.repeat(100 + (i % 80))}`,
    );
    const { text, blocks } = renderAnswer(
      {
        text: 'Here is everything.',
        itemsTitle: 'All',
        items,
        itemsSummary: 'Procedures 1,000',
        suggestions: [{ label: 'Other', question: 'other?' }],
      },
      { question: 'everything?' },
    );
    expect(blocks.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
    for (const s of sectionTexts(blocks)) expect(s.length).toBeLessThanOrEqual(LIMITS.sectionText);
    expect(allText(blocks)).toBeLessThanOrEqual(LIMITS.messageChars);
    const bullets = sectionTexts(blocks).slice(2).join('\n').split('\n');
    expect(bullets[0]).toBe(`• ${items[0]}`);
    const note = JSON.stringify(blocks.find((b) => b.type === 'context'));
    expect(note).toContain(`Showing 1–${bullets.length} of 1,000. Procedures 1,000`);
    // The More button comes first and the suggestions survive.
    const actions = (blocks as AnyBlock[]).at(-1)!;
    expect(actions.type).toBe('actions');
    expect(actions.elements!.map((e) => [e.action_id, e.value])).toEqual([
      [`rotabot_more_${bullets.length}`, 'everything?'],
      ['rotabot_ask_0', 'other?'],
    ]);
    expect(text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
    expect(text).toMatch(/…and \d+ more$/);
  });

  it('pages through 50,000 items with More: every item shown once, every page within the limits', () => {
    const items = Array.from({ length: 50_000 }, (_, i) => `Resident Number${i} (R${1 + (i % 5)}) — IR`);
    const seen: string[] = [];
    let from = 0;
    let pages = 0;
    while (from < items.length) {
      const { blocks } = renderAnswer(
        { text: '50,000 residents are on IR:', items },
        { question: 'who is on IR?', itemsFrom: from },
      );
      pages++;
      expect(blocks.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
      expect(allText(blocks)).toBeLessThanOrEqual(LIMITS.messageChars);
      expect(JSON.stringify(blocks).length).toBeLessThan(40_000);
      const shown = sectionTexts(blocks)
        .slice(1)
        .join('\n')
        .split('\n')
        .map((l) => l.slice(2));
      seen.push(...shown);
      const more = (blocks as AnyBlock[])
        .at(-1)!
        .elements?.find((e) => e.action_id?.startsWith('rotabot_more_'));
      if (!more) break;
      const next = Number(more.action_id!.slice('rotabot_more_'.length));
      expect(next).toBe(from + shown.length);
      from = next;
    }
    expect(seen).toEqual(items);
    expect(pages).toBeGreaterThan(1);
  });

  it('splits one very long paragraph into sections within the limit', () => {
    const long = 'word '.repeat(2000).trim();
    const { blocks } = renderAnswer({ text: long });
    const texts = sectionTexts(blocks);
    expect(texts.length).toBeGreaterThan(3);
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(LIMITS.sectionText);
    expect(texts.join(' ')).toBe(long);
  });

  it('always sets a fallback text', () => {
    expect(renderAnswer({ text: 'Yes.' }).text).toBe('Yes.');
    expect(fallbackText({ text: '', items: ['a'] })).toBe('- a');
  });
});

describe('helpers', () => {
  it('escapes mrkdwn control characters', () => {
    expect(escapeMrkdwn('<@U123> & <!here>')).toBe('&lt;@U123&gt; &amp; &lt;!here&gt;');
  });
  it('chunks at spaces', () => {
    expect(chunkText('aaa bbb ccc', 7)).toEqual(['aaa bbb', 'ccc']);
  });
});

describe('renderHomeView', () => {
  it('stays within the home limits and shows the summary', () => {
    const view = renderHomeView(
      {
        known: true,
        current: 'Interventional Radiology',
        next: { text: 'Interventional Radiology at the Durham VA', starts: '2026-12-01' },
        nextReminder: '2026-11-30',
        quickQuestions: [{ label: 'My next rotation', question: 'What is my next rotation?' }],
      },
      'Duke Interventional Radiology',
      'en-US',
    );
    expect(view.type).toBe('home');
    expect(view.blocks.length).toBeLessThanOrEqual(LIMITS.homeBlocks);
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('*Now:* Interventional Radiology');
    expect(text).toContain('Tuesday, December 1, 2026');
    expect(text).toContain('*Next reminder:* <!date^1796040000^{date_long}|Monday, November 30, 2026>');
  });

  it('says so when the schedule is not available', () => {
    expect(JSON.stringify(renderHomeView(null, 'X', 'en-US').blocks)).toContain("isn't available");
  });
});
