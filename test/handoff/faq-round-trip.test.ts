import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createHandoffService } from '../../src/handoff/service.js';
import { silentLogger } from '../../src/logger.js';
import { noMetrics, staticSource } from '../../src/runtime.js';
import { createRedisStore } from '../../src/store/redis-store.js';
import { createUnansweredLog } from '../../src/unanswered.js';
import { runCli } from '../cli/run-cli.js';
import { deleteKeysUnder, testKeyPrefix } from '../support/redis-keys.js';
import { rosterSchedule } from '../support/runtime.js';
import { fakeDesk } from './fake-desk.js';

const REDIS_URL = 'redis://127.0.0.1:6379';
const REDIS_PREFIX = testKeyPrefix('handoff-faq');
const client = new Redis(REDIS_URL);
const store = createRedisStore(client, REDIS_PREFIX);
const dir = mkdtempSync(join(tmpdir(), 'rotabot-faq-'));
const NOW = new Date('2026-11-28T15:00:00Z');

afterAll(async () => {
  await client.quit();
  await deleteKeysUnder(REDIS_PREFIX);
  rmSync(dir, { recursive: true, force: true });
});

const QUESTION = 'Is there parking for residents at the VA?';
const REPLY = 'Yes: residents park in the Fulton Street deck; validate your ticket at the front desk.';

async function answeredHandoff() {
  const config = loadConfig({ REDIS_URL, REDIS_PREFIX });
  const service = createHandoffService({
    store,
    config,
    logger: silentLogger,
    metrics: noMetrics,
    clock: () => NOW,
    schedule: staticSource(rosterSchedule([{ email: 'ana@duke.edu', name: 'Ana Diaz', level: 'R4' }])),
  });
  const { desk, cards } = fakeDesk();
  service.register(desk);
  const answer = { intent: 'fallback', text: "I don't know about parking.", factIds: [], unanswered: true };
  const id = (await service.keep({
    question: QUESTION,
    answer,
    asker: { email: 'ana@duke.edu', platformUserId: 'UANA' },
    platform: 'slack',
    place: { channel: 'D0ANA' },
    where: 'a Slack direct message',
  }))!;
  await createUnansweredLog(store, config).record(
    { text: QUESTION, asker: {}, platform: 'slack', conversation: 'private' },
    { ...answer },
    NOW,
  );
  expect(await service.ask(id, 'ana@duke.edu')).toMatchObject({ status: 'sent' });
  await service.vote(id, 'ana@duke.edu', 'down');
  const card = cards[0]!.ref;
  await service.reply({ card, messageId: 'm1', channel: 'C0COORD', by: 'Carol Coordinator', text: REPLY });
}

describe('from a coordinator reply to an FAQ entry the bot answers', () => {
  it('`unanswered --faq` prints an entry that `check` accepts, and the bot then answers the question with the reply', async () => {
    await answeredHandoff();
    const env = { REDIS_URL, REDIS_PREFIX };
    const printed = await runCli(['unanswered', '--faq'], '', env);
    expect(printed.code).toBe(0);
    const entry = printed.out
      .split('\n')
      .filter((line) => !line.startsWith('#'))
      .join('\n');
    expect(entry).toContain('answered by Carol Coordinator');

    // Before: the bot does not know.
    const before = await runCli(['ask', QUESTION]);
    expect(before.out).not.toContain('Fulton Street');

    cpSync('knowledge', dir, { recursive: true });
    const faq = join(dir, 'faq.yaml');
    writeFileSync(faq, `${readFileSync(faq, 'utf8').trimEnd()}\n${entry}\n`);
    const check = await runCli(['check', '--knowledge', dir]);
    expect(check.err).toBe('');
    expect(check.code).toBe(0);

    const after = await runCli(['ask', QUESTION, '--knowledge', dir]);
    expect(after.code).toBe(0);
    expect(after.out.trim()).toBe(REPLY);
  });

  it('`unanswered` shows the themes, the hand-off and its state, and the Not helpful answers', async () => {
    const { code, out } = await runCli(['unanswered'], '', { REDIS_URL, REDIS_PREFIX });
    expect(code).toBe(0);
    expect(out).toMatch(/Unanswered themes \(last 30 days\)\n {2}fallback: 1/);
    expect(out).toMatch(
      /Hand-offs to coordinators \(1, 0 open; kept 90 days\)\n.*answered +Ana Diaz \(R4\), slack: "Is there parking for residents at the VA\?" — 1 reply \(Carol Coordinator\)/,
    );
    expect(out).toMatch(/Most "Not helpful" votes\n {2}answers of kind fallback: 1/);
    expect(out).not.toContain('ana@duke.edu');
  });
});
