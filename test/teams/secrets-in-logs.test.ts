import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeamsPlugin } from '../../adapters/teams/plugin.js';
import { createLogger } from '../../src/logger.js';
import { staticSource } from '../../src/runtime.js';
import { createTestRuntime, rosterSchedule } from '../support/runtime.js';
import {
  createFakeBot,
  NOW,
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
const APP_TOKEN = 'app-token-must-not-be-logged';
const APP_PASSWORD = 'app-password-must-not-be-logged';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

function jwks(key: KeyObject) {
  const { n, e } = key.export({ format: 'jwk' });
  return { keys: [{ kty: 'RSA', use: 'sig', kid: KEY_ID, n, e, endorsements: ['msteams'] }] };
}

function channelToken(): string {
  const now = Math.floor(Date.now() / 1000);
  return jwt.sign(
    { iss: CHANNEL_ISSUER, aud: APP_ID, serviceurl: SERVICE_URL, nbf: now - 60, exp: now + 3600 },
    privateKey,
    { algorithm: 'RS256', keyid: KEY_ID },
  );
}

describe('Teams failures are logged without credentials or message text', () => {
  const logLines: string[] = [];
  let server: TestServer;
  const bot = createFakeBot();

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    nock('https://login.botframework.com')
      .persist()
      .get('/v1/.well-known/openidconfiguration')
      .reply(200, {
        issuer: CHANNEL_ISSUER,
        jwks_uri: 'https://login.botframework.com/v1/.well-known/keys',
        id_token_signing_alg_values_supported: ['RS256'],
      })
      .get('/v1/.well-known/keys')
      .reply(200, jwks(publicKey));
    nock('https://login.microsoftonline.com')
      .persist()
      .post(/^\/botframework\.com\/oauth2\/v2\.0\/token/)
      .reply(200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: APP_TOKEN });
    const runtime = createTestRuntime({
      env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: APP_PASSWORD, MicrosoftAppType: 'MultiTenant' },
      logger: createLogger('info', { write: (line: string) => void logLines.push(line) }),
      schedule: staticSource(rosterSchedule([])),
      bot,
      clock: () => NOW,
    });
    server = await startServer(createTeamsPlugin(runtime));
  });
  afterAll(async () => {
    await server.close();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('when the member lookup and the reply both fail', async () => {
    nock(SERVICE_HOST)
      .persist()
      .get(/\/members\//)
      .reply(400, { error: { code: 'BadArgument', message: 'boom' } })
      .post(/\/activities/)
      .reply(400, { error: { code: 'BadArgument', message: 'boom' } });

    const res = await post(server.url, personalMessage('private words gamma'), {
      authorization: `Bearer ${channelToken()}`,
    });

    expect(bot.asked.at(-1)?.text).toBe('private words gamma');
    expect(res.status).toBeGreaterThanOrEqual(200);
    const all = logLines.join('\n');
    expect(all).toContain('teams: could not look up the member');
    expect(all).toContain('teams: turn failed');
    expect(all).not.toContain(APP_TOKEN);
    expect(all).not.toContain(APP_PASSWORD);
    expect(all).not.toContain('private words');
  });
});
