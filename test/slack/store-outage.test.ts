import { describe, expect, it } from 'vitest';
import { downStore } from '../support/runtime.js';
import {
  ALICE,
  BOB,
  capturingLogger,
  fakeBot,
  logged,
  nockMethod,
  nockResponseUrl,
  nockUsersInfo,
  postEvent,
  postForm,
  useSlackServer,
  waitFor,
} from './helpers.js';
import { BOB_SLACK, dmEvent, eventCallback, slashCommand } from './payloads.js';

const { logger, lines } = capturingLogger();
const bot = fakeBot();
const server = useSlackServer({ logger, bot, store: downStore() });

describe('Slack while the store is down', () => {
  it('still answers a DM: the dedupe check fails open and says so at warn', async () => {
    const { scope, bodies } = nockMethod('chat.postMessage');
    const event = dmEvent('where am I next month?');
    const res = await postEvent(server.url, event);
    expect(res.status).toBe(200);
    await waitFor(() => scope.isDone(), 'chat.postMessage');
    expect(bot.asked.at(-1)).toMatchObject({ text: 'where am I next month?', asker: { email: ALICE.email } });
    expect(bodies[0]!.channel).toBe('D0ALICE');
    const warned = logged(lines, 'slack dedupe failed; answering anyway');
    expect(warned.some((l) => l.eventId === event.event_id)).toBe(true);
  });

  it('still knows who asked a mention: the identity cache fails open to users.info', async () => {
    const info = nockUsersInfo(BOB_SLACK, BOB.email);
    const { scope, bodies } = nockMethod('chat.postMessage');
    const res = await postEvent(
      server.url,
      eventCallback({
        type: 'app_mention',
        channel: 'C0GENERAL',
        user: BOB_SLACK,
        text: '<@UBOT0001> who is on IR?',
        ts: '1764342009.000900',
      }),
    );
    expect(res.status).toBe(200);
    await waitFor(() => scope.isDone(), 'chat.postMessage');
    expect(info.isDone()).toBe(true);
    expect(bot.asked.at(-1)).toMatchObject({ text: 'who is on IR?', asker: { email: BOB.email } });
    expect(bodies[0]!.thread_ts).toBe('1764342009.000900');
    expect(logged(lines, 'slack identity cache read failed').length).toBeGreaterThan(0);
    expect(logged(lines, 'slack identity cache write failed').length).toBeGreaterThan(0);
    expect(logged(lines, 'slack handler failed')).toHaveLength(0);
  });

  it('still answers /rotabot privately, only without the Share button it cannot keep', async () => {
    nockUsersInfo(BOB_SLACK, BOB.email);
    const reply = nockResponseUrl('/commands/9/outage');
    const res = await postForm(server.url, slashCommand('does IR do TIPS?', '/commands/9/outage'));
    expect(res.status).toBe(200);
    await waitFor(() => reply.scope.isDone(), 'ephemeral answer');
    const answer = reply.bodies[0]!;
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toContain('You asked: does IR do TIPS?');
    const actionIds = (answer.blocks as Array<{ type: string; elements?: Array<{ action_id?: string }> }>)
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements ?? [])
      .map((e) => e.action_id);
    expect(actionIds).toContain('rotabot_ask_0');
    expect(actionIds).not.toContain('rotabot_share');
    expect(logged(lines, 'could not keep an answer for sharing; no share button').length).toBeGreaterThan(0);
  });
});
