import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisStore } from '../../src/store/redis-store.js';
import type { Store } from '../../src/store/store.js';
import {
  capturingLogger,
  fakeBot,
  logged,
  nockAuthTest,
  postEvent,
  SLACK_HOST,
  type SlackTestServer,
  slackRuntime,
  startSlackServer,
  waitFor,
} from './helpers.js';
import { dmEvent } from './payloads.js';

const clients: Redis[] = [];
const servers: SlackTestServer[] = [];
const logs = [capturingLogger(), capturingLogger()];
const prefix = `test:slack-dedupe:${randomUUID()}:`;

function redisStore(): Store {
  const client = new Redis('redis://127.0.0.1:6379', { lazyConnect: false, maxRetriesPerRequest: 1 });
  clients.push(client);
  return createRedisStore(client, prefix);
}

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  nockAuthTest(2);
  // Two processes: their own plugin, bot, logger and Redis connection; one Redis.
  for (const log of logs) {
    servers.push(
      await startSlackServer(await slackRuntime({ store: redisStore(), logger: log.logger, bot: fakeBot() })),
    );
  }
});

afterAll(async () => {
  for (const server of servers) await server.close();
  await Promise.all(clients.map((c) => c.quit()));
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('retried deliveries across two app instances sharing Redis', () => {
  it('answers an event delivered to both, and retried, exactly once', async () => {
    const posts: unknown[] = [];
    const scope = nock(SLACK_HOST)
      .persist()
      .post('/api/chat.postMessage', (body) => {
        posts.push(body);
        return true;
      })
      .reply(200, { ok: true, ts: '1764342001.000200' });

    const event = dmEvent('what is my next rotation?');
    const responses = await Promise.all([
      postEvent(servers[0]!.url, event),
      postEvent(servers[1]!.url, event),
      postEvent(servers[1]!.url, event, {
        headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
      }),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);

    const answered = () => logs.flatMap((l) => logged(l.lines, 'slack answer'));
    const duplicates = () => logs.flatMap((l) => logged(l.lines, 'duplicate delivery ignored'));
    // Every delivery is accounted for: one answered, two recognised as duplicates.
    await waitFor(
      () => answered().length + duplicates().length === 3 && posts.length >= 1,
      'three deliveries handled',
    );
    expect(answered()).toHaveLength(1);
    expect(duplicates()).toHaveLength(2);
    expect(posts).toHaveLength(1);
    scope.persist(false);
  });

  it('keeps the event id for at least ten minutes', async () => {
    redisStore();
    const { DEDUPE_TTL_MS } = await import('../../adapters/slack/dispatch.js');
    expect(DEDUPE_TTL_MS).toBeGreaterThanOrEqual(10 * 60 * 1000);
    const client = clients.at(-1)!;
    // The key the adapter wrote in the test above carries that expiry in Redis.
    const keys = await client.keys(`${prefix}slack:event:*`);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(await client.pttl(key)).toBeGreaterThan(10 * 60 * 1000);
  });
});
