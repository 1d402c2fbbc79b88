import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { Bot } from '../../src/core/types.js';
import { createRedisStore } from '../../src/store/redis-store.js';
import type { Store } from '../../src/store/store.js';
import { deleteKeysUnder, testKeyPrefix } from '../support/redis-keys.js';
import { conversation, conversationBot } from './helpers.js';

const prefix = testKeyPrefix('conversation');
const stores: Store[] = [];

/** A replica: its own Redis connection and bot, the shared Redis and key prefix. */
function replica(): Bot {
  const store = createRedisStore(new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 }), prefix);
  stores.push(store);
  return conversationBot({ store });
}

afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  await deleteKeysUnder(prefix);
});

describe('conversation context in Redis', () => {
  it('is shared by replicas and survives a restart', async () => {
    const id = { conversationId: 'C0GENERAL:1764342005.000300', conversation: 'channel' as const };
    const [one, two] = [replica(), replica()];
    const first = await conversation(one, id).say('who is on IR in March?');
    expect(first.intent).toBe('schedule.who');
    // The next message lands on the other replica.
    const april = await conversation(two, id).say('and April?');
    expect(april.text).toMatch(/Interventional Radiology in April 2027/);
    // Every replica stops; a new one picks the conversation up from Redis.
    await Promise.all(stores.splice(0).map((s) => s.close()));
    const restarted = replica();
    const count = await conversation(restarted, id).say('how many is that?');
    expect(count.text).toMatch(/^3 residents are on Interventional Radiology in April 2027/);

    const keys = await stores[0]!.keys('context:');
    expect(keys).toHaveLength(1);
    const raw = (await stores[0]!.get(keys[0]!))!;
    expect(raw).not.toMatch(/how many|and april|who is/i);
    const client = new Redis('redis://127.0.0.1:6379');
    try {
      const ttl = await client.pttl(prefix + keys[0]!);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(30 * 60_000);
    } finally {
      await client.quit();
    }
  });
});
