import nock from 'nock';
import { createHandoffService } from '../../src/handoff/service.js';
import { createMetrics } from '../../src/metrics.js';
import type { Runtime } from '../../src/runtime.js';
import type { Store } from '../../src/store/store.js';
import {
  capturingLogger,
  fakeBot,
  postEvent,
  postInteraction,
  SLACK_HOST,
  type SlackTestServer,
  slackRuntime,
  startSlackServer,
} from '../slack/helpers.js';
import { blockActions, eventCallback } from '../slack/payloads.js';

export const COORDINATORS = 'C0COORD';
export const CAROL = 'UCAROL01';

/** Answers "I don't know" about parking, and a fact-backed answer otherwise. */
export const handoffBot = () =>
  fakeBot((message) =>
    /parking/i.test(message.text)
      ? {
          intent: 'fallback',
          unanswered: true,
          text: "I don't know about parking. Ask the IR residency program coordinator.",
          items: [],
          suggestions: [],
          factIds: [],
        }
      : { intent: 'procedure.does-ir', factIds: ['tips'], suggestions: [] },
  );

export type Block = {
  type: string;
  text?: { text: string };
  elements?: Array<Record<string, unknown> & { text: unknown }>;
};
export const blocksOf = (body: Record<string, unknown>): Block[] =>
  typeof body.blocks === 'string' ? JSON.parse(body.blocks) : (body.blocks as Block[]);
export const buttonsOf = (body: Record<string, unknown>) =>
  blocksOf(body)
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? []);
export const textOf = (body: Record<string, unknown>) =>
  blocksOf(body)
    .map(
      (b) =>
        b.text?.text ??
        (b.elements ?? []).map((e) => (e.text as { text?: string })?.text ?? e.text).join(' '),
    )
    .join('\n');

/** A Slack test server whose runtime has the hand-off service (and real metrics). */
export async function handoffServer(
  options: { store?: Store; env?: Record<string, string> } = {},
): Promise<SlackTestServer & { runtime: Runtime; lines: Array<Record<string, unknown>> }> {
  const { logger, lines } = capturingLogger();
  const runtime = await slackRuntime({
    bot: handoffBot(),
    store: options.store,
    logger,
    metrics: createMetrics({ defaultMetrics: false }),
    env: { HANDOFF_SLACK_CHANNEL: COORDINATORS, ...options.env },
  });
  runtime.handoff = createHandoffService(runtime);
  const server = await startSlackServer(runtime);
  return { ...server, runtime, lines };
}

/** Records every chat.postMessage / chat.update body, answering with a distinct ts per post. */
export function recordSlack() {
  const posts: Array<Record<string, string>> = [];
  const updates: Array<Record<string, string>> = [];
  /** Channels Slack refuses to post to (the resident left, the DM is gone). */
  const gone = new Set<string>();
  let n = 0;
  nock(SLACK_HOST)
    .persist()
    .post('/api/chat.postMessage', (body) => {
      posts.push(body);
      return true;
    })
    .reply(200, (_uri, body) => {
      // The reply callback gets the raw form body (the filter above gets it parsed).
      const channel = new URLSearchParams(String(body)).get('channel') ?? '';
      if (gone.has(channel)) return { ok: false, error: 'channel_not_found' };
      return { ok: true, channel, ts: `1764342${String(100 + ++n).padStart(3, '0')}.000100` };
    });
  nock(SLACK_HOST)
    .persist()
    .post('/api/chat.update', (body) => {
      updates.push(body);
      return true;
    })
    .reply(200, { ok: true });
  nock(SLACK_HOST)
    .persist()
    .post('/api/users.info', (body) => body.user === CAROL)
    .reply(200, {
      ok: true,
      user: { id: CAROL, real_name: 'Carol Coordinator', profile: { real_name: 'Carol Coordinator' } },
    });
  return { posts, updates, gone };
}

export function press(url: string, actionId: string, value: string, user: string, responsePath: string) {
  return postInteraction(
    url,
    blockActions({
      actionId,
      value,
      user,
      container: {
        type: 'message',
        channel_id: 'D0ALICE',
        message_ts: '1764342101.000100',
        is_ephemeral: false,
      },
      channel: 'D0ALICE',
      responsePath,
    }),
  );
}

/** A coordinator's reply in a card's thread. */
export function threadReply(
  url: string,
  args: { channel?: string; threadTs: string; ts: string; text: string; user?: string },
) {
  return postEvent(
    url,
    eventCallback({
      type: 'message',
      channel: args.channel ?? COORDINATORS,
      channel_type: 'channel',
      user: args.user ?? CAROL,
      text: args.text,
      ts: args.ts,
      thread_ts: args.threadTs,
    }),
  );
}
