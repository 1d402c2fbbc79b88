import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { createReferenceBook } from '../../adapters/teams/references.js';
import { rawRequest } from '../support/raw-http.js';
import { AUTH_ENV } from './bot-framework.js';
import {
  BOT,
  botAddedToTeam,
  CHANNEL_ID,
  channelMention,
  createFakeBot,
  installationUpdate,
  interceptReplies,
  personalMessage,
  post,
  SERVICE_HOST,
  type Sent,
  useTeamsServer,
} from './helpers.js';

function member(email: string) {
  return {
    id: '29:1abc-user',
    name: 'Dana Resident',
    aadObjectId: 'aad-user-1',
    email,
    userPrincipalName: email,
  };
}

const cardOf = (sent: Sent) =>
  (sent.body.attachments as { contentType: string; content: Record<string, unknown> }[])[0]!;

describe('Teams at POST /api/messages (authenticated)', () => {
  const server = useTeamsServer({ env: AUTH_ENV });
  const { send } = server;

  it('answers a personal message with typing, then an Adaptive Card, and finds the email through Teams', async () => {
    const sent = interceptReplies();
    const lookup = nock(SERVICE_HOST)
      .get('/amer/v3/conversations/a%3Apersonal-29%3A1abc-user/members/29%3A1abc-user')
      .reply(200, member('Dana.Resident@Hospital.org'));
    const activity = personalMessage('who is on IR this month?');

    const res = await send(activity);

    expect(res.status).toBe(200);
    expect(lookup.isDone()).toBe(true);
    expect(server.bot.asked).toHaveLength(1);
    expect(server.bot.asked[0]).toMatchObject({
      text: 'who is on IR this month?',
      platform: 'teams',
      conversation: 'private',
      asker: {
        email: 'dana.resident@hospital.org',
        platformUserId: 'aad-user-1',
        displayName: 'Dana Resident',
      },
      requestId: activity.id,
    });
    expect(sent.map((s) => s.body.type)).toEqual(['typing', 'message']);
    expect(sent[1]!.path).toBe(`/amer/v3/conversations/a:personal-29:1abc-user/activities/${activity.id}`);
    const card = cardOf(sent[1]!);
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.content).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    const body = card.content.body as { type: string; text?: string; items?: { text: string }[] }[];
    expect(body[0]).toMatchObject({
      type: 'TextBlock',
      text: 'You asked: who is on IR this month?',
      wrap: true,
    });
    expect(body.find((b) => b.type === 'Container')?.items?.map((i) => i.text)).toEqual([
      '• first',
      '• second',
    ]);
    expect(sent[1]!.body.summary).toContain('You asked: who is on IR this month?');
  });

  it('caches the member lookup in the store', async () => {
    interceptReplies();
    const lookup = nock(SERVICE_HOST)
      .get(/\/members\//)
      .once()
      .reply(200, member('dana@hospital.org'));
    await send(personalMessage('one'));
    await send(personalMessage('two'));
    expect(lookup.isDone()).toBe(true);
    expect(server.bot.asked.map((m) => m.asker.email)).toEqual(['dana@hospital.org', 'dana@hospital.org']);
  });

  it("lets the schedule's teams_id win over the Teams directory, without asking Teams", async () => {
    await server.restart({
      residents: [
        { email: 'chief@hospital.org', name: 'Chief', level: 'R5', teamsId: 'aad-user-1', blocks: [] },
      ],
    });
    interceptReplies();
    const lookup = nock(SERVICE_HOST)
      .get(/\/members\//)
      .reply(200, member('other@hospital.org'));
    await send(personalMessage('my schedule'));
    expect(server.bot.asked[0]!.asker.email).toBe('chief@hospital.org');
    expect(lookup.isDone()).toBe(false);
  });

  it('answers a channel @mention without the mention, in the thread, and remembers the channel', async () => {
    const sent = interceptReplies();
    nock(SERVICE_HOST)
      .get(/\/members\//)
      .reply(200, member('sam@hospital.org'));
    const activity = channelMention('does IR do TIPS?');

    const res = await send(activity);

    expect(res.status).toBe(200);
    expect(server.bot.asked[0]).toMatchObject({ text: 'does IR do TIPS?', conversation: 'channel' });
    expect(sent[1]!.path).toBe(
      `/amer/v3/conversations/${CHANNEL_ID};messageid=${activity.id}/activities/${activity.id}`,
    );
    const stored = await createReferenceBook(server.store).forConversation(CHANNEL_ID);
    expect(stored?.conversation?.id).toBe(CHANNEL_ID);
  });

  it('maps a group chat to a group conversation', async () => {
    interceptReplies();
    nock(SERVICE_HOST)
      .get(/\/members\//)
      .reply(404, { error: { code: 'NotFound' } });
    const activity = { ...channelMention('hello'), channelData: {} };
    activity.conversation = {
      ...activity.conversation,
      conversationType: 'groupChat',
      id: '19:chat@thread.v2',
    };
    await send(activity);
    expect(server.bot.asked[0]).toMatchObject({ text: 'hello', conversation: 'group' });
    expect(server.bot.asked[0]!.asker.email).toBeUndefined();
  });

  it('asks the follow-up a card button carries', async () => {
    const sent = interceptReplies();
    nock(SERVICE_HOST)
      .get(/\/members\//)
      .reply(200, member('dana@hospital.org'));
    await send(personalMessage('first question'));
    const action = (
      cardOf(sent[1]!).content.actions as { type: string; data: Record<string, unknown> }[]
    )[0]!;
    expect(action.type).toBe('Action.Submit');

    // What Teams posts when an Action.Submit without messageBack text is pressed: text empty, value = data.
    const click = { ...personalMessage(''), text: undefined, value: action.data };
    await send(click);

    expect(server.bot.asked[1]!.text).toBe('who is on IR this month');
  });

  it('stores a conversation reference when the bot is added to a team, and forgets it when removed', async () => {
    const res = await send(botAddedToTeam());
    expect(res.status).toBe(200);
    const book = createReferenceBook(server.store);
    const reference = await book.forConversation(CHANNEL_ID);
    expect(reference).toMatchObject({
      bot: { id: BOT.id },
      channelId: 'msteams',
      conversation: { id: CHANNEL_ID },
    });

    await send({
      ...botAddedToTeam(),
      membersAdded: undefined,
      membersRemoved: [{ id: BOT.id }],
    });
    expect(await book.forConversation(CHANNEL_ID)).toBeNull();
  });

  it('keeps a personal reference on installationUpdate add, reachable by the person, and drops it on remove', async () => {
    nock(SERVICE_HOST)
      .get(/\/members\//)
      .reply(200, member('dana@hospital.org'));
    await send(installationUpdate('add'));
    const book = createReferenceBook(server.store);
    expect((await book.forPerson({ teamsId: 'aad-user-1' }))?.conversation?.id).toBe(
      'a:personal-29:1abc-user',
    );
    expect((await book.forPerson({ email: 'Dana@hospital.org' }))?.conversation?.id).toBe(
      'a:personal-29:1abc-user',
    );

    await send(installationUpdate('remove'));
    expect(await book.forPerson({ teamsId: 'aad-user-1' })).toBeNull();
  });

  it('answers the same activity once when it is delivered twice', async () => {
    interceptReplies();
    nock(SERVICE_HOST)
      .get(/\/members\//)
      .reply(200, member('dana@hospital.org'));
    const activity = personalMessage('twice');
    await send(activity);
    await send(activity);
    expect(server.bot.asked).toHaveLength(1);
  });

  it('apologises instead of going silent when the bot fails', async () => {
    await server.restart({
      bot: {
        async handle() {
          throw new Error('boom');
        },
      },
    });
    const sent = interceptReplies();
    nock(SERVICE_HOST)
      .get(/\/members\//)
      .reply(200, member('dana@hospital.org'));
    const res = await send(personalMessage('break'));
    expect(res.status).toBe(200);
    expect(sent.at(-1)!.body.text).toMatch(/^Sorry, something went wrong/);
  });

  it('never posts a private answer (the calendar link) in a channel, only in a personal chat', async () => {
    const link = 'https://rotabot.example.edu/calendar/secret-token.ics';
    const privateBot = createFakeBot({ intent: 'calendar.link', text: `Subscribe: ${link}`, private: true });
    await server.restart({ bot: privateBot });
    const sent = interceptReplies();
    nock(SERVICE_HOST)
      .persist()
      .get(/\/members\//)
      .reply(200, member('sam@hospital.org'));
    await send(channelMention('my calendar link'));
    const inChannel = JSON.stringify(sent.filter((s) => s.body.type === 'message'));
    expect(inChannel).not.toContain('secret-token');
    expect(inChannel).toContain('only for you');

    sent.length = 0;
    await send(personalMessage('my calendar link'));
    expect(JSON.stringify(sent.filter((s) => s.body.type === 'message'))).toContain('secret-token');
  });

  it('refuses a body that is not an activity', async () => {
    const res = await send({ hello: 'world' });
    expect(res.status).toBe(400);
  });
});

describe('Teams in the Emulator mode (TEAMS_EMULATOR=on, unauthenticated, loopback only)', () => {
  const server = useTeamsServer({ env: { TEAMS_EMULATOR: 'on' } });

  it('works with the Bot Framework Emulator: no conversation type, an http serviceUrl, an email it carries', async () => {
    const replies: Record<string, unknown>[] = [];
    const emulator = nock('http://localhost:53001')
      .persist()
      .post(/\/v3\/conversations\/[^/]+\/activities/)
      .reply(200, (_uri, body) => {
        replies.push(body as Record<string, unknown>);
        return { id: 'e' };
      });
    const res = await post(server.url, {
      type: 'message',
      id: 'emu-1',
      channelId: 'emulator',
      serviceUrl: 'http://localhost:53001',
      from: { id: 'emulator-user', name: 'User', email: 'Local@Example.org', role: 'user' },
      conversation: { id: 'emu-conversation|livechat' },
      recipient: { id: 'bot', name: 'Bot', role: 'bot' },
      text: 'my schedule',
    });
    expect(res.status).toBe(200);
    expect(server.bot.asked[0]).toMatchObject({
      conversation: 'private',
      asker: { email: 'local@example.org' },
    });
    expect(replies.map((r) => r.type)).toEqual(['typing', 'message']);
    emulator.persist(false);
  });

  it('stores no conversation reference from unauthenticated traffic', async () => {
    nock(SERVICE_HOST)
      .persist()
      .post(/activities/)
      .reply(200, { id: 'r' });
    await post(server.url, botAddedToTeam());
    expect(await createReferenceBook(server.store).conversationIds()).toEqual([]);
  });

  it('refuses a request whose Host is not this machine (DNS rebinding)', async () => {
    const res = await rawRequest(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', host: 'attacker.example' },
      body: JSON.stringify(personalMessage('hello')),
    });
    expect(res.status).toBe(403);
    expect(server.bot.asked).toHaveLength(0);
  });
});
