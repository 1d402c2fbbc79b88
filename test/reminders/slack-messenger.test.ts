import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSlackMessenger } from '../../adapters/slack/messenger.js';
import { buildReminder } from '../../src/reminders/content.js';
import { RecipientUnreachableError } from '../../src/reminders/messenger.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { block, resident, scheduleOf, shippedKnowledge, testRuntime } from './fixtures.js';

const API = 'http://slack.test/api';
const env = { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: API };

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

async function setup() {
  const knowledge = await shippedKnowledge();
  const ana = resident('Ana Diaz', 'R4', [
    block('IR-VA', '2026-12-01', '2026-12-31', { rotationId: 'ir-va' }),
  ]);
  const store = createMemoryStore();
  const runtime = testRuntime({ store, knowledge, schedule: scheduleOf([ana]), env });
  const waits: number[] = [];
  const messenger = createSlackMessenger(runtime, {
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
  return { knowledge, ana, store, messenger, waits };
}

/** Form-encoded Web API bodies as an object (blocks arrive JSON-encoded). */
const form = (body: string | Record<string, string>) =>
  typeof body === 'string' ? Object.fromEntries(new URLSearchParams(body)) : body;

describe('Slack messenger', () => {
  it('looks the resident up by email, opens the DM and posts the reminder text', async () => {
    const { knowledge, ana, messenger, store } = await setup();
    let posted: Record<string, string> = {};
    const scope = nock(API)
      .post('/users.lookupByEmail', (b) => form(b).email === 'ana.diaz@example.edu')
      .reply(200, { ok: true, user: { id: 'U123' } })
      .post('/conversations.open', (b) => form(b).users === 'U123')
      .reply(200, { ok: true, channel: { id: 'D456' } })
      .post('/chat.postMessage', (b) => {
        posted = form(b);
        return true;
      })
      .reply(200, { ok: true, ts: '1.2' });
    await messenger.postToPerson(
      { email: ana.email, name: ana.name },
      buildReminder(knowledge, ana, ana.blocks[0]!, '2026-11-30'),
    );
    expect(scope.isDone()).toBe(true);
    expect(posted.channel).toBe('D456');
    expect(posted.text).toContain(
      'Hi Ana — a reminder: tomorrow, Tuesday, December 1, 2026, you start Interventional Radiology at the Durham VA',
    );
    expect(posted.text).toContain('across the street from Duke University Medical Center');
    expect(JSON.parse(posted.blocks!)[0]).toMatchObject({ type: 'section' });
    // The lookup and the DM channel are cached: the next reminder is one call.
    expect(await store.get('slack:user-by-email:ana.diaz@example.edu')).toBe('U123');
    const again = nock(API).post('/chat.postMessage').reply(200, { ok: true });
    await messenger.postToPerson({ email: ana.email, name: ana.name }, { text: 'again' });
    expect(again.isDone()).toBe(true);
  });

  it('uses the schedule slack_id without a lookup', async () => {
    const { messenger } = await setup();
    const scope = nock(API)
      .post('/conversations.open', (b) => form(b).users === 'U999')
      .reply(200, { ok: true, channel: { id: 'D999' } })
      .post('/chat.postMessage', (b) => form(b).channel === 'D999')
      .reply(200, { ok: true });
    await messenger.postToPerson({ email: 'x@example.edu', name: 'X', slackId: 'U999' }, { text: 'hello' });
    expect(scope.isDone()).toBe(true);
  });

  it('honours 429 Retry-After and posts once', async () => {
    const { messenger, waits } = await setup();
    const scope = nock(API)
      .post('/chat.postMessage')
      .reply(429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '7' })
      .post('/chat.postMessage')
      .reply(200, { ok: true });
    await messenger.postToChannel('C1', { text: 'December rotations', items: ['IR: Ana Diaz (R4)'] });
    expect(scope.isDone()).toBe(true);
    expect(waits).toContain(7000);
  });

  it('turns users_not_found and cannot_dm_bot into RecipientUnreachableError', async () => {
    const { messenger } = await setup();
    nock(API).post('/users.lookupByEmail').reply(200, { ok: false, error: 'users_not_found' });
    await expect(
      messenger.postToPerson({ email: 'gone@example.edu', name: 'Gone' }, { text: 'x' }),
    ).rejects.toBeInstanceOf(RecipientUnreachableError);
    nock(API).post('/conversations.open').reply(200, { ok: false, error: 'cannot_dm_bot' });
    await expect(
      messenger.postToPerson({ email: 'bot@example.edu', name: 'Bot', slackId: 'UBOT' }, { text: 'x' }),
    ).rejects.toMatchObject({ reason: 'cannot_dm_bot' });
  });

  it('paces posts to one channel about a second apart', async () => {
    const { messenger, waits } = await setup();
    nock(API).post('/chat.postMessage').times(3).reply(200, { ok: true });
    await Promise.all([1, 2, 3].map((i) => messenger.postToChannel('C1', { text: `part ${i}` })));
    expect(waits.filter((ms) => ms > 0)).toHaveLength(2);
    expect(Math.max(...waits)).toBeGreaterThanOrEqual(2000);
  });
});
