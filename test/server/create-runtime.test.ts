import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createRuntime, type RuntimeParts } from '../../src/create-runtime.js';
import type { Knowledge } from '../../src/knowledge/schema.js';
import { silentLogger } from '../../src/logger.js';
import { InvalidFileError } from '../../src/problem.js';
import type { Schedule } from '../../src/schedule/types.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { echoBot, fixed, rosterSchedule } from './fake-runtime.js';

function parts(overrides: Partial<RuntimeParts> = {}) {
  const closed: string[] = [];
  const core = echoBot({ unanswered: true, intent: 'fallback' });
  const all: RuntimeParts = {
    createKnowledgeSource: async () => ({
      ...fixed({} as Knowledge),
      close: async () => void closed.push('knowledge'),
    }),
    defaultScheduleLocation: (config) => config.SCHEDULE_FILE ?? 'sample.csv',
    createScheduleSource: async () => ({
      ...fixed(rosterSchedule([])),
      close: async () => void closed.push('schedule'),
    }),
    createBot: () => core,
    indexNames: async () => {},
    ...overrides,
  };
  return { all, closed, core };
}

describe('createRuntime', () => {
  it('wraps the bot in the limits', async () => {
    const { all, core } = parts();
    const runtime = await createRuntime(loadConfig({ MAX_QUESTION_CHARS: '10' }), {
      logger: silentLogger,
      parts: all,
    });
    const answer = await runtime.bot.handle({
      text: 'a question that is far too long',
      asker: {},
      platform: 'web',
      conversation: 'private',
    });
    expect(answer.intent).toBe('limit.too-long');
    expect(core.seen).toHaveLength(0);
    expect(
      (await runtime.bot.handle({ text: 'short', asker: {}, platform: 'web', conversation: 'private' }))
        .intent,
    ).toBe('fallback');
  });

  it('lets a broken schedule throw its InvalidFileError after closing what it opened', async () => {
    const problem = {
      severity: 'error' as const,
      location: 'schedule.csv:3',
      problem: 'bad date',
      fix: 'use YYYY-MM',
    };
    const { all, closed } = parts({
      createScheduleSource: async () => {
        throw new InvalidFileError([problem]);
      },
    });
    let storeClosed = false;
    const store = {
      ...createMemoryStore(),
      close: async () => {
        storeClosed = true;
      },
    };
    await expect(createRuntime(loadConfig({}), { logger: silentLogger, parts: all, store })).rejects.toThrow(
      'schedule.csv:3: bad date — use YYYY-MM',
    );
    expect(closed).toEqual(['knowledge']);
    expect(storeClosed).toBe(true);
  });

  it('starts with an unreachable Redis, whose store then fails fast instead of hanging', async () => {
    const { all } = parts();
    const runtime = await createRuntime(loadConfig({ REDIS_URL: 'redis://127.0.0.1:1' }), {
      logger: silentLogger,
      parts: all,
    });
    const started = Date.now();
    await expect(runtime.store.ping()).rejects.toThrow(/Redis PING failed/);
    expect(Date.now() - started).toBeLessThan(1_000);
    // Fail open: the limits cannot count, the question is still answered.
    const answer = await runtime.bot.handle({
      text: 'hi',
      asker: { email: 'a@b.org' },
      platform: 'slack',
      conversation: 'private',
    });
    expect(answer.intent).toBe('fallback');
    await runtime.store.close();
  });

  it("warms each schedule it loads with the roster's name index", async () => {
    const indexed: Schedule[] = [];
    const loaded = rosterSchedule([]);
    const { all } = parts({
      createScheduleSource: async (options) => {
        // The source warms a schedule it loads with what it is given: here, at once.
        await options.warm?.(loaded, () => true);
        return fixed(loaded);
      },
      indexNames: async (schedule) => void indexed.push(schedule),
    });
    const runtime = await createRuntime(loadConfig({}), { logger: silentLogger, parts: all });
    expect(indexed).toEqual([loaded]);
    await runtime.store.close();
  });

  it('assembles the real knowledge base, sample schedule and bot', async () => {
    const runtime = await createRuntime(loadConfig({}), { logger: silentLogger });
    try {
      expect(runtime.schedule.current().residents.length).toBeGreaterThan(0);
      const answer = await runtime.bot.handle({
        text: 'does IR do TIPS?',
        asker: {},
        platform: 'cli',
        conversation: 'private',
      });
      expect(answer.text).toMatch(/^Yes/);
    } finally {
      await Promise.all([runtime.knowledge.close(), runtime.schedule.close(), runtime.store.close()]);
    }
  });
});
