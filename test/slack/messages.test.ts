import nock from 'nock';
import { beforeEach, describe, expect, it } from 'vitest';
import { slackApiUrl } from '../../adapters/slack/client-options.js';
import { createMetrics } from '../../src/metrics.js';
import {
  ALICE,
  BOB,
  BOT_USER,
  capturingLogger,
  fakeBot,
  logged,
  nockMethod,
  nockUsersInfo,
  postEvent,
  SLACK_HOST,
  useSlackServer,
  waitFor,
} from './helpers.js';
import { BOB_SLACK, dmEvent, eventCallback } from './payloads.js';

const { logger, lines } = capturingLogger();
const metrics = createMetrics({ defaultMetrics: false });
let failNext = false;
const bot = fakeBot();
const handle = bot.handle.bind(bot);
bot.handle = async (m) => {
  if (failNext) {
    failNext = false;
    throw new Error('the core broke');
  }
  return handle(m);
};
const server = useSlackServer({ logger, bot, metrics });
beforeEach(() => {
  bot.asked.length = 0;
});

const mention = (text: string, extra: Record<string, unknown> = {}) =>
  eventCallback({
    type: 'app_mention',
    channel: 'C0GENERAL',
    user: BOB_SLACK,
    text,
    ts: '1764342005.000300',
    ...extra,
  });

describe('direct messages', () => {
  it('answers in the DM, as the resident the schedule names by slack_id', async () => {
    const { scope, bodies } = nockMethod('chat.postMessage');
    const event = dmEvent('where am I next month?');
    const res = await postEvent(server.url, event);
    expect(res.status).toBe(200);
    await waitFor(() => scope.isDone(), 'chat.postMessage');

    expect(bot.asked).toHaveLength(1);
    expect(bot.asked[0]).toMatchObject({
      text: 'where am I next month?',
      platform: 'slack',
      conversation: 'private',
      requestId: event.event_id,
      asker: { email: ALICE.email, platformUserId: ALICE.slackId, displayName: ALICE.name },
    });
    const posted = bodies[0]!;
    expect(posted.channel).toBe('D0ALICE');
    expect(posted.thread_ts).toBeUndefined();
    expect(posted.text).toContain('You asked: where am I next month? <b>&');
    const blocks = JSON.parse(posted.blocks!);
    // mrkdwn control characters are escaped in blocks, never in the plain fallback.
    expect(blocks[0].text.text).toBe('You asked: where am I next month? &lt;b&gt;&amp;');
    const buttons = blocks.at(-1).elements;
    expect(buttons.map((b: { action_id: string }) => b.action_id)).toEqual([
      'rotabot_ask_0',
      'rotabot_ask_1',
    ]);
    expect(buttons[0].value).toBe('Who is on IR this month?');
  });

  it('ignores a bot message, an edit and a join, answering none of them', async () => {
    const before = logged(lines, 'slack message ignored').length;
    await postEvent(server.url, dmEvent('I am a bot', { bot_id: 'BOTHER', bot_profile: { id: 'BOTHER' } }));
    await postEvent(
      server.url,
      dmEvent('', {
        subtype: 'message_changed',
        user: undefined,
        message: { type: 'message', user: ALICE.slackId, text: 'edited question', ts: '1764342000.000100' },
        previous_message: { type: 'message', user: ALICE.slackId, text: 'question', ts: '1764342000.000100' },
      }),
    );
    await postEvent(server.url, dmEvent('<@UALICE01> has joined the channel', { subtype: 'channel_join' }));
    await waitFor(() => logged(lines, 'slack message ignored').length === before + 3, 'three ignored events');
    const reasons = logged(lines, 'slack message ignored')
      .slice(before)
      .map((l) => l.why);
    expect(reasons).toEqual(['from a bot', 'subtype message_changed', 'subtype channel_join']);
    expect(bot.asked).toHaveLength(0);
  });

  it('ignores its own messages', async () => {
    const before = logged(lines, 'slack message ignored').length;
    await postEvent(server.url, dmEvent('an answer I posted', { user: BOT_USER }));
    await waitFor(
      () => logged(lines, 'slack message ignored').length > before || bot.asked.length > 0,
      'ignore',
    );
    expect(logged(lines, 'slack message ignored').at(-1)!.why).toBe('our own message');
    expect(bot.asked).toHaveLength(0);
  });

  it('answers a failure of the core gracefully and keeps going', async () => {
    const first = nockMethod('chat.postMessage');
    failNext = true;
    await postEvent(server.url, dmEvent('first'));
    await waitFor(() => first.scope.isDone(), 'apology');
    expect(first.bodies[0]!.text).toMatch(/^Sorry, something went wrong/);
    expect(logged(lines, 'slack question failed')).toHaveLength(1);

    const second = nockMethod('chat.postMessage');
    await postEvent(server.url, dmEvent('second'));
    await waitFor(() => second.scope.isDone(), 'next answer');
    expect(second.bodies[0]!.text).toContain('You asked: second');
  });
});

