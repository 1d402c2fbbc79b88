import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisStore } from '../../src/store/redis-store.js';
import type { Store } from '../../src/store/store.js';
import { ALICE, nockAuthTest, nockResponseUrl, postEvent, waitFor } from '../slack/helpers.js';
import { dmEvent } from '../slack/payloads.js';
import {
  buttonsOf,
  COORDINATORS,
  handoffServer,
  press,
  recordSlack,
  textOf,
  threadReply,
} from './slack-helpers.js';

const clients: Redis[] = [];
const prefix = `test:handoff-relay:${randomUUID()}:`;
type Server = Awaited<ReturnType<typeof handoffServer>>;
const servers: Server[] = [];

function redisStore(): Store {
  const client = new Redis('redis://127.0.0.1:6379', { lazyConnect: false, maxRetriesPerRequest: 1 });
  clients.push(client);
  return createRedisStore(client, prefix);
}

async function replica(): Promise<Server> {
  const server = await handoffServer({ store: redisStore() });
  servers.push(server);
  return server;
}

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  nockAuthTest(3);
});

afterAll(async () => {
  for (const server of servers) await server.close().catch(() => {});
  // Our own keys only: others run tests on the same Redis.
  const keys = await clients[0]!.keys(`${prefix}*`);
  if (keys.length) await clients[0]!.del(...keys);
  await Promise.all(clients.map((c) => c.quit().catch(() => {})));
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('a coordinator reply with two replicas on one Redis, and a restart', () => {
  it('is relayed exactly once; a second reply is relayed too', async () => {
    const slack = recordSlack();
    const [a, b] = [await replica(), await replica()];

    await postEvent(a.url, dmEvent('is there parking at the VA?', { ts: '1764342000.900001' }));
    await waitFor(() => slack.posts.length === 1, 'the answer');
    const ask = buttonsOf(slack.posts[0]!).find((x) => x.action_id === 'rotabot_handoff')!;
    const told = nockResponseUrl('/redis/ask');
    // The press reaches the other replica: the kept answer is shared through Redis.
    await press(b.url, 'rotabot_handoff', String(ask.value), ALICE.slackId!, '/redis/ask');
    await waitFor(() => told.scope.isDone(), 'the resident is told');
    const card = slack.posts.find((p) => p.channel === COORDINATORS)!;
    const cardTs = (await a.runtime.store.keys('handoff:card:slack:'))[0]!.split(':').at(-1)!;
    expect(card).toBeDefined();

    const reply = { threadTs: cardTs, ts: '1764342700.000001', text: 'Yes: the deck on Fulton Street.' };
    // Slack delivers the event to both replicas (as two deliveries with their own event ids).
    await Promise.all([threadReply(a.url, reply), threadReply(b.url, reply)]);
    const saw = (s: Server) => s.lines.some((l) => l.msg === 'slack thread reply');
    await waitFor(() => saw(a) && saw(b) && slack.updates.length >= 1, 'both replicas handled it');
    const toAlice = () => slack.posts.filter((p) => p.channel === 'D0ALICE' && p.text?.includes('Fulton'));
    expect(toAlice()).toHaveLength(1);

    // A restart: replica a goes away, a fresh process on the same Redis gets the event again.
    await a.close();
    const c = await replica();
    await threadReply(c.url, reply);
    await waitFor(() => saw(c), 'the restarted replica saw it');
    expect(toAlice()).toHaveLength(1);

    // A second reply is relayed too, and the card lists both.
    await threadReply(c.url, {
      threadTs: cardTs,
      ts: '1764342800.000001',
      text: 'Also: validate at the desk.',
    });
    await waitFor(() => slack.updates.length >= 2, 'the second card update');
    expect(slack.posts.filter((p) => p.channel === 'D0ALICE' && p.text?.includes('validate'))).toHaveLength(
      1,
    );
    const last = textOf(slack.updates.at(-1)!);
    expect(last).toContain('Yes: the deck on Fulton Street.');
    expect(last).toContain('Also: validate at the desk.');
    const id = await c.runtime.store.get(`handoff:card:slack:${COORDINATORS}:${cardTs}`);
    expect((await c.runtime.handoff!.get(id!))?.replies.map((r) => r.outcome)).toEqual([
      'delivered',
      'delivered',
    ]);
  }, 30_000);
});
