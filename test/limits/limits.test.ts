import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { rateLimitKey, withLimits } from '../../src/core/limits.js';
import type { IncomingMessage } from '../../src/core/types.js';
import { silentLogger } from '../../src/logger.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { type Store, StoreUnavailableError } from '../../src/store/store.js';
import { echoBot } from '../server/fake-runtime.js';

const config = loadConfig({ MAX_QUESTION_CHARS: '50', RATE_LIMIT_PER_MINUTE: '3' });

function message(text: string, asker: IncomingMessage['asker'] = { email: 'a@duke.edu' }): IncomingMessage {
  return { text, asker, platform: 'slack', conversation: 'private' };
}

describe('withLimits', () => {
  it('answers an over-long question politely without asking the bot', async () => {
    const bot = echoBot();
    const limited = withLimits(bot, { store: createMemoryStore(), config, logger: silentLogger });
    const answer = await limited.handle(message('x'.repeat(51)));
    expect(answer.intent).toBe('limit.too-long');
    expect(answer.text).toMatch(/fewer than 50 characters/);
    expect(bot.seen).toHaveLength(0);
    expect((await limited.handle(message('x'.repeat(50)))).intent).toBe('test.echo');
  });

  it('limits each person per minute, separately, and lets them ask again after the window', async () => {
    let now = 1_000_000;
    const store = createMemoryStore(() => now);
    const bot = echoBot();
    const limited = withLimits(bot, { store, config, logger: silentLogger });
    for (let i = 0; i < 3; i++) expect((await limited.handle(message('hi'))).intent).toBe('test.echo');
    const refused = await limited.handle(message('hi'));
    expect(refused.intent).toBe('limit.rate');
    expect(refused.text).toMatch(/wait a minute/);
    expect(bot.seen).toHaveLength(3);
    // Someone else is not affected; the same person identified by another case of email is.
    expect((await limited.handle(message('hi', { email: 'b@duke.edu' }))).intent).toBe('test.echo');
    expect((await limited.handle(message('hi', { email: 'A@Duke.edu' }))).intent).toBe('limit.rate');
    now += 60_001;
    expect((await limited.handle(message('hi'))).intent).toBe('test.echo');
  });

  it('keys by platform user id when there is no email, and does not limit the unidentified', async () => {
    expect(rateLimitKey('teams', { platformUserId: '29:abc' })).toBe('ratelimit:teams:29:abc');
    expect(rateLimitKey('slack', { email: 'X@Y.org', platformUserId: 'U1' })).toBe('ratelimit:email:x@y.org');
    expect(rateLimitKey('web', {})).toBeNull();
    const limited = withLimits(echoBot(), { store: createMemoryStore(), config, logger: silentLogger });
    for (let i = 0; i < 5; i++) expect((await limited.handle(message('hi', {}))).intent).toBe('test.echo');
    for (let i = 0; i < 3; i++) await limited.handle(message('hi', { platformUserId: 'U1' }));
    expect((await limited.handle(message('hi', { platformUserId: 'U1' }))).intent).toBe('limit.rate');
  });

  it('fails open when the store is down, and says so in a warning', async () => {
    const broken: Store = {
      ...createMemoryStore(),
      increment: async () => {
        throw new StoreUnavailableError('Redis INCR failed: connection refused');
      },
    };
    const warnings: unknown[] = [];
    const logger = {
      ...silentLogger,
      warn: (obj: unknown) => warnings.push(obj),
    } as unknown as typeof silentLogger;
    const limited = withLimits(echoBot(), { store: broken, config, logger });
    for (let i = 0; i < 5; i++) expect((await limited.handle(message('hi'))).intent).toBe('test.echo');
    expect(warnings).toHaveLength(5);
  });
});
