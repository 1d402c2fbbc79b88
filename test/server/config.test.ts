import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration at start-up', () => {
  it('names each wrong variable and what it expects', () => {
    expect(problems({ PORT: 'eighty' })).toEqual([expect.stringMatching(/^PORT expects a port number/)]);
    expect(problems({ REDIS_URL: 'localhost:6379' })).toEqual([
      'REDIS_URL expects a redis:// or rediss:// URL',
    ]);
    expect(problems({ SCHEDULER: 'maybe' })).toEqual(['SCHEDULER expects on or off']);
    expect(problems({ WEB_CHAT: 'yes please' })).toEqual(['WEB_CHAT expects on, off or auto']);
    const several = problems({ PORT: '-1', SLACK_BOT_TOKEN: 'xoxp-1', LOG_LEVEL: 'loud' });
    expect(several.map((p) => p.split(' ')[0]).sort()).toEqual(['LOG_LEVEL', 'PORT', 'SLACK_BOT_TOKEN']);
  });

  it('turns the web chat on only without platform credentials, unless WEB_CHAT says otherwise', () => {
    expect(loadConfig({}).webChatEnabled).toBe(true);
    const slack = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' };
    expect(loadConfig(slack).webChatEnabled).toBe(false);
    expect(loadConfig({ ...slack, WEB_CHAT: 'on' }).webChatEnabled).toBe(true);
    expect(loadConfig({ WEB_CHAT: 'off' }).webChatEnabled).toBe(false);
  });
});
