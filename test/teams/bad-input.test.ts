import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTeamsPlugin } from '../../adapters/teams/plugin.js';
import { createLogger } from '../../src/logger.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { downStore } from '../support/runtime.js';
import {
  createFakeBot,
  createTestRuntime,
  personalMessage,
  post,
  SERVICE_HOST,
  startServer,
  type TestServer,
} from './helpers.js';

function interceptReplies(): Array<Record<string, unknown>> {
  const sent: Array<Record<string, unknown>> = [];
  nock(SERVICE_HOST)
    .persist()
    .post(/\/amer\/v3\/conversations\/[^/]+\/activities(\/[^/]+)?$/)
    .reply(200, (_path, body) => {
      sent.push(body as Record<string, unknown>);
      return { id: `reply-${sent.length}` };
    });
  return sent;
}

describe('Teams with bad input and a store outage', () => {
  let server: TestServer | undefined;

  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
    nock.cleanAll();
  });
  afterAll(() => nock.enableNetConnect());

  it('still answers, with the email Teams gives, while the store is down', async () => {
    const bot = createFakeBot();
    const logLines: string[] = [];
    const runtime = {
      ...createTestRuntime({ store: downStore(), bot }),
      logger: createLogger('info', { write: (line: string) => void logLines.push(line) }),
    };
    server = await startServer(createTeamsPlugin(runtime));
    const sent = interceptReplies();
    const lookup = nock(SERVICE_HOST)
      .get('/amer/v3/conversations/a%3Apersonal-29%3A1abc-user/members/29%3A1abc-user')
      .reply(200, { id: '29:1abc-user', name: 'Dana', email: 'dana@hospital.org' });

    const res = await post(server.url, personalMessage('who is on IR this month?'));

    expect(res.status).toBe(200);
    expect(lookup.isDone()).toBe(true);
    expect(bot.asked).toHaveLength(1);
    expect(bot.asked[0]!.asker.email).toBe('dana@hospital.org');
    expect(sent.map((s) => s.type)).toEqual(['typing', 'message']);
    // The outage is visible in the logs, not swallowed.
    const logs = logLines.join('\n');
    expect(logs).toContain('teams: dedupe failed; answering anyway');
    expect(logs).toContain('teams: member cache read failed');
  });

  it('looks the member up again when the cached entry is not JSON', async () => {
    const bot = createFakeBot();
    const store = createMemoryStore();
    await store.set('teams:member:29:1abc-user', 'not json{');
    server = await startServer(createTeamsPlugin(createTestRuntime({ store, bot })));
    const sent = interceptReplies();
    const lookup = nock(SERVICE_HOST)
      .get('/amer/v3/conversations/a%3Apersonal-29%3A1abc-user/members/29%3A1abc-user')
      .reply(200, { id: '29:1abc-user', name: 'Dana', email: 'dana@hospital.org' });

    expect((await post(server.url, personalMessage('who is on IR?'))).status).toBe(200);
    expect(lookup.isDone()).toBe(true);
    expect(bot.asked[0]!.asker.email).toBe('dana@hospital.org');
    expect(sent.map((s) => s.type)).toContain('message');
  });

  it('refuses malformed JSON with 400 and never asks the bot', async () => {
    const bot = createFakeBot();
    server = await startServer(createTeamsPlugin(createTestRuntime({ bot })));
    const res = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type": "message", "text": ',
    });
    expect(res.status).toBe(400);
    expect(bot.asked).toHaveLength(0);
  });

  it('refuses an oversize activity with 413 and never asks the bot', async () => {
    const bot = createFakeBot();
    server = await startServer(createTeamsPlugin(createTestRuntime({ bot })));
    const res = await post(server.url, personalMessage('x'.repeat(300 * 1024)));
    expect(res.status).toBe(413);
    expect(bot.asked).toHaveLength(0);
  });

  it('does not crash on a message activity missing from, conversation and serviceUrl', async () => {
    const bot = createFakeBot();
    server = await startServer(createTeamsPlugin(createTestRuntime({ bot })));
    const { from: _f, conversation: _c, serviceUrl: _s, ...bare } = personalMessage('hello');

    const res = await post(server.url, bare);

    // Acknowledged; the reply that cannot be addressed is caught once, in onTurnError.
    expect(res.status).toBe(200);
    // The server is still up and answering the next, well-formed message.
    const sent = interceptReplies();
    nock(SERVICE_HOST)
      .get(/members/)
      .reply(200, { id: '29:1abc-user', name: 'Dana' });
    const next = await post(server.url, personalMessage('who is on IR?'));
    expect(next.status).toBe(200);
    expect(sent.map((s) => s.type)).toContain('message');
  });
});
