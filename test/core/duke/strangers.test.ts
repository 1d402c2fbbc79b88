import { describe, expect, it } from 'vitest';
import { ask, schedule } from '../helpers.js';

const CASEY = 'casey.demoreaux@example.edu';
// A first name the sample schedule does not have: the bot must say so, never answer about the asker.
const STRANGER = 'Zebulon';

describe("a schedule asked about someone the schedule does not have ('whats jon's schedule')", () => {
  it('the stranger is really not on the schedule', () => {
    expect(schedule.residents.some((r) => r.name.includes(STRANGER))).toBe(false);
  });

  it.each([
    `whats ${STRANGER.toLowerCase()}'s schedule`,
    `what's ${STRANGER}’s rotation in march`,
    `${STRANGER}'s schedule?`,
  ])('%s → says the person is not found, not the asker’s own rotations', (text) => {
    const answer = ask(text, { as: CASEY });
    expect(answer.intent).toBe('schedule.person');
    expect(answer.text).toContain(`“${STRANGER}”`);
    expect(answer.factIds).toEqual([]);
  });

  it('"whats my schedule" is still the asker’s own', () => {
    expect(ask('whats my schedule', { as: CASEY }).intent).toBe('schedule.mine');
  });
});
