import { describe, expect, it } from 'vitest';
import type { ConversationContext } from '../../src/conversation/context.js';
import {
  contextKey,
  createContextStore,
  MAX_CONTEXT_BYTES,
  MAX_FRAMES,
} from '../../src/conversation/context-store.js';
import type { IncomingMessage } from '../../src/core/types.js';
import { silentLogger } from '../../src/logger.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { downStore } from '../support/runtime.js';

const T0 = new Date('2026-11-28T15:00:00Z');
const MINUTE = 60_000;

function message(conversationId: string | undefined, asker: IncomingMessage['asker']): IncomingMessage {
  return { text: 'and April?', asker, platform: 'slack', conversation: 'channel', conversationId };
}

function frame(intent: string, month = '2027-03'): ConversationContext['frames'][number] {
  return {
    intent,
    yesNo: false,
    personal: false,
    past: false,
    asks: { who: true, when: false, where: false, howMany: false, left: false, next: false, after: false },
    subjects: [{ kind: 'rotation', id: 'ir-duke' }],
    named: [],
    people: [],
    time: [{ kind: 'month', month, label: 'March 2027' }],
  };
}

function context(at: Date, frames = [frame('schedule.who')]): ConversationContext {
  return { v: 1, at: at.toISOString(), frames };
}

describe('conversation context in the store', () => {
  it('is kept per conversation and per asker: two people in one thread never share it', async () => {
    const store = createMemoryStore(() => T0.getTime());
    const contexts = createContextStore(store, { ttlMs: 30 * MINUTE, logger: silentLogger });
    const alice = message('C1:1764342005.000300', { platformUserId: 'UALICE', email: 'alice@example.edu' });
    const bob = message('C1:1764342005.000300', { platformUserId: 'UBOB' });
    await contexts.save(alice, context(T0));
    expect((await contexts.load(alice, T0))?.frames[0]?.intent).toBe('schedule.who');
    expect(await contexts.load(bob, T0)).toBeUndefined();
    // The same asker in another thread starts afresh.
    expect(await contexts.load(message('C1:1764342999.000100', alice.asker), T0)).toBeUndefined();
    // Email decides who is asking, whatever its case.
    expect(
      await contexts.load(message(alice.conversationId, { email: 'Alice@Example.edu' }), T0),
    ).toBeDefined();
  });

  it('writes neither emails nor platform ids into keys, and no key without a conversation', () => {
    const key = contextKey(message('D0ALICE', { email: 'alice@example.edu', platformUserId: 'UALICE' }));
    expect(key).toMatch(/^context:[0-9a-f]{40}$/);
    expect(key).not.toMatch(/alice|UALICE|D0ALICE/);
    expect(contextKey(message(undefined, { email: 'alice@example.edu' }))).toBeNull();
  });

  it('expires after its ttl, by the store clock and by the time of the next message', async () => {
    let now = T0.getTime();
    const store = createMemoryStore(() => now);
    const contexts = createContextStore(store, { ttlMs: 30 * MINUTE, logger: silentLogger });
    const m = message('D0ALICE', { email: 'alice@example.edu' });
    await contexts.save(m, context(T0));
    expect(await contexts.load(m, new Date(T0.getTime() + 29 * MINUTE))).toBeDefined();
    // A message stamped 31 minutes later (a batch replaying a day) finds it expired.
    expect(await contexts.load(m, new Date(T0.getTime() + 31 * MINUTE))).toBeUndefined();
    now += 31 * MINUTE;
    expect(await store.keys('context:')).toEqual([]);
  });

  it('keeps nothing when the ttl is 0 (follow-ups switched off)', async () => {
    const store = createMemoryStore();
    const contexts = createContextStore(store, { ttlMs: 0, logger: silentLogger });
    const m = message('D0ALICE', { email: 'alice@example.edu' });
    await contexts.save(m, context(T0));
    expect(await store.keys('')).toEqual([]);
    expect(await contexts.load(m, T0)).toBeUndefined();
  });

  it('is bounded: the newest frames that fit are kept', async () => {
    const store = createMemoryStore();
    const contexts = createContextStore(store, { ttlMs: 30 * MINUTE, logger: silentLogger });
    const m = message('D0ALICE', { email: 'alice@example.edu' });
    const many = Array.from({ length: 20 }, (_, i) => frame(`intent-${i}`));
    await contexts.save(m, context(T0, many));
    const kept = await contexts.load(m, T0);
    expect(kept?.frames.map((f) => f.intent)).toEqual(
      Array.from({ length: MAX_FRAMES }, (_, i) => `intent-${20 - MAX_FRAMES + i}`),
    );
    const stored = await store.get(contextKey(m)!);
    expect(Buffer.byteLength(stored!)).toBeLessThanOrEqual(MAX_CONTEXT_BYTES);
    // A frame too big to keep at all leaves no context behind rather than a truncated one.
    const huge = {
      ...frame('huge'),
      subjects: Array.from({ length: 32 }, () => ({ kind: 'x', id: 'y'.repeat(300) })),
    };
    await contexts.save(m, context(T0, [huge]));
    expect(await store.get(contextKey(m)!)).toBeNull();
  });

  it('ignores a damaged or foreign value instead of trusting it', async () => {
    const store = createMemoryStore();
    const contexts = createContextStore(store, { ttlMs: 30 * MINUTE, logger: silentLogger });
    const m = message('D0ALICE', { email: 'alice@example.edu' });
    for (const bad of [
      '{not json',
      '{"v":2,"at":"x","frames":[]}',
      JSON.stringify({ v: 1, at: T0, frames: [{ intent: 3 }] }),
    ]) {
      await store.set(contextKey(m)!, bad);
      expect(await contexts.load(m, T0)).toBeUndefined();
    }
  });

  it('fails open when the store is down: no context, nothing thrown', async () => {
    const contexts = createContextStore(downStore(), { ttlMs: 30 * MINUTE, logger: silentLogger });
    const m = message('D0ALICE', { email: 'alice@example.edu' });
    await expect(contexts.load(m, T0)).resolves.toBeUndefined();
    await expect(contexts.save(m, context(T0))).resolves.toBeUndefined();
  });
});
