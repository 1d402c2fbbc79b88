import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTeamsPlugin } from '../../adapters/teams/plugin.js';
import { createLogger } from '../../src/logger.js';
import {
  APP_ID,
  AUTH_ENV,
  CHANNEL_ISSUER,
  EMULATOR_ISSUER,
  KEY_ID,
  nockBotFrameworkAuth,
  signingKeys,
  token,
} from './bot-framework.js';
import {
  createFakeBot,
  createTestRuntime,
  personalMessage,
  post,
  SERVICE_HOST,
  SERVICE_URL,
  startServer,
  type TestServer,
} from './helpers.js';

/** A token as the Bot Framework Emulator's AAD issuer makes them: it names no service URL. */
function emulatorToken(): string {
  const now = Math.floor(Date.now() / 1000);
  return jwt.sign(
    { iss: EMULATOR_ISSUER, aud: APP_ID, azp: APP_ID, ver: '2.0', nbf: now - 60, exp: now + 3600 },
    signingKeys.privateKey,
    { algorithm: 'RS256', keyid: KEY_ID },
  );
}

describe('Teams authentication (MicrosoftAppId set)', () => {
  let server: TestServer;
  let bot: ReturnType<typeof createFakeBot>;
  const logLines: string[] = [];

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    nockBotFrameworkAuth();
    bot = createFakeBot();
    const runtime = {
      ...createTestRuntime({ bot, env: AUTH_ENV }),
      logger: createLogger('info', { write: (line: string) => void logLines.push(line) }),
    };
    server = await startServer(createTeamsPlugin(runtime));
  });
  afterEach(() => {
    nock.abortPendingRequests();
  });
  afterAll(async () => {
    await server.close();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('accepts a correctly signed token and replies with an app token', async () => {
    const authorizations: string[] = [];
    const replies = nock(SERVICE_HOST)
      .post(/\/activities/)
      .twice()
      .reply(200, function () {
        authorizations.push(String(this.req.headers.authorization));
        return { id: 'reply' };
      })
      .get(/\/members\//)
      .reply(200, { id: '29:1abc-user', email: 'dana@hospital.org' });

    const res = await post(server.url, personalMessage('hello'), { authorization: `Bearer ${token()}` });

    expect(res.status).toBe(200);
    expect(bot.asked.at(-1)?.text).toBe('hello');
    expect(replies.isDone()).toBe(true);
    expect(authorizations).toEqual(['Bearer app-token', 'Bearer app-token']);
  });

  it.each([
    ['no token', undefined],
    ['a malformed token', 'not.a-token'],
    ['a wrong issuer', token({ iss: 'https://evil.example.com' })],
    ['an expired token', token({ nbf: 1_700_000_000, exp: 1_700_003_600 })],
    ['a wrong audience', token({ aud: 'some-other-bot' })],
    ['a token for another service URL', token({ serviceurl: 'https://evil.example.com/' })],
    ['a token signed with an unknown key id', token({}, { keyid: 'no-such-key' })],
    [
      'a token signed by another key',
      jwt.sign(
        { iss: CHANNEL_ISSUER, aud: APP_ID, serviceurl: SERVICE_URL },
        generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey,
        { algorithm: 'RS256', keyid: KEY_ID, expiresIn: 600 },
      ),
    ],
  ])('refuses %s with 401 and one log line, without calling out', async (_name, bearer) => {
    const before = bot.asked.length;
    const outbound = nock(SERVICE_HOST).post(/.*/).reply(200, {}).get(/.*/).reply(200, {});
    logLines.length = 0;
    const res = await post(
      server.url,
      personalMessage('sneaky'),
      bearer ? { authorization: `Bearer ${bearer}` } : {},
    );
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'unauthorized', message: expect.any(String) });
    expect(bot.asked.length).toBe(before);
    expect(outbound.isDone()).toBe(false);
    const refusals = logLines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'teams: request refused');
    expect(refusals).toEqual([expect.objectContaining({ status: 401, reason: 'unauthorized' })]);
    expect(logLines.join('')).not.toContain('"stack"');
    nock.cleanAll();
    nockBotFrameworkAuth();
  });

  it('sends nothing to a service URL the token does not vouch for', async () => {
    const evil = nock('https://evil.example.com').post(/.*/).reply(200, {}).get(/.*/).reply(200, {});
    logLines.length = 0;
    const activity = { ...personalMessage('hello'), serviceUrl: 'https://evil.example.com/internal/' };
    const headers = { authorization: `Bearer ${emulatorToken()}` };

    const first = await post(server.url, activity, headers);
    const second = await post(server.url, { ...activity, id: 'another-id' }, headers);

    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(evil.isDone()).toBe(false);
    expect(evil.pendingMocks()).toHaveLength(2);
    const refused = logLines.filter((l) => l.includes('service URL not vouched for'));
    expect(refused).toHaveLength(1);
    expect(refused[0]).toContain('"serviceHost":"evil.example.com"');
    expect(refused[0]).not.toContain('/internal/');
    nock.cleanAll();
    nockBotFrameworkAuth();
  });

  it("answers through Microsoft's own service host even when the token names none", async () => {
    const replies = nock(SERVICE_HOST)
      .post(/\/activities/)
      .twice()
      .reply(200, { id: 'r' })
      .get(/\/members\//)
      .reply(200, { id: '29:1other-user' });
    const someoneElse = { id: '29:1other-user', aadObjectId: 'aad-other' };
    const res = await post(server.url, personalMessage('from the emulator token', someoneElse), {
      authorization: `Bearer ${emulatorToken()}`,
    });
    expect(res.status).toBe(200);
    expect(replies.isDone()).toBe(true);
  });
});
