import { describe, expect, it } from 'vitest';
import type { Part, Parts } from '../../src/core/intent.js';
import { INTENT_TABLE, intentOf } from '../../src/core/intent-table.js';

const parts = (...present: Part[]): Parts =>
  new Proxy({} as Parts, { get: (_t, key) => present.includes(key as Part) });

describe('the intent table', () => {
  it('takes the first row whose parts are all present and whose exclusions are all absent', () => {
    expect(intentOf(parts('procedure', 'asksWhoOrWhere'))).toBe('procedure.who');
    expect(intentOf(parts('procedure'))).toBe('procedure.does');
    // An exclusion rules a row out: the same parts with the asker named are the asker's schedule.
    expect(intentOf(parts('person'))).toBe('schedule.person');
    expect(intentOf(parts('person', 'personal', 'aboutAsker', 'scheduleAsked'))).toBe('schedule.mine');
    expect(intentOf(parts('contactAsked'))).toBe('program.contact');
    expect(intentOf(parts('contactAsked', 'dated'))).toBe('program.contact');
    expect(intentOf(parts('dated'))).toBe('fallback');
  });

  it('answers fallback when no row applies', () => {
    expect(intentOf(parts())).toBe('fallback');
  });

  it('fits on one screen: one line per row, no row repeated', () => {
    expect(INTENT_TABLE.length).toBeLessThanOrEqual(60);
    const keys = INTENT_TABLE.map((r) => JSON.stringify(r));
    expect(new Set(keys).size).toBe(keys.length);
  });
});
