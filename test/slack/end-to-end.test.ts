import { describe, expect, it } from 'vitest';
import { buildHomeSummary } from '../../src/core/home.js';
import { ALICE, NOW, nockMethod, postEvent, useSlackServer, waitFor } from './helpers.js';
import { dmEvent } from './payloads.js';

const server = useSlackServer({ realCore: true, cleanNock: 'file' });

describe('Slack with the real core', () => {
  it('answers a resident’s DM about their own schedule from the schedule', async () => {
    const { scope, bodies } = nockMethod('chat.postMessage');
    await postEvent(server.url, dmEvent('where am I next month?'));
    await waitFor(() => scope.isDone(), 'answer');
    expect(bodies[0]!.text).toMatch(/Durham VA/);
    expect(bodies[0]!.text).not.toContain(ALICE.email);
  });

  it('answers a yes/no procedure question with Yes first', async () => {
    const { scope, bodies } = nockMethod('chat.postMessage');
    await postEvent(server.url, dmEvent('does IR do TIPS?'));
    await waitFor(() => scope.isDone(), 'answer');
    expect(bodies[0]!.text).toMatch(/^Yes/);
  });

  it('understands every App Home quick question', async () => {
    const { knowledge, schedule } = server.runtime;
    const summary = buildHomeSummary({
      knowledge: knowledge.current(),
      schedule: schedule.current(),
      email: ALICE.email,
      now: NOW,
      leadWeekdays: 1,
    });
    for (const q of summary.quickQuestions) {
      const answer = await server.runtime.bot.handle({
        text: q.question,
        asker: { email: ALICE.email },
        platform: 'slack',
        conversation: 'private',
        now: NOW,
      });
      expect(answer.unanswered ?? false, `${q.question} → ${answer.intent}`).toBe(false);
    }
  });
});
