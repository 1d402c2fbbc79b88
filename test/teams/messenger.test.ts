import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTeamsAdapter } from '../../adapters/teams/adapter.js';
import { createTeamsMessenger } from '../../adapters/teams/messenger.js';
import { createTeamsPlugin } from '../../adapters/teams/plugin.js';
import { createReferenceBook } from '../../adapters/teams/references.js';
import { statusOf } from '../../adapters/teams/retry.js';
import { PostNotSentError, RecipientUnreachableError } from '../../src/reminders/messenger.js';
import { createRedisStore } from '../../src/store/redis-store.js';
import type { Store } from '../../src/store/store.js';
import { AUTH_ENV, authorization, nockBotFrameworkAuth } from './bot-framework.js';
import {
  botAddedToTeam,
  CHANNEL_ID,
  createTestRuntime,
  personalMessage,
  post,
  SERVICE_HOST,
  startServer,
} from './helpers.js';

const PREFIX = `test:teams-messenger:${randomUUID()}:`;
const PERSONAL_ID = 'a:personal-29:1abc-user';
const clients: Redis[] = [];

function redisStore(): Store {
  const client = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
  clients.push(client);
  return createRedisStore(client, PREFIX);
}

const announcement = { text: 'September rotations are out.', itemsTitle: 'IR', items: ['Dana — IR-VA'] };
const dana = { email: 'dana@hospital.org', name: 'Dana Resident' };

/** A messenger as a freshly started process builds it: new Redis client, new adapter. */
function freshMessenger() {
  const runtime = createTestRuntime({ store: redisStore(), env: AUTH_ENV });
  const delays: number[] = [];
  const messenger = createTeamsMessenger(runtime, createTeamsAdapter(runtime.config), {
    retry: { baseDelayMs: 10, sleep: async (ms) => void delays.push(ms) },
  });
  return { messenger, runtime, delays };
}

function expectPost(conversationId: string, ...statuses: number[]) {
  const bodies: Record<string, unknown>[] = [];
  const scope = nock(SERVICE_HOST);
  for (const status of statuses) {
    scope
      // Inside a proactive turn the SDK replies to the continuation activity's made-up id.
      .post((uri) =>
        uri.startsWith(`/amer/v3/conversations/${encodeURIComponent(conversationId)}/activities`),
      )
      .reply(status, (_uri, body) => {
        bodies.push(body as Record<string, unknown>);
        return status === 200 ? { id: 'posted' } : { error: { code: 'Refused', message: `HTTP ${status}` } };
      });
  }
  return { scope, bodies };
}

