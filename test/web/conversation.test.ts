import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type RotabotServer } from '../../adapters/server/create-server.js';
import { CHAT_JS } from '../../adapters/web/page.js';
import { createWebChatPlugin } from '../../adapters/web/plugin.js';
import { createBot } from '../../src/core/bot.js';
import type { Answer } from '../../src/core/types.js';
import { silentLogger } from '../../src/logger.js';
import { noMetrics, staticSource } from '../../src/runtime.js';
import { knowledge, NOW, schedule } from '../core/helpers.js';
import { createTestRuntime } from '../support/runtime.js';

const AVERY = 'avery.samplewood@example.edu';
let server: RotabotServer;
let url: string;

beforeAll(async () => {
  const runtime = createTestRuntime({
    knowledge: staticSource(knowledge),
    schedule: staticSource(schedule),
    clock: () => NOW,
  });
  runtime.bot = createBot({ ...runtime, logger: silentLogger, metrics: noMetrics });
  server = await createServer(runtime, [createWebChatPlugin(runtime)]);
  const { port } = await server.listen(0, '127.0.0.1');
  url = `http://127.0.0.1:${port}`;
});
afterAll(() => server.close());

async function ask(body: Record<string, unknown>): Promise<{ status: number; answer?: Answer }> {
  const res = await fetch(`${url}/api/web/ask`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { answer?: Answer };
  return { status: res.status, answer: json.answer };
}

describe('web chat conversations', () => {
  it('the page sends one conversation id per page load', () => {
    expect(CHAT_JS).toMatch(/var conversation = /);
    expect(CHAT_JS).toMatch(/conversation: conversation/);
  });

  it('a page is one conversation; another page, or no id, starts afresh', async () => {
    await ask({ text: 'who is on IR in March?', as: AVERY, conversation: 'page-1' });
    const april = await ask({ text: 'and April?', as: AVERY, conversation: 'page-1' });
    expect(april.answer?.intent).toBe('schedule.who');
    expect(april.answer?.text).toMatch(/Interventional Radiology in April 2027/);
    expect((await ask({ text: 'and April?', as: AVERY, conversation: 'page-2' })).answer?.intent).toBe(
      'schedule.mine',
    );
    expect((await ask({ text: 'and April?', as: AVERY })).answer?.intent).toBe('schedule.mine');
    // Choosing another resident on the same page is another asker: nothing carried over.
    const other = await ask({
      text: 'and April?',
      as: 'casey.demoreaux@example.edu',
      conversation: 'page-1',
    });
    expect(other.answer?.intent).toBe('schedule.mine');
  });

  it('a follow-up about the last answer gets its computed verdict, and a bare "May?" is the month', async () => {
    await ask({ text: 'what am I on in March?', as: AVERY, conversation: 'page-3' });
    const va = await ask({ text: 'is that at the VA?', as: AVERY, conversation: 'page-3' });
    expect(va.answer?.verdict).toBe('no');
    expect(va.answer?.frames?.[0]?.subjects.map((s) => s.id).sort()).toEqual(['durham-va', 'ir-duke']);
    const may = await ask({ text: 'May?', as: AVERY, conversation: 'page-3' });
    expect(may.answer?.frames?.[0]?.time.map((t) => (t.kind === 'month' ? t.month : t.label))).toEqual([
      '2027-05',
    ]);
  });

  it('a comparison on its own is continued by "and May?"; "that" after a list asks which block', async () => {
    const say = (text: string) => ask({ text, as: AVERY, conversation: 'page-4' });
    const icu = await say('is my ICU before my VA month?');
    expect(icu.answer?.frames?.[0]?.order).toBe('before');
    expect(icu.answer?.verdict).toBe('yes');
    const may = await say('and May?');
    expect(may.answer?.frames?.[0]?.order).toBe('before');
    expect(may.answer?.frames?.[0]?.time.map((t) => (t.kind === 'month' ? t.month : t.label))).toEqual([
      '2027-05',
    ]);
    await say('what are my rotations this year?');
    const which = await say('is that at the VA?');
    expect(which.answer?.intent).toBe('clarify');
    // A button's question is the reply that picks its block.
    const button = which.answer!.suggestions!.find((s) => s.label.includes('February 2027'))!;
    const picked = await say(button.question);
    expect(picked.answer?.verdict).toBe('yes');
    expect(picked.answer?.frames?.[0]?.time.map((t) => (t.kind === 'month' ? t.month : t.label))).toEqual([
      '2027-02',
    ]);
  });

  it('refuses a conversation id that is not a short plain id', async () => {
    for (const conversation of ['x'.repeat(101), 'a b', '<script>', 7]) {
      expect((await ask({ text: 'hi', conversation })).status).toBe(400);
    }
  });
});
