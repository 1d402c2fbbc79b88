import { Writable } from 'node:stream';
import nock from 'nock';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createServer } from '../../adapters/server/create-server.js';
import { createSlackPlugin } from '../../adapters/slack/plugin.js';
import { signSlackRequest } from '../../adapters/slack/verify.js';
import type { Answer, Bot, IncomingMessage } from '../../src/core/types.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import type { Knowledge } from '../../src/knowledge/schema.js';
import type { Logger } from '../../src/logger.js';
import { type Metrics, type Runtime, staticSource } from '../../src/runtime.js';
import { createSchedule } from '../../src/schedule/index.js';
import type { Block, Resident } from '../../src/schedule/types.js';
import type { Store } from '../../src/store/store.js';
import { createTestRuntime, recordingBot, useRealCore } from '../support/runtime.js';

export const SECRET = 'test-signing-secret';
export const SLACK_HOST = 'http://slack.test';
/** Given without its trailing slash on purpose: the adapter must add it. */
export const SLACK_API_URL = `${SLACK_HOST}/api`;
export const HOOKS_HOST = 'https://hooks.slack.test';
export const BOT_USER = 'UBOT0001';
export const BOT_ID = 'BBOT0001';
/** Saturday, November 28, 2026, 10:00 in Durham. */
export const NOW = new Date('2026-11-28T15:00:00Z');
export const NOW_SECONDS = Math.floor(NOW.getTime() / 1000);

const block = (label: string, rotationId: string | null, start: string, end: string): Block => ({
  label,
  rotationId,
  start,
  end,
  source: 'test.csv:2',
});

/** Alice is matched by her slack_id column; Bob only by the email Slack's profile gives. */
export const ALICE: Resident = {
  email: 'alice.chen@example.edu',
  name: 'Alice Chen',
  level: 'R5',
  slackId: 'UALICE01',
  blocks: [
    block('IR', 'ir-duke', '2026-11-01', '2026-11-30'),
    block('IR-VA', 'ir-va', '2026-12-01', '2026-12-31'),
    block('DR-Body', 'dr-body', '2027-01-01', '2027-01-31'),
  ],
};
export const BOB: Resident = {
  email: 'bob.diaz@example.edu',
  name: 'Bob Diaz',
  level: 'R4',
  blocks: [block('ICU', 'icu', '2026-11-01', '2026-11-30')],
};

let knowledge: Promise<Knowledge> | undefined;
export function shippedKnowledge(): Promise<Knowledge> {
  knowledge ??= loadKnowledge('knowledge');
  return knowledge;
}

/** A bot that records what it was asked and answers with a list and two suggestions. */
export function fakeBot(
  reply: (message: IncomingMessage) => Partial<Answer> = () => ({}),
): Bot & { asked: IncomingMessage[] } {
  return recordingBot((message) => ({
    text: `You asked: ${message.text} <b>&`,
    itemsTitle: 'Things',
    items: ['first', 'second'],
    suggestions: [
      { label: 'Who is on IR?', question: 'Who is on IR this month?' },
      { label: 'My schedule', question: 'What is my schedule?' },
    ],
    ...reply(message),
  }));
}

/** JSON log lines kept in memory, so tests can wait for "duplicate delivery ignored" and friends. */
export function capturingLogger(): { logger: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines };
}

export interface SlackTestOptions {
  bot?: Bot;
  store?: Store;
  logger?: Logger;
  metrics?: Metrics;
  env?: Record<string, string>;
}

export async function slackRuntime(options: SlackTestOptions = {}): Promise<Runtime> {
  return createTestRuntime({
    env: { SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL, ...options.env },
    logger: options.logger ?? capturingLogger().logger,
    store: options.store,
    knowledge: staticSource(await shippedKnowledge()),
    schedule: staticSource(createSchedule([ALICE, BOB])),
    bot: options.bot ?? fakeBot(),
    metrics: options.metrics,
    clock: () => NOW,
  });
}

export interface SlackTestServer {
  url: string;
  runtime: Runtime;
  close(): Promise<void>;
}

export interface SlackServerOptions extends SlackTestOptions {
  /** Nock auth.test once before the server starts (default true). */
  authTest?: boolean;
  /** Runs before the server starts: nocks the whole file relies on. */
  setup?: () => void;
  /** Answer with the real core instead of the fake bot. */
  realCore?: boolean;
  /**
   * When nock's interceptors are dropped: after each test (default), or only after the file, so
   * an interceptor a test leaves unused (the first request's auth.test) serves a later test.
   */
  cleanNock?: 'each' | 'file';
}

