import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// A stand-in for Slack's Socket Mode endpoint; `ws` is what @slack/socket-mode itself uses.
import WebSocket from 'ws';
import type { ServerPlugin } from '../../adapters/server/plugin.js';
import { createSlackPlugin } from '../../adapters/slack/plugin.js';
import { ALICE, fakeBot, nockAuthTest, nockMethod, SLACK_HOST, slackRuntime, waitFor } from './helpers.js';
import { dmEvent } from './payloads.js';

let wss: WebSocket.Server;
let socket: WebSocket | undefined;
const acks: string[] = [];
const bot = fakeBot();
let plugin: ServerPlugin;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  wss = new WebSocket.Server({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  wss.on('connection', (ws) => {
    socket = ws;
    ws.on('message', (data) => acks.push(JSON.parse(String(data)).envelope_id));
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0APP' } }));
  });
});

afterAll(async () => {
  await plugin?.stop?.();
  await new Promise((resolve) => wss.close(resolve));
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('Socket Mode (SLACK_APP_TOKEN set)', () => {
  it('connects through apps.connections.open at SLACK_API_URL, acks an event and answers it', async () => {
    const { port } = wss.address() as AddressInfo;
    const open = nock(SLACK_HOST)
      .post('/api/apps.connections.open')
      .matchHeader('authorization', 'Bearer xapp-1-test')
      .reply(200, { ok: true, url: `ws://127.0.0.1:${port}/link` });
    nockAuthTest();
    const runtime = await slackRuntime({
      bot,
      env: { SLACK_APP_TOKEN: 'xapp-1-test', SLACK_SIGNING_SECRET: '' },
    });
    plugin = createSlackPlugin(runtime);
    const mounted: unknown[] = [];
    await plugin.mount({ use: (...args: unknown[]) => mounted.push(args) } as never);
    // No HTTP route in Socket Mode.
    expect(mounted).toHaveLength(0);
    await plugin.start!();
    expect(open.isDone()).toBe(true);

    const { scope, bodies } = nockMethod('chat.postMessage');
    const payload = dmEvent('what is my next rotation?');
    socket!.send(
      JSON.stringify({
        envelope_id: 'env-1',
        type: 'events_api',
        payload,
        accepts_response_payload: false,
        retry_attempt: 0,
        retry_reason: '',
      }),
    );
    await waitFor(() => acks.includes('env-1') && scope.isDone(), 'ack and answer over Socket Mode');
    expect(bot.asked[0]).toMatchObject({ text: 'what is my next rotation?', asker: { email: ALICE.email } });
    expect(bodies[0]!.channel).toBe('D0ALICE');
  });
});
