import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { ServerPlugin } from '../../adapters/server/plugin.js';
import { createTeamsPlugin } from '../../adapters/teams/plugin.js';
import type { Answer, Bot, IncomingMessage } from '../../src/core/types.js';
import type { Knowledge } from '../../src/knowledge/schema.js';
import { type Runtime, staticSource } from '../../src/runtime.js';
import type { Resident, Schedule } from '../../src/schedule/types.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';
import {
  createTestRuntime as createSharedTestRuntime,
  recordingBot,
  rosterSchedule,
  useRealCore,
} from '../support/runtime.js';
import { authorization, nockBotFrameworkAuth, SERVICE_URL } from './bot-framework.js';

export { SERVICE_URL };
export const SERVICE_HOST = 'https://smba.trafficmanager.net';
export const BOT = { id: '28:bot-app-id', name: 'Rotabot' };
export const NOW = new Date('2026-08-14T15:00:00Z');

/** A bot that records what it was asked and answers with a list and two suggestions. */
export function createFakeBot(answer: Partial<Answer> = {}): Bot & { asked: IncomingMessage[] } {
  return recordingBot((message) => ({
    text: `You asked: ${message.text}\n\nSecond paragraph.`,
    itemsTitle: 'Things',
    items: ['first', 'second'],
    suggestions: [
      { label: 'Who is on IR?', question: 'who is on IR this month' },
      { label: 'My schedule', question: 'what is my schedule' },
    ],
    ...answer,
  }));
}

export interface TestRuntimeOptions {
  env?: Record<string, string>;
  store?: Store;
  bot?: Bot;
  residents?: Resident[];
  /** A whole schedule instead of a roster of `residents`. */
  schedule?: Schedule;
  knowledge?: Knowledge;
  /** The clock's fixed time (default NOW). */
  now?: Date;
}

/**
 * Without MicrosoftAppId in `env` the runtime is in the Emulator mode (TEAMS_EMULATOR=on), the
 * only way the route runs unauthenticated; bot-framework.ts has what authenticated tests need.
 */
export function createTestRuntime(options: TestRuntimeOptions = {}): Runtime {
  const emulator: Record<string, string> = options.env?.MicrosoftAppId ? {} : { TEAMS_EMULATOR: 'on' };
  return createSharedTestRuntime({
    env: { SCHEDULER: 'off', ...emulator, ...options.env },
    store: options.store,
    schedule: staticSource(options.schedule ?? rosterSchedule(options.residents ?? [])),
    ...(options.knowledge ? { knowledge: staticSource(options.knowledge) } : {}),
    bot: options.bot ?? createFakeBot(),
    clock: () => options.now ?? NOW,
  });
}

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/** The plugin on its own express app, listening on loopback. */
export async function startServer(plugin: ServerPlugin): Promise<TestServer> {
  const app = express();
  await plugin.mount(app);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await plugin.stop?.();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

export interface Sent<Body = Record<string, unknown>> {
  /** The request path, decoded. */
  path: string;
  body: Body;
}

/** Every activity the bot sends to the (nock'ed) Teams service, in order; replies get ids. */
export function interceptReplies<Body = Record<string, unknown>>(): Sent<Body>[] {
  const sent: Sent<Body>[] = [];
  nock(SERVICE_HOST)
    .persist()
    .post(/\/amer\/v3\/conversations\/[^/]+\/activities(\/[^/]+)?$/)
    .reply(200, (path, body) => {
      sent.push({ path: decodeURIComponent(path), body: body as Body });
      return { id: `reply-${sent.length}` };
    });
  return sent;
}

export interface TeamsServerOptions extends TestRuntimeOptions {
  /**
   * `test` (default): a new store, fake bot, runtime and server before each test, and nock
   * cleaned after each. `file`: one server for the whole file, nock cleaned after it.
   */
  per?: 'test' | 'file';
  /** Runs before each start: nocks a whole-file server relies on. */
  setup?: () => void;
  /** Answer with the real core (over the runtime's knowledge, schedule and clock) instead of the fake bot. */
  realCore?: boolean;
}

export interface TeamsTestServer {
  readonly url: string;
  readonly runtime: Runtime;
  readonly store: Store;
  /** The fake bot made for the server now running (the runtime's bot unless one was given). */
  readonly bot: ReturnType<typeof createFakeBot>;
  /** POSTs an activity; with MicrosoftAppId, with a Bot Framework token vouching for its service URL. */
  send(activity: object): Promise<Response>;
  /** Stops the server and starts another with these options on top (another bot or roster). */
  restart(options?: TestRuntimeOptions): Promise<void>;
}

/**
 * The Teams plugin on its own server, for a describe block or a file: the network is closed to
 * all but loopback, the Bot Framework's keys are published when MicrosoftAppId is set, and each
 * start has a fresh memory store and fake bot.
 */
export function useTeamsServer(options: TeamsServerOptions = {}): TeamsTestServer {
  const { per = 'test', setup, realCore, ...runtimeOptions } = options;
  const authenticated = Boolean(runtimeOptions.env?.MicrosoftAppId);
  let current: { server: TestServer; runtime: Runtime; bot: ReturnType<typeof createFakeBot> } | undefined;

  async function start(extra: TestRuntimeOptions = {}): Promise<void> {
    setup?.();
    const bot = createFakeBot();
    const runtime = createTestRuntime({ store: createMemoryStore(), bot, ...runtimeOptions, ...extra });
    if (realCore) await useRealCore(runtime);
    const server = await startServer(createTeamsPlugin(runtime));
    if (authenticated) nockBotFrameworkAuth();
    current = { server, runtime, bot };
  }
  const running = () => {
    if (!current) throw new Error('the Teams test server is not running');
    return current;
  };

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    if (per === 'file') await start();
  });
  if (per === 'test') {
    beforeEach(() => start());
    afterEach(async () => {
      await current?.server.close();
      current = undefined;
      nock.cleanAll();
    });
  }
  afterAll(async () => {
    await current?.server.close();
    current = undefined;
    if (per === 'file') nock.cleanAll();
    nock.enableNetConnect();
  });

  return {
    get url() {
      return running().server.url;
    },
    get runtime() {
      return running().runtime;
    },
    get store() {
      return running().runtime.store;
    },
    get bot() {
      return running().bot;
    },
    send(activity) {
      const headers = authenticated ? authorization(activity as { serviceUrl?: string }) : {};
      return post(running().server.url, activity, headers);
    },
    async restart(extra) {
      await running().server.close();
      current = undefined;
      await start(extra);
    },
  };
}

