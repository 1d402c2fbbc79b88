import { describe, expect, it } from 'vitest';
import { buildHomeSummary } from '../../src/core/home.js';
import { createSchedule } from '../../src/schedule/index.js';
import { ALICE, BOB, NOW, shippedKnowledge } from './helpers.js';

const schedule = createSchedule([
  ALICE,
  BOB,
  {
    email: 'carol@example.edu',
    name: 'Carol Two-Month',
    level: 'R5',
    blocks: [
      { label: 'IR', rotationId: 'ir-duke', start: '2026-11-01', end: '2026-11-30', source: 't:1' },
      { label: 'IR', rotationId: 'ir-duke', start: '2026-12-01', end: '2026-12-31', source: 't:2' },
      { label: 'ICU', rotationId: 'icu', start: '2027-01-01', end: '2027-01-31', source: 't:3' },
    ],
  },
]);

describe('buildHomeSummary (platform-neutral App Home)', () => {
  it('gives the current rotation, the next change, and the next reminder day', async () => {
    const knowledge = await shippedKnowledge();
    const s = buildHomeSummary({
      knowledge,
      schedule,
      email: 'ALICE.chen@example.edu',
      now: NOW,
      leadWeekdays: 1,
    });
    expect(s.known).toBe(true);
    expect(s.current).toBe('Interventional Radiology at Duke University Medical Center');
    expect(s.next).toEqual({ text: 'Interventional Radiology at the Durham VA', starts: '2026-12-01' });
    expect(s.nextReminder).toBe('2026-11-30');
    expect(s.quickQuestions.length).toBeGreaterThan(2);
  });

  it('skips a rotation that merely continues (two months of IR) when naming what is next', async () => {
    const knowledge = await shippedKnowledge();
    const s = buildHomeSummary({
      knowledge,
      schedule,
      email: 'carol@example.edu',
      now: NOW,
      leadWeekdays: 2,
    });
    expect(s.next?.starts).toBe('2027-01-01');
    expect(s.next?.text).toContain('ICU');
    // Two weekdays before Friday, January 1, 2027: Wednesday, December 30.
    expect(s.nextReminder).toBe('2026-12-30');
  });

  it('has nothing next for a resident whose schedule ends, and is unknown without a match', async () => {
    const knowledge = await shippedKnowledge();
    const bob = buildHomeSummary({ knowledge, schedule, email: BOB.email, now: NOW, leadWeekdays: 1 });
    expect(bob).toMatchObject({ known: true, current: 'ICU' });
    expect(bob.next).toBeUndefined();
    expect(bob.nextReminder).toBeUndefined();
    const stranger = buildHomeSummary({
      knowledge,
      schedule,
      email: 'x@example.org',
      now: NOW,
      leadWeekdays: 1,
    });
    expect(stranger.known).toBe(false);
    expect(stranger.current).toBeUndefined();
    expect(buildHomeSummary({ knowledge, schedule, now: NOW, leadWeekdays: 1 }).known).toBe(false);
  });
});