describe('mentions', () => {
  it('answers in the thread, without the mention, as the user users.info names (cached)', async () => {
    const users = nockUsersInfo(BOB_SLACK, 'Bob.Diaz@example.edu');
    const first = nockMethod('chat.postMessage');
    await postEvent(server.url, mention(`<@${BOT_USER}> what does IR do?`));
    await waitFor(() => first.scope.isDone(), 'first answer');
    expect(users.isDone()).toBe(true);
    expect(bot.asked[0]).toMatchObject({
      text: 'what does IR do?',
      conversation: 'channel',
      asker: { email: BOB.email, platformUserId: BOB_SLACK, displayName: 'Bob Diaz' },
    });
    expect(first.bodies[0]).toMatchObject({ channel: 'C0GENERAL', thread_ts: '1764342005.000300' });

    // The second question uses the cached identity: no users.info interceptor is left.
    const second = nockMethod('chat.postMessage');
    await postEvent(server.url, mention(`<@${BOT_USER}> and TIPS?`, { thread_ts: '1764341000.000001' }));
    await waitFor(() => second.scope.isDone(), 'second answer');
    expect(bot.asked[1]!.asker.email).toBe(BOB.email);
    expect(second.bodies[0]!.thread_ts).toBe('1764341000.000001');
  });

  it('shows help for a bare mention', async () => {
    const { scope } = nockMethod('chat.postMessage');
    await postEvent(server.url, mention(`<@${BOT_USER}>`, { user: ALICE.slackId }));
    await waitFor(() => scope.isDone(), 'help');
    expect(bot.asked[0]!.text).toBe('help');
  });
});

describe('Web API failures', () => {
  it('logs a failed post with Slack error code and counts it', async () => {
    const { scope } = nockMethod('chat.postMessage', { ok: false, error: 'channel_not_found' });
    await postEvent(server.url, dmEvent('hello'));
    await waitFor(() => scope.isDone() && logged(lines, 'slack post failed').length > 0, 'failure log');
    expect(logged(lines, 'slack post failed').at(-1)).toMatchObject({ code: 'channel_not_found', level: 50 });
    const counted = await (await metrics.registry()).getSingleMetricAsString('rotabot_platform_errors_total');
    expect(counted).toContain('platform="slack",code="channel_not_found"} 1');
  });

  it('waits out a 429 Retry-After and then posts', async () => {
    const limited = nock(SLACK_HOST)
      .post('/api/chat.postMessage')
      .reply(429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '1' });
    const { scope, bodies } = nockMethod('chat.postMessage');
    await postEvent(server.url, dmEvent('rate me'));
    await waitFor(() => scope.isDone(), 'the retried post');
    expect(limited.isDone()).toBe(true);
    expect(bodies[0]!.text).toContain('rate me');
  });

  it('sends Web API calls to SLACK_API_URL, with exactly one trailing slash', () => {
    // Every nock in this file matched http://slack.test/api/<method> although the config says …/api.
    expect(slackApiUrl({ SLACK_API_URL: 'http://slack.test/api' })).toBe('http://slack.test/api/');
    expect(slackApiUrl({ SLACK_API_URL: 'https://proxy.example.edu/slack/api//' })).toBe(
      'https://proxy.example.edu/slack/api/',
    );
    expect(slackApiUrl({ SLACK_API_URL: undefined })).toBe('https://slack.com/api/');
  });
});