describe('Teams proactive posts from stored references (real Redis)', () => {
  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    // The first "process": the bot is added to a team and a resident writes to it.
    const store = redisStore();
    const server = await startServer(createTeamsPlugin(createTestRuntime({ store, env: AUTH_ENV })));
    nockBotFrameworkAuth();
    nock(SERVICE_HOST)
      .persist()
      .post(/\/activities/)
      .reply(200, { id: 'r' })
      .get(/\/members\//)
      .reply(200, { id: '29:1abc-user', aadObjectId: 'aad-user-1', email: 'dana@hospital.org' });
    for (const activity of [botAddedToTeam(), personalMessage('hi')]) {
      expect((await post(server.url, activity, authorization(activity))).status).toBe(200);
    }
    await server.close();
    await store.close();
    nock.cleanAll();
  });
  beforeEach(() => nockBotFrameworkAuth());
  afterEach(() => nock.cleanAll());
  afterAll(async () => {
    const cleanup = new Redis('redis://127.0.0.1:6379');
    const keys = await cleanup.keys(`${PREFIX}*`);
    if (keys.length) await cleanup.del(...keys);
    await cleanup.quit();
    await Promise.all(clients.map((c) => c.quit().catch(() => c.disconnect())));
    nock.enableNetConnect();
  });

  it('posts a card to the channel after a restart, reading the reference back from Redis', async () => {
    const { messenger } = freshMessenger();
    const { scope, bodies } = expectPost(CHANNEL_ID, 200);

    await messenger.postToChannel(CHANNEL_ID, announcement);

    expect(scope.isDone()).toBe(true);
    const card = (
      bodies[0]!.attachments as { contentType: string; content: { body: { text?: string }[] } }[]
    )[0]!;
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.content.body[0]!.text).toBe('September rotations are out.');
    expect(bodies[0]!.summary).toContain('Dana — IR-VA');
  });

  it('posts to a person by email and by Teams id through their personal chat', async () => {
    const { messenger } = freshMessenger();
    const { scope } = expectPost(PERSONAL_ID, 200, 200);
    await messenger.postToPerson(dana, { text: 'Reminder: IR-VA starts Monday.' });
    await messenger.postToPerson(
      { email: 'other@x.org', name: 'Dana', teamsId: 'aad-user-1' },
      { text: 'Again.' },
    );
    expect(scope.isDone()).toBe(true);
  });

  it('retries 429 and 412 with growing, jittered delays, then delivers', async () => {
    const { messenger, delays } = freshMessenger();
    const { scope, bodies } = expectPost(CHANNEL_ID, 429, 412, 200);
    await messenger.postToChannel(CHANNEL_ID, announcement);
    expect(scope.isDone()).toBe(true);
    expect(bodies).toHaveLength(3);
    expect(delays).toHaveLength(2);
    expect(delays[0]!).toBeGreaterThanOrEqual(5);
    expect(delays[0]!).toBeLessThanOrEqual(10);
    expect(delays[1]!).toBeGreaterThanOrEqual(10);
    expect(delays[1]!).toBeLessThanOrEqual(20);
  });

  it("honours Teams' Retry-After on a refusal the SDK does not retry itself", async () => {
    const { messenger, delays } = freshMessenger();
    const path = (uri: string) =>
      uri.startsWith(`/amer/v3/conversations/${encodeURIComponent(CHANNEL_ID)}/activities`);
    const scope = nock(SERVICE_HOST)
      .post(path)
      .reply(412, { error: { code: 'PreconditionFailed' } }, { 'Retry-After': '3' })
      .post(path)
      .reply(200, { id: 'posted' });
    await messenger.postToChannel(CHANNEL_ID, announcement);
    expect(scope.isDone()).toBe(true);
    expect(delays).toEqual([3000]);
  });

  it('gives up after a bounded number of tries', async () => {
    const { messenger, delays } = freshMessenger();
    const { scope } = expectPost(CHANNEL_ID, 429, 429, 429, 429);
    await expect(messenger.postToChannel(CHANNEL_ID, announcement)).rejects.toMatchObject({
      statusCode: 429,
    });
    expect(scope.isDone()).toBe(true);
    expect(delays).toHaveLength(3);
  });

  it('says a person who never talked to the bot is unreachable', async () => {
    const { messenger } = freshMessenger();
    const error = await messenger
      .postToPerson({ email: 'new@hospital.org', name: 'New Resident' }, announcement)
      .catch((e) => e);
    expect(error).toBeInstanceOf(RecipientUnreachableError);
    expect(error.reason).toBe('never talked to the bot');
  });

  it('drops the reference when Teams answers 403 (the bot was removed)', async () => {
    const { messenger, runtime } = freshMessenger();
    const { scope } = expectPost(PERSONAL_ID, 403);
    const error = await messenger.postToPerson(dana, announcement).catch((e) => e);
    expect(scope.isDone()).toBe(true);
    expect(error).toBeInstanceOf(RecipientUnreachableError);
    expect(error.reason).toBe('bot_removed_or_blocked');
    expect(await createReferenceBook(runtime.store).forConversation(PERSONAL_ID)).toBeNull();

    const again = await messenger.postToPerson(dana, announcement).catch((e) => e);
    expect(again).toBeInstanceOf(RecipientUnreachableError);
    expect(again.reason).toBe('never talked to the bot');
  });

  it('never re-sends after a 5xx on its own: the outcome is unknown and the runner decides', async () => {
    const { messenger, delays } = freshMessenger();
    const { scope, bodies } = expectPost(CHANNEL_ID, 502, 200);
    const prepared = await messenger.prepare({ channel: CHANNEL_ID }, announcement, {
      run: 'announce:2026-09',
      delivery: 'x',
    });
    expect(prepared.find).toBeUndefined(); // a bot cannot read a Teams conversation's history
    const error = await prepared.post().catch((e) => e);
    expect(error).not.toBeInstanceOf(PostNotSentError);
    expect(statusOf(error)).toBe(502);
    expect(bodies).toHaveLength(1);
    expect(delays).toEqual([]);
    expect(scope.isDone()).toBe(false);
  });

  it('a refusal it gives up on is PostNotSentError (nothing left, safe to send again)', async () => {
    const { messenger } = freshMessenger();
    const { scope } = expectPost(CHANNEL_ID, 400);
    const prepared = await messenger.prepare({ channel: CHANNEL_ID }, announcement, {
      run: 'announce:2026-09',
      delivery: 'x',
    });
    await expect(prepared.post()).rejects.toBeInstanceOf(PostNotSentError);
    expect(scope.isDone()).toBe(true);
  });
});
