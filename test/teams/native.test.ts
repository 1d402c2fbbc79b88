import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { AUTH_ENV } from './bot-framework.js';
import {
  BOT,
  botAddedToTeam,
  channelMention,
  installationUpdate,
  interceptReplies,
  personalMessage,
  SERVICE_HOST,
  type Sent,
  useTeamsServer,
} from './helpers.js';

/**
 * Installs, colleague mentions and attachments, in the shapes Teams sends them, through the
 * authenticated /api/messages entry point.
 */

type Body = {
  type?: string;
  attachments?: { contentType: string; content: { body: { text?: string }[]; actions?: unknown[] } }[];
};

const cards = (sent: Sent<Body>[]) => sent.filter((s) => s.body.attachments?.length);
const cardText = (s: Sent<Body>) => s.body.attachments![0]!.content.body.map((b) => b.text ?? '').join('\n');

const CASEY = { id: '29:1casey', aadObjectId: 'aad-casey', name: 'Casey Demoreaux' };
const knowledge = await loadKnowledge('knowledge');

describe('Teams feels native', () => {
  const server = useTeamsServer({
    env: AUTH_ENV,
    knowledge,
    residents: [
      { email: 'casey@hospital.org', name: 'Casey Demoreaux', level: 'R4', teamsId: 'aad-casey', blocks: [] },
    ],
  });
  const { send } = server;

  it('a personal install is welcomed once, with question buttons, though Teams announces it twice', async () => {
    const sent = interceptReplies<Body>();
    nock(SERVICE_HOST)
      .get(/\/members\//)
      .reply(200, { id: '29:1abc-user', email: 'dana@hospital.org' });
    expect((await send(installationUpdate('add'))).status).toBe(200);
    const added = {
      ...installationUpdate('add'),
      type: 'conversationUpdate',
      action: undefined,
      membersAdded: [{ id: BOT.id }],
    };
    expect((await send(added)).status).toBe(200);
    const welcomes = cards(sent);
    expect(welcomes).toHaveLength(1);
    expect(cardText(welcomes[0]!)).toMatch(/^Hi! I'm rotabot/);
    expect(cardText(welcomes[0]!)).toMatch(/What am I on next month/);
    expect(welcomes[0]!.body.attachments![0]!.content.actions!.length).toBeGreaterThanOrEqual(2);
  });

  it('a team install is welcomed in the channel, saying to mention the bot', async () => {
    const sent = interceptReplies<Body>();
    expect((await send(botAddedToTeam())).status).toBe(200);
    const welcomes = cards(sent);
    expect(welcomes).toHaveLength(1);
    expect(cardText(welcomes[0]!)).toMatch(/Mention me with a question/);
    // Personal things are not offered to a whole team.
    expect(JSON.stringify(welcomes[0]!.body)).not.toMatch(
      /calendar link\b.*button|subscribe to my schedule/i,
    );
  });

  it('a colleague mentioned in a channel reaches the core as that person, with the email the schedule knows', async () => {
    interceptReplies<Body>();
    const activity = channelMention('what is <at>Casey Demoreaux</at> on in March?');
    activity.entities.push({ type: 'mention', text: '<at>Casey Demoreaux</at>', mentioned: CASEY });
    expect((await send(activity)).status).toBe(200);
    expect(server.bot.asked).toHaveLength(1);
    expect(server.bot.asked[0]!.text).toBe('what is Casey Demoreaux on in March?');
    expect(server.bot.asked[0]!.mentions).toEqual([{ name: 'Casey Demoreaux', email: 'casey@hospital.org' }]);
  });

  it('a mentioned person the schedule does not list is looked up in the Teams directory', async () => {
    interceptReplies<Body>();
    nock(SERVICE_HOST)
      .get(/\/members\/29%3A1jordan|\/members\/29:1jordan/)
      .reply(200, { id: '29:1jordan', name: 'Jordan Smith', email: 'Jordan.Smith@hospital.org' });
    const activity = channelMention('what is <at>Jordan Smith</at> on?');
    activity.entities.push({
      type: 'mention',
      text: '<at>Jordan Smith</at>',
      mentioned: { id: '29:1jordan', name: 'Jordan Smith' } as typeof CASEY,
    });
    // The asker is looked up too.
    nock(SERVICE_HOST)
      .get(/\/members\//)
      .reply(200, { id: '29:1xyz-user', email: 'sam@hospital.org' });
    await send(activity);
    expect(server.bot.asked[0]!.mentions).toEqual([
      { name: 'Jordan Smith', email: 'jordan.smith@hospital.org' },
    ]);
  });

  it('an image with no words gets "I read text only" and never reaches the core', async () => {
    const sent = interceptReplies<Body>();
    nock(SERVICE_HOST)
      .get(/\/members\//)
      .reply(200, { id: '29:1abc-user', email: 'dana@hospital.org' });
    const image = {
      ...personalMessage(''),
      text: undefined,
      attachments: [
        {
          contentType: 'image/*',
          contentUrl: 'https://smba.trafficmanager.net/amer/v3/attachments/0-eus-d1/views/original',
        },
        { contentType: 'text/html', content: '<div><div><span><img src="https://x/y" /></span></div></div>' },
      ],
    };
    expect((await send(image)).status).toBe(200);
    expect(server.bot.asked).toHaveLength(0);
    expect(cardText(cards(sent)[0]!)).toMatch(/^I read text only/);
  });
});
