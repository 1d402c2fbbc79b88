import { describe, expect, it } from 'vitest';
import { conversationContextSchema } from '../../src/conversation/context.js';
import { contextKey } from '../../src/conversation/context-store.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { downStore } from '../support/runtime.js';
import { AVERY, conversation, conversationBot } from './helpers.js';

describe('the bot keeps each conversation’s frames in the store', () => {
  it('saves what was understood — ids and dates, never the message text', async () => {
    const store = createMemoryStore();
    const bot = conversationBot({ store });
    const chat = conversation(bot, { conversationId: 'D0AVERY' });
    await chat.say('who is on IR in March, please?');
    const raw = await store.get(
      contextKey({ platform: 'slack', conversationId: 'D0AVERY', asker: { email: AVERY } })!,
    );
    const context = conversationContextSchema().parse(JSON.parse(raw!));
    expect(context.frames).toHaveLength(1);
    expect(context.frames[0]).toMatchObject({
      intent: 'schedule.who',
      time: [{ kind: 'month', month: '2027-03' }],
    });
    expect(context.frames[0]!.subjects).toContainEqual({ kind: 'rotation', id: 'ir-duke' });
    expect(raw).not.toMatch(/who is|please/i);
  });

  it('keeps nothing for a message outside any conversation, or for small talk', async () => {
    const store = createMemoryStore();
    const bot = conversationBot({ store });
    await conversation(bot, { conversationId: undefined as unknown as string }).say(
      'who is on IR in March?',
      {
        conversationId: undefined,
      },
    );
    expect(await store.keys('context:')).toEqual([]);
    const chat = conversation(bot, { conversationId: 'D0AVERY' });
    await chat.say('who is on IR in March?');
    await chat.say('thanks!');
    const key = (await store.keys('context:'))[0]!;
    expect(conversationContextSchema().parse(JSON.parse((await store.get(key))!)).frames).toHaveLength(1);
  });

  it('answers as usual when the store is down', async () => {
    const bot = conversationBot({ store: downStore() });
    const answer = await conversation(bot).say('who is on IR in March?');
    expect(answer.intent).toBe('schedule.who');
    expect(answer.unanswered ?? false).toBe(false);
  });
});
