import nock from 'nock';
import { describe, expect, it } from 'vitest';
import {
  capturingLogger,
  fakeBot,
  logged,
  NOW_SECONDS,
  nockAuthTest,
  nockMethod,
  postEvent,
  postForm,
  postSigned,
  SLACK_HOST,
  slackRuntime,
  startSlackServer,
  useSlackServer,
  waitFor,
} from './helpers.js';
import { dmEvent } from './payloads.js';

const { logger, lines } = capturingLogger();
const bot = fakeBot();
const server = useSlackServer({ logger, bot, authTest: false });

describe('POST /slack/events — Slack request verification', () => {
  it('answers url_verification with the challenge', async () => {
    const res = await postEvent(server.url, { token: 't', challenge: 'c-123', type: 'url_verification' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: 'c-123' });
  });

  it('answers ssl_check with 200', async () => {
    const res = await postForm(server.url, { ssl_check: '1', token: 'legacy-verification-token' });
    expect(res.status).toBe(200);
  });

  it.each([
    ['unsigned', { unsigned: true }, 'unsigned'],
    ['signed with another secret', { secret: 'not-our-secret' }, 'signature mismatch'],
    ['replayed six minutes later', { timestamp: NOW_SECONDS - 360 }, 'stale'],
    ['dated six minutes ahead', { timestamp: NOW_SECONDS + 360 }, 'stale'],
  ])('refuses a request %s with 401 and one log line saying why', async (_name, options, reason) => {
    const before = logged(lines, 'slack request rejected').length;
    const res = await postEvent(
      server.url,
      { token: 't', challenge: 'c', type: 'url_verification' },
      options,
    );
    expect(res.status).toBe(401);
    const rejected = logged(lines, 'slack request rejected');
    expect(rejected).toHaveLength(before + 1);
    expect(String(rejected.at(-1)!.reason)).toContain(reason);
    expect(rejected.at(-1)!.level).toBe(40);
  });

  it('refuses a body altered after signing', async () => {
    const body = JSON.stringify(dmEvent('where am I next month?'));
    const res = await fetch(`${server.url}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-slack-request-timestamp': String(NOW_SECONDS),
        'x-slack-signature': (await import('../../adapters/slack/verify.js')).signSlackRequest(
          'test-signing-secret',
          NOW_SECONDS,
          body,
        ),
      },
      body: body.replace('next month', 'this month'),
    });
    expect(res.status).toBe(401);
    expect(bot.asked).toHaveLength(0);
  });

  it('accepts a signature within the five-minute window', async () => {
    const res = await postEvent(
      server.url,
      { token: 't', challenge: 'ok', type: 'url_verification' },
      { timestamp: NOW_SECONDS - 290 },
    );
    expect(res.status).toBe(200);
  });

  it('acknowledges an event before the answer is computed', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const slowBot = fakeBot();
    const handle = slowBot.handle.bind(slowBot);
    slowBot.handle = async (m) => {
      await gate;
      return handle(m);
    };
    nockAuthTest();
    const slow = await startSlackServer(await slackRuntime({ bot: slowBot }));
    const { scope } = nockMethod('chat.postMessage');
    try {
      const res = await postEvent(slow.url, dmEvent('where am I next month?'));
      // The ack arrived while the bot is still blocked.
      expect(res.status).toBe(200);
      expect(scope.isDone()).toBe(false);
      release();
      await waitFor(() => scope.isDone(), 'the answer after the ack');
    } finally {
      release();
      await slow.close();
    }
  });

  it('does not hold the ack while Slack is unreachable for auth.test', async () => {
    // auth.test hangs: with the ack waiting on it, this request would time out.
    nock(SLACK_HOST).post('/api/auth.test').delay(60_000).reply(200, { ok: true, user_id: 'U', bot_id: 'B' });
    const lonely = await startSlackServer(await slackRuntime({ bot: fakeBot() }));
    const { scope } = nockMethod('chat.postMessage');
    try {
      const res = await postEvent(lonely.url, dmEvent('where am I next month?'));
      expect(res.status).toBe(200);
      await waitFor(() => scope.isDone(), 'the answer without our own ids');
    } finally {
      await lonely.close();
    }
  });

  it('refuses a form body that is not JSON or a known payload with 400', async () => {
    const res = await postSigned(server.url, '{not json', 'application/json');
    expect(res.status).toBe(400);
  });
});
