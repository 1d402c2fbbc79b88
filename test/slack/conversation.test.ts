import { describe, expect, it } from 'vitest';
import { ALICE, BOT_USER, nockMethod, nockUsersInfo, postEvent, useSlackServer, waitFor } from './helpers.js';
import { BOB_SLACK, dmEvent, eventCallback } from './payloads.js';

const server = useSlackServer({ realCore: true, cleanNock: 'file' });

/** Posts a signed event and returns the text the bot posts back (and where). */
async function said(payload: unknown): Promise<{ text: string; thread_ts?: string }> {
  const { scope, bodies } = nockMethod('chat.postMessage');
  await postEvent(server.url, payload);
  await waitFor(() => scope.isDone(), 'answer');
  return bodies[0]! as { text: string; thread_ts?: string };
}

const THREAD = '1764342005.000300';
const mention = (user: string, text: string, ts: string, threadTs?: string) =>
  eventCallback({
    type: 'app_mention',
    channel: 'C0GENERAL',
    user,
    text: `<@${BOT_USER}> ${text}`,
    ts,
    ...(threadTs ? { thread_ts: threadTs } : {}),
  });

describe('Slack conversations with the real core', () => {
  it('a DM is one conversation: "and the month after?" follows "what am I on next month?"', async () => {
    const first = await said(dmEvent('what am I on next month?', { ts: '1764342000.000100' }));
    expect(first.text).toMatch(/December 2026.*Durham VA/);
    const next = await said(dmEvent('and the month after?', { ts: '1764342060.000200' }));
    expect(next.text).toMatch(/January 2027/);
    expect(next.text).toMatch(/Body/);
  });

  it('"is that at the VA?" after a rotation answer is a yes/no the schedule decides', async () => {
    await said(dmEvent('what am I on next month?', { ts: '1764342400.000700' }));
    const va = await said(dmEvent('is that at the VA?', { ts: '1764342460.000800' }));
    expect(va.text).toMatch(/^Yes — /);
    expect(va.text).toMatch(/December 2026/);
  });

  it('a channel thread is one conversation per asker: a colleague’s "and January?" stands alone', async () => {
    nockUsersInfo(BOB_SLACK, 'bob.diaz@example.edu');
    const top = await said(mention(BOB_SLACK, 'who is on IR in November?', THREAD));
    expect(top.thread_ts).toBe(THREAD);
    expect(top.text).toMatch(/Alice Chen/);
    const bobs = await said(mention(BOB_SLACK, 'and December?', '1764342100.000400', THREAD));
    expect(bobs.text).toMatch(/in December 2026/);
    expect(bobs.text).toMatch(/Alice Chen/);
    expect(bobs.thread_ts).toBe(THREAD);
    // Alice in the same thread: her own December, not Bob's question.
    const alices = await said(mention(ALICE.slackId!, 'and December?', '1764342200.000500', THREAD));
    expect(alices.text).toMatch(/you are on/);
    expect(alices.text).not.toMatch(/Alice Chen/);
    // A new thread starts afresh: "and December?" is Bob's own month there.
    const elsewhere = await said(mention(BOB_SLACK, 'and December?', '1764342300.000600'));
    expect(elsewhere.text).not.toMatch(/Alice Chen/);
  });
});
