import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTeamsPlugin } from '../../adapters/teams/plugin.js';
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

const APP_ID = '0b5b3a2e-1111-4a4a-9c9c-5e5e5e5e5e5e';
const KEY_ID = 'test-signing-key';
const CHANNEL_ISSUER = 'https://api.botframework.com';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

/** The Bot Framework's signing keys, as its JWKS endpoint publishes them (endorsed for msteams). */
function jwks(key: KeyObject) {
  const { n, e } = key.export({ format: 'jwk' });
  return { keys: [{ kty: 'RSA', use: 'sig', kid: KEY_ID, n, e, endorsements: ['msteams'] }] };
}

function token(claims: Record<string, unknown> = {}, options: jwt.SignOptions = {}): string {
  const now = Math.floor(Date.now() / 1000);
  return jwt.sign(
    { iss: CHANNEL_ISSUER, aud: APP_ID, serviceurl: SERVICE_URL, nbf: now - 60, exp: now + 3600, ...claims },
    privateKey,
    { algorithm: 'RS256', keyid: KEY_ID, ...options },
  );
}

describe('Teams authentication (MicrosoftAppId set)', () => {
  let server: TestServer;
  let bot: ReturnType<typeof createFakeBot>;

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    nock('https://login.botframework.com')
      .persist()
      .get('/v1/.well-known/openidconfiguration')
      .reply(200, {
        issuer: CHANNEL_ISSUER,
        authorization_endpoint: 'https://invalid.botframework.com',
        jwks_uri: 'https://login.botframework.com/v1/.well-known/keys',
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
      })
      .get('/v1/.well-known/keys')
      .reply(200, jwks(publicKey));
    bot = createFakeBot();
    const runtime = createTestRuntime({
      bot,
      env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'app-secret', MicrosoftAppType: 'MultiTenant' },
    });
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
    const appToken = nock('https://login.microsoftonline.com')
      .persist()
      .post(/^\/botframework\.com\/oauth2\/v2\.0\/token/)
      .reply(200, {
        token_type: 'Bearer',
        expires_in: 3599,
        ext_expires_in: 3599,
        access_token: 'app-token',
      });
    const authorizations: string[] = [];
    nock(SERVICE_HOST)
      .persist()
      .post(/\/activities/)
      .reply(200, function () {
        authorizations.push(String(this.req.headers.authorization));
        return { id: 'reply' };
      })
      .get(/\/members\//)
      .reply(200, { id: '29:1abc-user', email: 'dana@hospital.org' });

    const res = await post(server.url, personalMessage('hello'), { authorization: `Bearer ${token()}` });

    expect(res.status).toBe(200);
    expect(bot.asked.at(-1)?.text).toBe('hello');
    expect(appToken.isDone()).toBe(true);
    expect(authorizations.length).toBeGreaterThan(0);
    expect(authorizations.every((a) => a === 'Bearer app-token')).toBe(true);
  });

  it.each([
    ['no token', undefined],
    ['a wrong issuer', token({ iss: 'https://evil.example.com' })],
    ['an expired token', token({ nbf: 1_700_000_000, exp: 1_700_003_600 })],
    ['a wrong audience', token({ aud: 'some-other-bot' })],
    ['a token for another service URL', token({ serviceurl: 'https://evil.example.com/' })],
    [
      'a token signed by another key',
      jwt.sign(
        { iss: CHANNEL_ISSUER, aud: APP_ID },
        generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey,
        { algorithm: 'RS256', keyid: KEY_ID, expiresIn: 600 },
      ),
    ],
  ])('refuses %s', async (_name, bearer) => {
    const before = bot.asked.length;
    const res = await post(
      server.url,
      personalMessage('sneaky'),
      bearer ? { authorization: `Bearer ${bearer}` } : {},
    );
    expect([401, 403]).toContain(res.status);
    expect(bot.asked.length).toBe(before);
  });
});
