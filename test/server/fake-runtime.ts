import type { Answer, Bot, IncomingMessage } from '../../src/core/types.js';
import { createMetrics } from '../../src/metrics.js';
import type { Runtime } from '../../src/runtime.js';
import { createTestRuntime, recordingBot, type TestRuntimeOverrides } from '../support/runtime.js';

export { staticSource as fixed } from '../../src/runtime.js';
export { rosterSchedule } from '../support/runtime.js';

/** Answers every question with a fixed answer, echoing who asked; records what it saw. */
export function echoBot(answer: Partial<Answer> = {}): Bot & { seen: IncomingMessage[] } {
  const bot = recordingBot((message) => ({
    text: `You asked: ${message.text}\nas ${message.asker.email ?? 'nobody'}`,
    ...answer,
  }));
  return { seen: bot.asked, handle: bot.handle };
}

/** The shared test runtime with real metrics (the server serves /metrics) and an echoing bot. */
export function fakeRuntime(overrides: TestRuntimeOverrides = {}): Runtime {
  return createTestRuntime({
    bot: echoBot(),
    metrics: createMetrics({ defaultMetrics: false }),
    ...overrides,
  });
}
