import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTeamsAdapter } from '../../adapters/teams/adapter.js';
import { createTeamsPlugin } from '../../adapters/teams/plugin.js';
import { AUTH_ENV, token } from './bot-framework.js';
import {
  createFakeBot,
  createTestRuntime,
  personalMessage,
  post,
  startServer,
  type TestServer,
} from './helpers.js';

// Its own file: the SDK caches signing keys per process, and these tests need none cached.
describe('Teams authentication when the key server fails', () => {
  let server: TestServer | undefined;

  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterEach(async () => {
    nock.abortPendingRequests();
    nock.cleanAll();
    await server?.close();
  });
  afterAll(() => nock.enableNetConnect());

  it.each([
    ['unreachable', () => nock('https://login.botframework.com').get(/.*/).replyWithError('ECONNREFUSED')],
    ['answering 500', () => nock('https://login.botframework.com').get(/.*/).reply(500, 'down')],
    [
      'never answering',
      () => nock('https://login.botframework.com').get(/.*/).delayConnection(60_000).reply(200, {}),
    ],
  ])('refuses with 401 when it is %s', async (_name, keyServer) => {
    const bot = createFakeBot();
    const runtime = createTestRuntime({ bot, env: AUTH_ENV });
    const adapter = createTeamsAdapter(runtime.config, { authTimeoutMs: 300 });
    server = await startServer(createTeamsPlugin(runtime, { adapter }));
    const scope = keyServer();
    const res = await post(server.url, personalMessage('hello'), { authorization: `Bearer ${token()}` });
    expect(res.status).toBe(401);
    expect(bot.asked).toHaveLength(0);
    // The refusal came from asking the key server, not from something before it.
    expect(scope.isDone()).toBe(true);
  });
});
