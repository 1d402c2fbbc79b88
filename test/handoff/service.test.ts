import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createHandoffService } from '../../src/handoff/service.js';
import { silentLogger } from '../../src/logger.js';
import { noMetrics, staticSource } from '../../src/runtime.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';
import { downStore, rosterSchedule } from '../support/runtime.js';
import { fakeDesk } from './fake-desk.js';

const DAY = 86_400_000;
const START = new Date('2026-11-28T15:00:00Z').getTime();

function service(store: Store, clock: () => number, env: Record<string, string> = {}) {
  const s = createHandoffService({
    store,
    config: loadConfig(env),
    logger: silentLogger,
    metrics: noMetrics,
    clock: () => new Date(clock()),
    schedule: staticSource(rosterSchedule([{ email: 'ana@duke.edu', name: 'Ana Diaz', level: 'R4' }])),
  });
  const desk = fakeDesk();
  s.register(desk.desk);
  return { s, desk };
}

const keepInput = {
  question: 'Is there parking at the VA?',
  answer: { intent: 'fallback', text: "I don't know.", factIds: [], unanswered: true },
  asker: { email: 'ana@duke.edu' },
  platform: 'slack' as const,
  place: { channel: 'D1' },
  where: 'a Slack direct message',
};

describe('hand-off retention', () => {
  it('keeps the text while open up to HANDOFF_KEEP_DAYS, and HANDOFF_KEEP_DAYS after the last reply', async () => {
    let now = START;
    const store = createMemoryStore(() => now);
    const { s, desk } = service(store, () => now, { HANDOFF_KEEP_DAYS: '10' });
    const id = (await s.keep(keepInput))!;
    const asked = await s.ask(id, 'ana@duke.edu');
    expect(asked.status).toBe('sent');
    const handoffId = (asked as { handoffId: string }).handoffId;

    // The kept answer (its buttons) lasts two days.
    now = START + 2 * DAY + 1;
    expect(await s.vote(id, 'ana@duke.edu', 'up')).toEqual({ status: 'expired' });

    // A reply on day 8 keeps the hand-off until day 18.
    now = START + 8 * DAY;
    await s.reply({
      card: desk.cards[0]!.ref,
      messageId: 'm1',
      channel: 'C0COORD',
      by: 'Carol',
      text: 'The deck.',
    });
    now = START + 17 * DAY;
    expect((await s.get(handoffId))?.replies.map((r) => r.text)).toEqual(['The deck.']);
    now = START + 18 * DAY + 1;
    expect(await s.get(handoffId)).toBeNull();
    // Nothing with the question's text is left in the store.
    const left = await Promise.all((await store.keys('')).map((k) => store.get(k)));
    expect(left.filter((v) => v?.includes('parking'))).toEqual([]);
  });

  it('an open hand-off nobody answers expires HANDOFF_KEEP_DAYS after it was asked', async () => {
    let now = START;
    const store = createMemoryStore(() => now);
    const { s } = service(store, () => now, { HANDOFF_KEEP_DAYS: '3' });
    const asked = await s.ask((await s.keep(keepInput))!, 'ana@duke.edu');
    const handoffId = (asked as { handoffId: string }).handoffId;
    now = START + 3 * DAY - 1;
    expect((await s.get(handoffId))?.state).toBe('open');
    now = START + 3 * DAY + 1;
    expect(await s.get(handoffId)).toBeNull();
  });
});

describe('hand-off limits and outages', () => {
  it('HANDOFF_PER_DAY hand-offs per resident in 24 hours, then again the next day', async () => {
    let now = START;
    const { s } = service(
      createMemoryStore(() => now),
      () => now,
      { HANDOFF_PER_DAY: '1' },
    );
    expect((await s.ask((await s.keep(keepInput))!, 'ana@duke.edu')).status).toBe('sent');
    expect(await s.ask((await s.keep(keepInput))!, 'ana@duke.edu')).toEqual({
      status: 'rate-limited',
      perDay: 1,
    });
    now = START + DAY + 1;
    expect((await s.ask((await s.keep(keepInput))!, 'ana@duke.edu')).status).toBe('sent');
  });

  it('only the asker can hand their question on; a second press does not post a second card', async () => {
    const { s, desk } = service(createMemoryStore(), Date.now);
    const id = (await s.keep(keepInput))!;
    expect(await s.ask(id, 'someone@duke.edu')).toEqual({ status: 'not-yours' });
    expect((await s.ask(id, 'ana@duke.edu')).status).toBe('sent');
    expect((await s.ask(id, 'ana@duke.edu')).status).toBe('already');
    expect(desk.cards).toHaveLength(1);
  });

  it('a store outage answers "try again" instead of failing', async () => {
    const { s } = service(downStore(), Date.now);
    expect(await s.keep(keepInput)).toBeNull();
    expect(await s.vote('any', 'ana@duke.edu', 'up')).toEqual({ status: 'unavailable' });
    expect(await s.ask('any', 'ana@duke.edu')).toEqual({ status: 'unavailable' });
  });
});
