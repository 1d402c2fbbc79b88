import { beforeEach, describe, expect, it } from 'vitest';
import { slackConversationId } from '../../adapters/slack/parse.js';
import {
  fakeBot,
  nockMethod,
  nockResponseUrl,
  nockUsersInfo,
  postEvent,
  postForm,
  useSlackServer,
  waitFor,
} from './helpers.js';
import { BOB_SLACK, dmEvent, eventCallback, slashCommand } from './payloads.js';

const bot = fakeBot();
const server = useSlackServer({ bot });
beforeEach(() => {
  bot.asked.length = 0;
});

describe('Slack conversation ids (what follow-ups are remembered under)', () => {
  it('reads a DM, a thread in it, a channel thread and the slash command as their own conversations', () => {
    expect(slackConversationId({ channel: 'D0ALICE' })).toBe('D0ALICE');
    expect(slackConversationId({ channel: 'D0ALICE', threadTs: '1.2' })).toBe('D0ALICE:1.2');
    // A mention at the top of a channel starts the thread its answer goes to.
    expect(slackConversationId({ channel: 'C0GENERAL', ts: '5.6' })).toBe('C0GENERAL:5.6');
    expect(slackConversationId({ channel: 'C0GENERAL', threadTs: '5.6', ts: '7.8' })).toBe('C0GENERAL:5.6');
    expect(slackConversationId({ command: 'C0GENERAL' })).not.toBe(
      slackConversationId({ channel: 'C0GENERAL' }),
    );
  });

  it('gives the bot the conversation of each DM, mention and slash command', async () => {
    const posted = [1, 2, 3].map(() => nockMethod('chat.postMessage'));
    nockUsersInfo(BOB_SLACK, 'bob.diaz@example.edu');
    await postEvent(server.url, dmEvent('what am I on next month?'));
    await postEvent(
      server.url,
      eventCallback({
        type: 'app_mention',
        channel: 'C0GENERAL',
        user: BOB_SLACK,
        text: '<@UBOT0001> who is on IR?',
        ts: '1764342005.000300',
      }),
    );
    await postEvent(
      server.url,
      eventCallback({
        type: 'app_mention',
        channel: 'C0GENERAL',
        user: BOB_SLACK,
        text: '<@UBOT0001> and April?',
        ts: '1764342100.000400',
        thread_ts: '1764342005.000300',
      }),
    );
    await waitFor(() => posted.every((p) => p.scope.isDone()), 'three answers');
    const reply = nockResponseUrl('/commands/1/conv');
    await postForm(server.url, slashCommand('who is on IR?', '/commands/1/conv'));
    await waitFor(() => reply.scope.isDone(), 'command answer');
    const ids = bot.asked.map((m) => m.conversationId);
    expect(ids.slice(0, 3).sort()).toEqual([
      'C0GENERAL:1764342005.000300',
      'C0GENERAL:1764342005.000300',
      'D0ALICE',
    ]);
    expect(ids[3]).toBe('slack-command:C0GENERAL');
  });
});
