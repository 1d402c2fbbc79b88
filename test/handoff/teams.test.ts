import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeamsPlugin } from '../../adapters/teams/plugin.js';
import { createHandoffService } from '../../src/handoff/service.js';
import type { Runtime } from '../../src/runtime.js';
import { waitFor } from '../slack/helpers.js';
import { recordingBot } from '../support/runtime.js';
import { AUTH_ENV, authorization, nockBotFrameworkAuth } from '../teams/bot-framework.js';
import {
  botAddedToTeam,
  CHANNEL_ID,
  channelMention,
  createTestRuntime,
  personalMessage,
  post,
  SERVICE_HOST,
  startServer,
  type TestServer,
} from '../teams/helpers.js';

interface Sent {
  method: string;
  path: string;
  body: Record<string, unknown>;
}

const PERSONAL = 'a:personal-29:1abc-user';
const sent: Sent[] = [];
const bot = recordingBot((message) =>
  /parking/i.test(message.text)
    ? { intent: 'fallback', text: "I don't know about parking.", factIds: [], unanswered: true }
    : { intent: 'procedure.does-ir', text: 'Yes — IR does TIPS.', factIds: ['tips'] },
);
let server: TestServer;
let runtime: Runtime;

function send(activity: { serviceUrl?: string }) {
  return post(server.url, activity, authorization(activity));
}

type Card = {
  body?: Array<Record<string, unknown>>;
  actions?: Array<{ title: string; data: Record<string, string> }>;
};
const cardOf = (s: Sent) => (s.body.attachments as Array<{ content: Card }> | undefined)?.[0]?.content;
const to = (conversation: string) =>
  sent.filter((s) => s.path.startsWith(`/amer/v3/conversations/${conversation}/activities`));

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  nockBotFrameworkAuth();
  let n = 0;
  const record = (method: string) => (path: string, body: unknown) => {
    sent.push({ method, path: decodeURIComponent(path), body: body as Record<string, unknown> });
    return { id: `activity-${++n}` };
  };
  nock(SERVICE_HOST)
    .persist()
    .post(/\/amer\/v3\/conversations\/[^/]+\/activities(\/[^/]+)?$/)
    .reply(200, record('POST'))
    .put(/\/amer\/v3\/conversations\/[^/]+\/activities\/[^/]+$/)
    .reply(200, record('PUT'))
    .get(/\/members\//)
    .reply(200, {
      id: '29:1abc-user',
      name: 'Dana Resident',
      aadObjectId: 'aad-user-1',
      email: 'dana@hospital.org',
    });
  runtime = createTestRuntime({
    bot,
    env: { ...AUTH_ENV, HANDOFF_TEAMS_CONVERSATION: CHANNEL_ID },
    residents: [{ email: 'dana@hospital.org', name: 'Dana Resident', level: 'R3', blocks: [] }],
  });
  runtime.handoff = createHandoffService(runtime);
  server = await startServer(createTeamsPlugin(runtime));
  // The coordinators' team installs the bot: its channel's reference is stored.
  expect((await send(botAddedToTeam())).status).toBe(200);
});

afterAll(async () => {
  await server.close();
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('a hand-off from Teams', () => {
  it('card actions vote and hand off; a reply in the card reply chain comes back to the resident once', async () => {
    expect((await send(personalMessage('is there parking at the VA?'))).status).toBe(200);
    const answer = to(PERSONAL)
      .map(cardOf)
      .find((c) => c?.actions)!;
    expect(answer.actions!.map((a) => a.title)).toEqual(['Helpful', 'Not helpful', 'Ask a coordinator']);
    const ask = answer.actions!.find((a) => a.title === 'Ask a coordinator')!.data;

    const press = { ...personalMessage(''), text: undefined, value: ask };
    expect((await send(press)).status).toBe(200);
    const card = to(CHANNEL_ID).find((s) => s.method === 'POST' && cardOf(s))!;
    const cardText = JSON.stringify(cardOf(card));
    expect(cardText).toContain('is there parking at the VA?');
    expect(cardText).toContain('Dana Resident (R3)');
    expect(cardText).toContain('a Teams chat with rotabot');
    expect(cardText).not.toContain('dana@hospital.org');
    expect(to(PERSONAL).some((s) => String(s.body.text).includes('passed your question'))).toBe(true);
    const cardId = (await runtime.store.keys('handoff:card:teams:'))[0]!.split(':').at(-1)!;

    // A reply in another channel's thread with the same message id: answered as a question, not relayed.
    const elsewhere = channelMention('Park anywhere!');
    elsewhere.conversation.id = `19:other@thread.tacv2;messageid=${cardId}`;
    elsewhere.channelData = { ...elsewhere.channelData, channel: { id: '19:other@thread.tacv2' } };
    await send(elsewhere);
    expect(bot.asked.map((m) => m.text)).toContain('Park anywhere!');

    const reply = channelMention('Yes: the deck on Fulton Street.');
    reply.conversation.id = `${CHANNEL_ID};messageid=${cardId}`;
    reply.from = { ...reply.from, name: 'Carol Coordinator' };
    await send(reply);
    await send(reply);
    const relayed = () => to(PERSONAL).filter((s) => String(s.body.text).includes('Fulton Street'));
    await waitFor(() => relayed().length > 0, 'the relay');
    expect(relayed()).toHaveLength(1);
    expect(relayed()[0]!.body.text).toContain(
      'Carol Coordinator (program coordinator) answered your question',
    );
    expect(to(PERSONAL).some((s) => String(s.body.text).includes('Park anywhere'))).toBe(false);
    const update = sent.find((s) => s.method === 'PUT' && s.path.endsWith(`/activities/${cardId}`))!;
    expect(JSON.stringify(cardOf(update))).toContain('Answered by Carol Coordinator');

    // Save as FAQ from the card.
    const save = cardOf(update)!.actions!.find((a) => a.title === 'Save as FAQ')!.data;
    const faqPress = { ...channelMention(''), text: undefined, value: save };
    faqPress.conversation.id = `${CHANNEL_ID};messageid=${cardId}`;
    await send(faqPress);
    expect(sent.some((s) => String(s.body.text).includes('question: Is there parking at the VA?'))).toBe(
      true,
    );
  });
});
