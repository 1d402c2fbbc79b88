import { beforeEach, describe, expect, it } from 'vitest';
import { describeRotation } from '../../src/knowledge/rotation-names.js';
import {
  ALICE,
  BOB,
  fakeBot,
  nockAuthTest,
  nockMethod,
  nockResponseUrl,
  nockUsersInfo,
  postEvent,
  postForm,
  postInteraction,
  shippedKnowledge,
  slackRuntime,
  startSlackServer,
  useSlackServer,
  waitFor,
} from './helpers.js';
import { BOB_SLACK, blockActions, eventCallback, slashCommand } from './payloads.js';

const bot = fakeBot();

type Block = {
  type: string;
  text?: { text: string };
  elements?: Array<Record<string, unknown> & { text: unknown }>;
};
const blocksOf = (body: Record<string, unknown>): Block[] =>
  typeof body.blocks === 'string' ? JSON.parse(body.blocks) : (body.blocks as Block[]);
const buttonsOf = (blocks: Block[]) =>
  blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);

// Bob's identity is looked up once and then cached for every test in this file.
const server = useSlackServer({ bot, setup: () => nockUsersInfo(BOB_SLACK, BOB.email) });
beforeEach(() => {
  bot.asked.length = 0;
});

describe('/rotabot', () => {
  it('acks at once, answers privately with a Share button, and sharing posts the same answer publicly', async () => {
    const command = slashCommand('does IR do TIPS?', '/commands/1/ask');
    const reply = nockResponseUrl('/commands/1/ask');
    const res = await postForm(server.url, command);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    await waitFor(() => reply.scope.isDone(), 'ephemeral answer');

    expect(bot.asked[0]).toMatchObject({
      text: 'does IR do TIPS?',
      conversation: 'private',
      asker: { email: BOB.email },
    });
    const ephemeral = reply.bodies[0]!;
    expect(ephemeral.response_type).toBe('ephemeral');
    expect(ephemeral.text).toContain('You asked: does IR do TIPS?');
    const buttons = buttonsOf(blocksOf(ephemeral));
    const share = buttons.find((b) => b.action_id === 'rotabot_share')!;
    expect(share).toBeDefined();
    expect(buttons.filter((b) => String(b.action_id).startsWith('rotabot_ask_'))).toHaveLength(2);

    const shared = nockResponseUrl('/actions/1/share');
    await postInteraction(
      server.url,
      blockActions({
        actionId: 'rotabot_share',
        value: String(share.value),
        container: {
          type: 'message',
          message_ts: '1764342010.000100',
          channel_id: 'C0GENERAL',
          is_ephemeral: true,
        },
        channel: 'C0GENERAL',
        responsePath: '/actions/1/share',
      }),
    );
    await waitFor(() => shared.scope.isDone(), 'shared answer');
    const publicPost = shared.bodies[0]!;
    expect(publicPost.response_type).toBe('in_channel');
    expect(publicPost.text).toBe(ephemeral.text);
    const publicBlocks = blocksOf(publicPost);
    expect(JSON.stringify(publicBlocks[0])).toContain(`<@${BOB_SLACK}> asked: _does IR do TIPS?_`);
    // A shared copy has no buttons: they would answer whoever presses them, not the sharer.
    expect(buttonsOf(publicBlocks)).toHaveLength(0);
    // Sharing does not ask the bot again.
    expect(bot.asked).toHaveLength(1);
  });

  it.each([[''], ['help'], ['  HELP ']])(
    'shows help for %j, with how to ask in Slack and no share button',
    async (text) => {
      const reply = nockResponseUrl('/commands/1/help');
      await postForm(server.url, slashCommand(text, '/commands/1/help'));
      await waitFor(() => reply.scope.isDone(), 'help');
      expect(bot.asked[0]!.text).toBe('help');
      const blocks = blocksOf(reply.bodies[0]!);
      expect(JSON.stringify(blocks[0])).toContain('/rotabot');
      expect(buttonsOf(blocks).some((b) => b.action_id === 'rotabot_share')).toBe(false);
    },
  );
});

