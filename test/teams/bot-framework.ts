import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import nock from 'nock';

/**
 * The Bot Framework's side of authentication, played locally: a signing key published as its
 * JWKS (nock'ed OpenID metadata), tokens signed with it, and the app-token endpoint replies use.
 */
/** Where Teams (North America) sends activities from and takes replies. */
export const SERVICE_URL = 'https://smba.trafficmanager.net/amer/';
export const APP_ID = '0b5b3a2e-1111-4a4a-9c9c-5e5e5e5e5e5e';
export const AUTH_ENV = {
  MicrosoftAppId: APP_ID,
  MicrosoftAppPassword: 'app-secret',
  MicrosoftAppType: 'MultiTenant',
};
export const KEY_ID = 'test-signing-key';
export const CHANNEL_ISSUER = 'https://api.botframework.com';
/** What the Emulator's (AAD v2) tokens carry: no service-URL claim. */
export const EMULATOR_ISSUER = 'https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0';

export const signingKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });

/** The signing keys, as the JWKS endpoint publishes them (endorsed for msteams). */
export function jwks(key: KeyObject = signingKeys.publicKey) {
  const { n, e } = key.export({ format: 'jwk' });
  return { keys: [{ kty: 'RSA', use: 'sig', kid: KEY_ID, n, e, endorsements: ['msteams', 'emulator'] }] };
}

/** A channel token for this app, vouching for `serviceurl`; claims and options override. */
export function token(claims: Record<string, unknown> = {}, options: jwt.SignOptions = {}): string {
  const now = Math.floor(Date.now() / 1000);
  return jwt.sign(
    { iss: CHANNEL_ISSUER, aud: APP_ID, serviceurl: SERVICE_URL, nbf: now - 60, exp: now + 3600, ...claims },
    signingKeys.privateKey,
    { algorithm: 'RS256', keyid: KEY_ID, ...options },
  );
}

/** The authorization header for an activity, vouching for its own service URL. */
export function authorization(activity: { serviceUrl?: string }): Record<string, string> {
  return { authorization: `Bearer ${token({ serviceurl: activity.serviceUrl })}` };
}

/** Publishes the keys (channel and Emulator metadata) and answers app-token requests. */
export function nockBotFrameworkAuth(): void {
  const metadata = (issuer: string, jwksUri: string) => ({
    issuer,
    authorization_endpoint: 'https://invalid.botframework.com',
    jwks_uri: jwksUri,
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['private_key_jwt'],
  });
  nock('https://login.botframework.com')
    .persist()
    .get('/v1/.well-known/openidconfiguration')
    .reply(200, metadata(CHANNEL_ISSUER, 'https://login.botframework.com/v1/.well-known/keys'))
    .get('/v1/.well-known/keys')
    .reply(200, jwks());
  nock('https://login.microsoftonline.com')
    .persist()
    .get(/\/v2\.0\/\.well-known\/openid-configuration$/)
    .reply(200, metadata(EMULATOR_ISSUER, 'https://login.microsoftonline.com/common/discovery/v2.0/keys'))
    .get('/common/discovery/v2.0/keys')
    .reply(200, jwks())
    .post(/\/oauth2\/v2\.0\/token/)
    .reply(200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: 'app-token' });
}
