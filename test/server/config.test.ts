import { readFileSync } from 'node:fs';
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
    expect(problems({ REDIS_PREFIX: 'has space' })).toEqual([
      expect.stringMatching(/^REDIS_PREFIX expects letters, digits/),
    ]);
    expect(problems({ SCHEDULER: 'maybe' })).toEqual(['SCHEDULER expects on or off']);
    expect(problems({ WEB_CHAT: 'yes please' })).toEqual(['WEB_CHAT expects on, off or auto']);
    const several = problems({ PORT: '-1', SLACK_BOT_TOKEN: 'xoxp-1', LOG_LEVEL: 'loud' });
    expect(several.map((p) => p.split(' ')[0]).sort()).toEqual(['LOG_LEVEL', 'PORT', 'SLACK_BOT_TOKEN']);
  });

  it("says what a variable without a message of its own expects, in zod's English words", () => {
    expect(problems({ LOG_LEVEL: 'loud' })).toEqual([
      'LOG_LEVEL Invalid option: expected one of "fatal"|"error"|"warn"|"info"|"debug"|"trace"|"silent"',
    ]);
    expect(problems({ MAX_QUESTION_CHARS: '0' })).toEqual([
      'MAX_QUESTION_CHARS Too small: expected number to be >0',
    ]);
    expect(problems({ HANDOFF_REPLY_TIME: '  ' })).toEqual([
      'HANDOFF_REPLY_TIME Too small: expected string to have >=1 characters',
    ]);
  });

  it('trims settings, reads numbers from their text and fills in what is unset', () => {
    const c = loadConfig({ PORT: ' 8080 ', HOST: '  ', ANNOUNCE_CRON: ' 0 9 1 * * ', FEEDBACK: 'no' });
    expect([c.PORT, c.HOST, c.ANNOUNCE_CRON, c.FEEDBACK]).toEqual([8080, undefined, '0 9 1 * *', false]);
    expect([c.REMIND_CRON, c.CONTEXT_TTL_MINUTES, c.SCHEDULER, c.PROGRAM_SCHEDULES]).toEqual([
      '0 8 * * 1-5',
      30,
      true,
      [],
    ]);
    expect(problems({ CONTEXT_TTL_MINUTES: '1.5' })).toEqual([
      'CONTEXT_TTL_MINUTES expects whole minutes (0 turns follow-ups off)',
    ]);
  });

  it('turns the web chat on only without platform credentials, unless WEB_CHAT says otherwise', () => {
    expect(loadConfig({}).webChatEnabled).toBe(true);
    const slack = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' };
    expect(loadConfig(slack).webChatEnabled).toBe(false);
    expect(loadConfig({ ...slack, WEB_CHAT: 'on' }).webChatEnabled).toBe(true);
    expect(loadConfig({ WEB_CHAT: 'off' }).webChatEnabled).toBe(false);
  });
});

describe('the Emulator mode (TEAMS_EMULATOR)', () => {
  it('is off unless asked for, and then only without credentials and on loopback', () => {
    expect(loadConfig({}).teamsEnabled).toBe(false);
    expect(loadConfig({ TEAMS_EMULATOR: 'on' }).teamsEnabled).toBe(true);
    expect(loadConfig({ TEAMS_EMULATOR: 'on' }).teamsAuthenticated).toBe(false);
    expect(loadConfig({ MicrosoftAppId: 'id', MicrosoftAppPassword: 'p' }).teamsEnabled).toBe(true);
    expect(loadConfig({ TEAMS_EMULATOR: 'on', HOST: '127.0.0.1' }).teamsEnabled).toBe(true);
    expect(problems({ TEAMS_EMULATOR: 'on', MicrosoftAppId: 'id', MicrosoftAppPassword: 'p' })).toEqual([
      expect.stringMatching(/^TEAMS_EMULATOR is for local use without platform credentials/),
    ]);
    expect(problems({ TEAMS_EMULATOR: 'on', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' })).toEqual([
      expect.stringMatching(/^TEAMS_EMULATOR is for local use/),
    ]);
    expect(problems({ TEAMS_EMULATOR: 'on', HOST: '0.0.0.0' })).toEqual([
      expect.stringMatching(/^TEAMS_EMULATOR serves loopback clients only/),
    ]);
  });
});

describe('.env.example', () => {
  const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');

  it('documents every variable the configuration reads', () => {
    const source = readFileSync(new URL('../../src/config.ts', import.meta.url), 'utf8');
    const schema = source.slice(source.indexOf('z\n  .object({'), source.indexOf('.superRefine'));
    const variables = [...schema.matchAll(/^ {4}([A-Za-z_]+):/gm)].map((m) => m[1]!);
    expect(variables.length).toBeGreaterThan(25);
    const documented = new Set([...example.matchAll(/^#? ?([A-Za-z_]+)=/gm)].map((m) => m[1]));
    expect(variables.filter((v) => !documented.has(v))).toEqual([]);
  });

  it('holds values that load as they are', () => {
    const env = Object.fromEntries(
      example
        .split('\n')
        .filter((l) => /^[A-Za-z_]+=/.test(l))
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    expect(Object.keys(env).length).toBeGreaterThan(10);
    expect(loadConfig(env).PORT).toBe(3978);
  });
});