export function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

let counter = 0;
const nextId = () => `1${String(++counter).padStart(12, '0')}`;

const TENANT = { id: '72f988bf-86f1-41af-91ab-2d7cd011db47' };

/** A message in a personal chat, shaped like what Teams sends. */
export function personalMessage(text: string, user = { id: '29:1abc-user', aadObjectId: 'aad-user-1' }) {
  return {
    type: 'message',
    id: nextId(),
    timestamp: '2026-08-14T15:00:00.000Z',
    localTimestamp: '2026-08-14T11:00:00.000-04:00',
    serviceUrl: SERVICE_URL,
    channelId: 'msteams',
    from: { ...user, name: 'Dana Resident' },
    conversation: { conversationType: 'personal', tenantId: TENANT.id, id: `a:personal-${user.id}` },
    recipient: BOT,
    textFormat: 'plain',
    locale: 'en-US',
    text,
    entities: [
      { type: 'clientInfo', locale: 'en-US', country: 'US', platform: 'Web', timezone: 'America/New_York' },
    ],
    channelData: { tenant: TENANT },
  };
}

export const CHANNEL_ID = '19:general-abc@thread.tacv2';

/** An @mention of the bot in a team channel: the mention is in the text and in an entity. */
export function channelMention(question: string) {
  const id = nextId();
  return {
    type: 'message',
    id,
    timestamp: '2026-08-14T15:00:00.000Z',
    serviceUrl: SERVICE_URL,
    channelId: 'msteams',
    from: { id: '29:1xyz-user', aadObjectId: 'aad-user-2', name: 'Sam Fellow' },
    conversation: {
      isGroup: true,
      conversationType: 'channel',
      tenantId: TENANT.id,
      id: `${CHANNEL_ID};messageid=${id}`,
    },
    recipient: BOT,
    textFormat: 'plain',
    text: `<at>Rotabot</at> ${question}`,
    entities: [
      { type: 'mention', text: '<at>Rotabot</at>', mentioned: BOT },
      { type: 'clientInfo', locale: 'en-US' },
    ],
    channelData: {
      teamsChannelId: CHANNEL_ID,
      teamsTeamId: CHANNEL_ID,
      channel: { id: CHANNEL_ID },
      team: { id: CHANNEL_ID },
      tenant: TENANT,
    },
  };
}

export function botAddedToTeam() {
  return {
    type: 'conversationUpdate',
    id: `f:${nextId()}`,
    timestamp: '2026-08-14T15:00:00.000Z',
    serviceUrl: SERVICE_URL,
    channelId: 'msteams',
    from: { id: '29:1admin', aadObjectId: 'aad-admin' },
    conversation: { isGroup: true, conversationType: 'channel', tenantId: TENANT.id, id: CHANNEL_ID },
    recipient: BOT,
    membersAdded: [{ id: BOT.id }],
    channelData: {
      team: { id: CHANNEL_ID, name: 'IR Residents', aadGroupId: 'group-1' },
      eventType: 'teamMemberAdded',
      tenant: TENANT,
    },
  };
}

export function installationUpdate(
  action: 'add' | 'remove',
  user = { id: '29:1abc-user', aadObjectId: 'aad-user-1' },
) {
  return {
    type: 'installationUpdate',
    id: `f:${nextId()}`,
    action,
    timestamp: '2026-08-14T15:00:00.000Z',
    serviceUrl: SERVICE_URL,
    channelId: 'msteams',
    from: user,
    conversation: { conversationType: 'personal', tenantId: TENANT.id, id: `a:personal-${user.id}` },
    recipient: BOT,
    channelData: { tenant: TENANT, source: { name: 'message' } },
  };
}
