import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../src/core/bot.js';
import { buildHomeSummary } from '../../src/core/home.js';
import { silentLogger } from '../../src/logger.js';
import { noMetrics } from '../../src/runtime.js';
import {
  ALICE,
  NOW,
  nockAuthTest,
  nockMethod,
  postEvent,
  type SlackTestServer,
  slackRuntime,
  startSlackServer,
  waitFor,
} from './helpers.js';
import { dmEvent } from './payloads.js';

let server: SlackTestServer;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  nockAuthTest();
  const runtime = await slackRuntime();
  runtime.bot = createBot({ ...runtime, logger: silentLogger, metrics: noMetrics });
  server = await startSlackServer(runtime);
});
afterAll(async () => {
  await server.close();
  nock.cleanAll();
  nock.enableNetConnect();
});

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
