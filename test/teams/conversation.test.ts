import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { knowledge, schedule } from '../core/helpers.js';
import {
  CHANNEL_ID,
  channelMention,
  personalMessage,
  post,
  SERVICE_HOST,
  useTeamsServer,
} from './helpers.js';

/** Avery's teams_id in the sample schedule. */
const AVERY = { id: '29:1avery', aadObjectId: '00000000-0000-4000-8000-000000000001' };
const NOW = new Date('2026-11-28T15:00:00Z');

const sent: string[] = [];

const server = useTeamsServer({
  per: 'file',
  env: { TEAMS_EMULATOR: 'on', SCHEDULER: 'off' },
  knowledge,
  schedule,
  now: NOW,
  setup() {
    nock(SERVICE_HOST)
      .persist()
      .post(/\/v3\/conversations\/.+\/activities/)
      .reply(200, (_path, body) => {
        if ((body as { type?: string }).type === 'message') sent.push(JSON.stringify(body));
        return { id: `reply-${sent.length}` };
      });
    // Anyone not in the schedule's teams_id column is looked up, and not found.
    nock(SERVICE_HOST)
      .persist()
      .get(/\/members\//)
      .reply(404, {});
  },
  realCore: true,
});

async function ask(activity: object): Promise<string> {
  const before = sent.length;
  const res = await post(server.url, activity);
  expect(res.status).toBeLessThan(300);
  expect(sent.length).toBe(before + 1);
  return sent[sent.length - 1]!;
}

describe('Teams conversations with the real core', () => {
  it('a personal chat is one conversation: "and April?" follows "who is on IR in March?"', async () => {
    const march = await ask(personalMessage('who is on IR in March?', AVERY));
    expect(march).toMatch(/Interventional Radiology in March 2027/);
    const april = await ask(personalMessage('and April?', AVERY));
    expect(april).toMatch(/residents are on Interventional Radiology in April 2027/);
    const count = await ask(personalMessage('how many is that?', AVERY));
    expect(count).toMatch(/3 residents/);
  });

  it('a channel thread (;messageid=) is one conversation, and its askers do not share it', async () => {
    const root = channelMention('who is on IR in March?');
    root.from = { ...AVERY, name: 'Avery Samplewood' };
    await ask(root);
    const inThread = (text: string, from: { id: string; aadObjectId: string; name: string }) => {
      const reply = channelMention(text);
      return { ...reply, from, conversation: { ...reply.conversation, id: root.conversation.id } };
    };
    const followUp = await ask(inThread('and April?', { ...AVERY, name: 'Avery Samplewood' }));
    expect(followUp).toMatch(/Interventional Radiology in April 2027/);
    // Someone else in the same thread: "and April?" is not Avery's question continued.
    const other = await ask(
      inThread('and April?', { id: '29:1xyz-user', aadObjectId: 'aad-user-2', name: 'Sam Fellow' }),
    );
    expect(other).not.toMatch(/Interventional Radiology in April 2027/);
    // Another thread in the same channel starts afresh.
    const fresh = channelMention('and April?');
    fresh.from = { ...AVERY, name: 'Avery Samplewood' };
    expect(fresh.conversation.id).not.toBe(root.conversation.id);
    expect(fresh.conversation.id.startsWith(`${CHANNEL_ID};messageid=`)).toBe(true);
    expect(await ask(fresh)).not.toMatch(/residents are on Interventional Radiology/);
  });
});
