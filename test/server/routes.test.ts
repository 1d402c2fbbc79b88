import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { choosePlugins, listenHost } from '../../adapters/plugins.js';
import { createServer, type RotabotServer } from '../../adapters/server/create-server.js';
import { createTestRuntime } from '../support/runtime.js';

const SLACK = {
  SLACK_BOT_TOKEN: 'xoxb-test',
  SLACK_SIGNING_SECRET: 'secret',
  SLACK_API_URL: 'http://slack.test/api',
};
const TEAMS = { MicrosoftAppId: '0b5b3a2e-1111-4a4a-9c9c-5e5e5e5e5e5e', MicrosoftAppPassword: 'p' };

const activity = {
  type: 'message',
  id: 'a1',
  channelId: 'msteams',
  serviceUrl: 'https://internal.example/',
  from: { id: 'u', email: 'someone@hospital.org' },
  conversation: { id: 'c' },
  recipient: { id: 'b' },
  text: 'what is my calendar link?',
};

describe('the routes a configuration serves (the real server, as npm start assembles it)', () => {
  let server: RotabotServer | undefined;
  const attempted: string[] = [];
  const record = (req: { hostname?: string; path?: string }) => attempted.push(`${req.hostname}${req.path}`);

  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    nock.emitter.on('no match', record);
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
    attempted.length = 0;
  });
  afterAll(() => {
    nock.emitter.off('no match', record);
    nock.enableNetConnect();
  });

  async function serve(env: Record<string, string>): Promise<string> {
    const runtime = createTestRuntime({ env: { SCHEDULER: 'off', ...env } });
    server = await createServer(runtime, await choosePlugins(runtime));
    const { port } = await server.listen(0, '127.0.0.1');
    return `http://127.0.0.1:${port}`;
  }

  it('a Slack-only deployment has no /api/messages: 404, and no call out', async () => {
    const url = await serve(SLACK);
    for (const headers of [{}, { authorization: 'Bearer forged' }] as Record<string, string>[]) {
      const res = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(activity),
      });
      expect(res.status).toBe(404);
    }
    // Besides our own requests to the server, Slack's client may check its token; nothing else is called.
    expect(attempted.filter((a) => !a.startsWith('slack.test/') && !a.startsWith('127.0.0.1/'))).toEqual([]);
  });

  it('a Teams-only deployment has no /slack/events', async () => {
    const url = await serve(TEAMS);
    const res = await fetch(`${url}/slack/events`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
  });

  it('without credentials, /api/messages exists only when the Emulator mode is asked for', async () => {
    const closed = await serve({});
    expect((await fetch(`${closed}/api/messages`, { method: 'POST', body: '{}' })).status).toBe(404);
    await server?.close();
    const emulator = await serve({ TEAMS_EMULATOR: 'on' });
    const res = await fetch(`${emulator}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"hello":"world"}',
    });
    expect(res.status).toBe(400);
  });

  it('listens beyond loopback only for platforms that need it', () => {
    const config = (env: Record<string, string>) => createTestRuntime({ env }).config;
    expect(listenHost(config({}))).toBe('127.0.0.1');
    expect(listenHost(config({ TEAMS_EMULATOR: 'on' }))).toBe('127.0.0.1');
    expect(listenHost(config(SLACK))).toBe('0.0.0.0');
    expect(listenHost(config(TEAMS))).toBe('0.0.0.0');
  });
});