/**
 * One Slack test server for a whole test file: Slack is intercepted by nock (loopback only),
 * nock is cleaned after each test (or after the file), and the server stops after the file.
 */
export function useSlackServer(options: SlackServerOptions = {}): SlackTestServer {
  let server: SlackTestServer | undefined;
  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    if (options.authTest !== false) nockAuthTest();
    options.setup?.();
    const runtime = await slackRuntime(options);
    if (options.realCore) await useRealCore(runtime);
    server = await startSlackServer(runtime);
  });
  afterEach(() => {
    if (options.cleanNock !== 'file') nock.cleanAll();
  });
  afterAll(async () => {
    await server?.close();
    if (options.cleanNock === 'file') nock.cleanAll();
    nock.enableNetConnect();
  });
  return {
    get url() {
      return server!.url;
    },
    get runtime() {
      return server!.runtime;
    },
    close: () => server!.close(),
  };
}

/** The real server (health, 404s, error handler) with the Slack plugin, on loopback. */
export async function startSlackServer(runtime: Runtime): Promise<SlackTestServer> {
  const server = await createServer(runtime, [createSlackPlugin(runtime)]);
  const { port } = await server.listen(0, '127.0.0.1');
  return { url: `http://127.0.0.1:${port}`, runtime, close: () => server.close() };
}

export interface SignOptions {
  timestamp?: number;
  secret?: string;
  headers?: Record<string, string>;
  unsigned?: boolean;
}

/** POSTs a body to /slack/events signed the way Slack signs it. */
export function postSigned(url: string, body: string, contentType: string, options: SignOptions = {}) {
  const timestamp = options.timestamp ?? NOW_SECONDS;
  const headers: Record<string, string> = { 'content-type': contentType, ...options.headers };
  if (!options.unsigned) {
    headers['x-slack-request-timestamp'] = String(timestamp);
    headers['x-slack-signature'] = signSlackRequest(options.secret ?? SECRET, timestamp, body);
  }
  return fetch(`${url}/slack/events`, { method: 'POST', headers, body });
}

export function postEvent(url: string, payload: unknown, options: SignOptions = {}) {
  return postSigned(url, JSON.stringify(payload), 'application/json', options);
}

export function postForm(url: string, fields: Record<string, string>, options: SignOptions = {}) {
  return postSigned(
    url,
    new URLSearchParams(fields).toString(),
    'application/x-www-form-urlencoded',
    options,
  );
}

export function postInteraction(url: string, payload: unknown, options: SignOptions = {}) {
  return postForm(url, { payload: JSON.stringify(payload) }, options);
}

/** auth.test, answered once per plugin instance (the adapter remembers the answer). */
export function nockAuthTest(times = 1) {
  return nock(SLACK_HOST).post('/api/auth.test').times(times).reply(200, {
    ok: true,
    url: 'https://duke-ir.slack.com/',
    team: 'Duke IR',
    user: 'rotabot',
    team_id: 'T0TEAM',
    user_id: BOT_USER,
    bot_id: BOT_ID,
  });
}

export function nockUsersInfo(userId: string, email: string | undefined) {
  return nock(SLACK_HOST)
    .post('/api/users.info', (body) => body.user === userId)
    .reply(200, {
      ok: true,
      user: {
        id: userId,
        name: 'bob.diaz',
        real_name: 'Bob Diaz',
        profile: { real_name: 'Bob Diaz', display_name: 'bob', email },
      },
    });
}

/** Records each body posted to a Web API method (form fields; blocks arrive JSON-encoded). */
export function nockMethod(
  method: string,
  reply: Record<string, unknown> = { ok: true, ts: '1764342001.000200' },
) {
  const bodies: Array<Record<string, string>> = [];
  const scope = nock(SLACK_HOST)
    .post(`/api/${method}`, (body) => {
      bodies.push(body as Record<string, string>);
      return true;
    })
    .reply(200, reply);
  return { scope, bodies };
}

/** Records what is posted to a response_url. */
export function nockResponseUrl(path: string) {
  const bodies: Array<Record<string, unknown>> = [];
  const scope = nock(HOOKS_HOST)
    .post(path, (body) => {
      bodies.push(body as Record<string, unknown>);
      return true;
    })
    .reply(200, 'ok');
  return { scope, bodies };
}

export async function waitFor(check: () => boolean, what = 'condition', timeoutMs = 8_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function logged(lines: Array<Record<string, unknown>>, msg: string): Array<Record<string, unknown>> {
  return lines.filter((l) => l.msg === msg);
}