describe('suggestion buttons', () => {
  it('answers a button under a channel answer in that thread, naming who asked', async () => {
    const { scope, bodies } = nockMethod('chat.postMessage');
    await postInteraction(
      server.url,
      blockActions({
        actionId: 'rotabot_ask_1',
        value: 'What is my schedule?',
        container: {
          type: 'message',
          message_ts: '1764342020.000100',
          channel_id: 'C0GENERAL',
          is_ephemeral: false,
        },
        channel: 'C0GENERAL',
        message: { type: 'message', ts: '1764342020.000100', thread_ts: '1764342005.000300', text: 'answer' },
      }),
    );
    await waitFor(() => scope.isDone(), 'button answer');
    expect(bot.asked[0]).toMatchObject({ text: 'What is my schedule?', conversation: 'channel' });
    expect(bodies[0]).toMatchObject({ channel: 'C0GENERAL', thread_ts: '1764342005.000300' });
    expect(JSON.parse(bodies[0]!.blocks!)[0].elements[0].text).toBe(
      `<@${BOB_SLACK}> asked: _What is my schedule?_`,
    );
  });

  it('answers a button under an ephemeral answer privately through its response_url', async () => {
    const reply = nockResponseUrl('/actions/2/ask');
    await postInteraction(
      server.url,
      blockActions({
        actionId: 'rotabot_ask_0',
        value: 'Who is on IR this month?',
        container: {
          type: 'message',
          message_ts: '1764342030.000100',
          channel_id: 'C0GENERAL',
          is_ephemeral: true,
        },
        channel: 'C0GENERAL',
        responsePath: '/actions/2/ask',
      }),
    );
    await waitFor(() => reply.scope.isDone(), 'ephemeral button answer');
    expect(bot.asked[0]).toMatchObject({ conversation: 'private' });
    expect(reply.bodies[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
  });

  it('answers an App Home button in the DM', async () => {
    const { scope, bodies } = nockMethod('chat.postMessage');
    await postInteraction(
      server.url,
      blockActions({
        actionId: 'rotabot_ask_0',
        value: 'What is my next rotation?',
        container: { type: 'view', view_id: 'V0HOME' },
      }),
    );
    await waitFor(() => scope.isDone(), 'home button answer');
    expect(bot.asked[0]).toMatchObject({ text: 'What is my next rotation?', conversation: 'private' });
    expect(bodies[0]!.channel).toBe(BOB_SLACK);
  });
});

describe('App Home', () => {
  it('publishes the current and next rotation, the next reminder and quick questions', async () => {
    const { scope, bodies } = nockMethod('views.publish');
    const res = await postEvent(
      server.url,
      eventCallback({ type: 'app_home_opened', user: ALICE.slackId, channel: 'D0ALICE', tab: 'home' }),
    );
    expect(res.status).toBe(200);
    await waitFor(() => scope.isDone(), 'views.publish');
    expect(bodies[0]!.user_id).toBe(ALICE.slackId);
    const view = JSON.parse(bodies[0]!.view!);
    expect(view.type).toBe('home');
    const text = JSON.stringify(view.blocks);
    const k = await shippedKnowledge();
    expect(text).toContain(`*Now:* ${describeRotation(k, ALICE.blocks[0]!).text}`);
    expect(text).toContain(
      `*Next:* ${describeRotation(k, ALICE.blocks[1]!).text}, from <!date^1796126400^{date_long}|Tuesday, December 1, 2026>`,
    );
    // Lead 1 weekday before Tuesday, December 1: Monday, November 30.
    expect(text).toContain('*Next reminder:* <!date^1796040000^{date_long}|Monday, November 30, 2026>');
    const buttons = buttonsOf(view.blocks);
    expect(buttons.length).toBeGreaterThan(2);
    expect(buttons.every((b) => String(b.action_id).startsWith('rotabot_ask_'))).toBe(true);
    expect(text).not.toContain(ALICE.email);
  });

  it('promises no reminder when the scheduler is off', async () => {
    nockAuthTest();
    const quiet = await startSlackServer(await slackRuntime({ bot, env: { SCHEDULER: 'off' } }));
    const { scope, bodies } = nockMethod('views.publish');
    try {
      await postEvent(
        quiet.url,
        eventCallback({ type: 'app_home_opened', user: ALICE.slackId, channel: 'D0ALICE', tab: 'home' }),
      );
      await waitFor(() => scope.isDone(), 'views.publish');
      const text = JSON.stringify(JSON.parse(bodies[0]!.view!).blocks);
      expect(text).toContain('*Now:*');
      expect(text).toContain('*Next reminder:* None scheduled');
    } finally {
      await quiet.close();
    }
  });

  it('tells someone the schedule does not know that it cannot show rotations', async () => {
    nockUsersInfo('USTRANGER', 'stranger@example.org');
    const { scope, bodies } = nockMethod('views.publish');
    await postEvent(
      server.url,
      eventCallback({ type: 'app_home_opened', user: 'USTRANGER', channel: 'D0X', tab: 'home' }),
    );
    await waitFor(() => scope.isDone(), 'views.publish');
    const text = JSON.stringify(JSON.parse(bodies[0]!.view!).blocks);
    expect(text).toContain("can't match your Slack account");
    expect(text).not.toContain('Now:');
  });
});
