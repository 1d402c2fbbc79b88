import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as announce } from '../../adapters/cli/commands/announce.js';
import { run as remind } from '../../adapters/cli/commands/remind.js';
import { loadConfig } from '../../src/config.js';
import { runJobCommand } from '../../src/reminders/command.js';
import { createRedisStore } from '../../src/store/redis-store.js';
import { captureIo } from '../support/cli-io.js';
import { decemberResidents, fakeMessenger, type Sent, scheduleOf, shippedKnowledge } from './fixtures.js';

const io = (env: Record<string, string> = {}) => captureIo({ KNOWLEDGE_DIR: 'knowledge', ...env });

const redis = new Redis({ host: '127.0.0.1', port: 6379, lazyConnect: true });
beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterAll(async () => {
  nock.cleanAll();
  nock.enableNetConnect();
  await redis.quit().catch(() => redis.disconnect());
});

describe('announce and remind commands', () => {
  it('--dry-run prints the announcement with names and levels, never emails', async () => {
    const t = io();
    expect(await announce(['--month', '2026-12', '--dry-run'], t.io)).toBe(0);
    const printed = t.out.join('');
    expect(printed).toContain('Rotations for December 2026');
    expect(printed).toContain('Interventional Radiology at the Durham VA: Blair Fictionson (R5)');
    expect(printed).not.toContain('@');
  });

  it('says so for a month the schedule does not cover', async () => {
    const t = io();
    expect(await announce(['--month', '2031-01', '--dry-run'], t.io)).toBe(1);
    expect(t.err.join('')).toContain('no rotations for January 2031');
  });

  it('--dry-run lists the reminders due that day', async () => {
    const t = io();
    expect(await remind(['--date', '2026-12-31', '--dry-run'], t.io)).toBe(0);
    expect(t.out.join('')).toContain(
      'To Dana Testarossa (R4):\n  Hi Dana — a reminder: tomorrow, Friday, January 1, 2027',
    );
  });

  it('rejects a bad month or date', async () => {
    await expect(announce(['--month', '2026-13'], io().io)).rejects.toThrow(/--month expects/);
    await expect(remind(['--date', '30/11/2026'], io().io)).rejects.toThrow(/--date expects/);
  });

  it('posts through Slack once per command (memory store), with a progress line', async () => {
    const api = 'http://slack.test/api';
    const posted: string[] = [];
    const scope = nock(api)
      .post('/chat.postMessage', (body) => {
        posted.push(
          new URLSearchParams(body as string).get('text') ?? String((body as Record<string, string>).text),
        );
        return true;
      })
      .reply(200, { ok: true });
    const t = io({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 's',
      SLACK_API_URL: api,
      ANNOUNCE_SLACK_CHANNEL: 'C-ANNOUNCE',
    });
    expect(await announce(['--month', '2026-12'], t.io)).toBe(0);
    expect(scope.isDone()).toBe(true);
    expect(posted[0]).toContain('Rotations for December 2026');
    expect(t.out.join('')).toContain('sent 1 of 1');
    expect(t.err.join('')).toContain('REDIS_URL is not set');
  });

  it('the same command twice posts nothing the second time (shared store)', async () => {
    await redis.connect();
    const store = createRedisStore(redis, `test:reminders-cli:${randomUUID()}:`);
    const knowledge = await shippedKnowledge();
    const data = { config: loadConfig({}), knowledge, schedule: scheduleOf(decemberResidents(30)) };
    const log: Sent[] = [];
    const runOnce = () => {
      const t = io();
      return runJobCommand({
        job: 'remind',
        period: '2026-11-30',
        dryRun: false,
        data,
        io: t.io,
        store,
        createMessengers: () => [fakeMessenger({ log })],
      }).then((code) => ({ code, ...t }));
    };
    const first = await runOnce();
    expect(first.code).toBe(0);
    expect(first.err.join('')).toContain('sent 30/30');
    expect(log).toHaveLength(30);
    const second = await runOnce();
    expect(second.code).toBe(0);
    expect(second.out.join('')).toContain('already sent earlier');
    expect(log).toHaveLength(30);
  });
});
