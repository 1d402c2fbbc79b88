import { ErrorCode, WebClient } from '@slack/web-api';
import {
  type Destination,
  HistoryUnavailableError,
  type Messenger,
  type OutgoingPost,
  PostNotSentError,
  type PostTag,
  type PreparedPost,
  type Recipient,
  RecipientUnreachableError,
} from '../../src/reminders/messenger.js';
import type { Runtime } from '../../src/runtime.js';
import { postClientOptions, webClientOptions } from './client-options.js';
import { programLocale } from './dispatch.js';
import { renderAnswer } from './render.js';

/**
 * Scheduled posts to Slack: announcements to a channel, reminders as DMs. Posts are never
 * retried by the client (the runner decides, see postClientOptions); each carries message
 * metadata naming its run and delivery, so a send whose reply was lost can be looked up in the
 * conversation's history. Retry-After honoured, about one post per second per channel.
 */

/** The metadata event type every scheduled post carries. */
export const SCHEDULED_POST_EVENT = 'rotabot_scheduled_post';

/** Errors no retry fixes: the person or channel is gone, or cannot receive the bot's messages. */
export const UNREACHABLE = new Set([
  'users_not_found',
  'user_not_found',
  'account_inactive',
  'user_disabled',
  'cannot_dm_bot',
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'messages_tab_disabled',
]);

export interface SlackMessengerOptions {
  /** One client for everything (tests); by default reads retry and posts do not. */
  client?: WebClient;
  /** Per Web API call (default 10 s). */
  timeoutMs?: number;
  /** Milliseconds between two posts to one channel (Slack allows about one per second). */
  spacingMs?: number;
  /** A Retry-After longer than this fails the send (the runner retries later) instead of waiting. */
  maxRetryAfterSeconds?: number;
  /** 429s retried per call. */
  rateLimitRetries?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export const USER_CACHE_MS = 7 * 24 * 3_600_000;
/** History pages (200 messages each) read back to find one post; more than that cannot be told. */
const MAX_HISTORY_PAGES = 5;

interface HistoryMessage {
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

function slackErrorOf(error: unknown): string | undefined {
  const e = error as { code?: string; data?: { error?: string } };
  return e.code === ErrorCode.PlatformError ? e.data?.error : undefined;
}

export function createSlackMessenger(runtime: Runtime, options: SlackMessengerOptions = {}): Messenger {
  const { config, logger, store, metrics } = runtime;
  const timeout = { timeout: options.timeoutMs ?? 10_000 };
  // Reads: a few quick retries within seconds, never the default half hour; 429s are ours to wait out.
  const reads =
    options.client ??
    new WebClient(config.SLACK_BOT_TOKEN, {
      ...webClientOptions(config, logger),
      retryConfig: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 2_000 },
      rejectRateLimitedCalls: true,
      ...timeout,
    });
  const posts =
    options.client ??
    new WebClient(config.SLACK_BOT_TOKEN, { ...postClientOptions(config, logger), ...timeout });
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const spacingMs = options.spacingMs ?? 1_100;
  const maxRetryAfter = options.maxRetryAfterSeconds ?? 60;
  const rateLimitRetries = options.rateLimitRetries ?? 3;
  // Per channel: the earliest time the next post may go (a chain, so concurrent posts queue up).
  const nextSlot = new Map<string, number>();

  /** A Web API call with 429s waited out; Slack's "no such person or channel" as RecipientUnreachableError. */
  async function call<T>(what: string, run: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await run();
      } catch (error) {
        const e = error as { code?: string; retryAfter?: number };
        if (
          e.code === ErrorCode.RateLimitedError &&
          attempt < rateLimitRetries &&
          (e.retryAfter ?? 0) <= maxRetryAfter
        ) {
          logger.warn({ call: what, retryAfter: e.retryAfter }, 'slack: rate limited, waiting');
          metrics.platformError('slack', 'rate_limited');
          await sleep((e.retryAfter ?? 1) * 1000);
          continue;
        }
        const code = slackErrorOf(error);
        metrics.platformError('slack', code ?? e.code ?? 'request_failed');
        if (code && UNREACHABLE.has(code))
          throw new RecipientUnreachableError(`Slack ${what}: ${code}`, code);
        if (e.code === ErrorCode.RateLimitedError)
          throw new PostNotSentError(`Slack ${what}: rate limited`, { cause: error });
        throw error;
      }
    }
  }

  async function paced(channel: string): Promise<void> {
    const at = Math.max(now(), nextSlot.get(channel) ?? 0);
    nextSlot.set(channel, at + spacingMs);
    if (at > now()) await sleep(at - now());
  }

  async function post(channel: string, message: OutgoingPost, tag: PostTag | undefined): Promise<void> {
    const { text, blocks } = renderAnswer(message, {
      withSuggestions: false,
      locale: programLocale(runtime),
    });
    const metadata = tag && {
      event_type: SCHEDULED_POST_EVENT,
      event_payload: { run: tag.run, delivery: tag.delivery },
    };
    try {
      await call('chat.postMessage', () =>
        posts.chat.postMessage({ channel, text, blocks, unfurl_links: false, ...(metadata && { metadata }) }),
      );
    } catch (error) {
      // Slack answered ok: false: it did not post. Anything else (5xx, timeout, reset) may have.
      if (slackErrorOf(error)) throw new PostNotSentError((error as Error).message, { cause: error });
      throw error;
    }
  }

  /** Whether a post carrying `tag` is in the channel's history at or after `since`. */
  async function find(channel: string, tag: PostTag, since: Date): Promise<boolean> {
    let cursor: string | undefined;
    for (let page = 0; page < MAX_HISTORY_PAGES; page++) {
      let reply: {
        messages?: HistoryMessage[];
        has_more?: boolean;
        response_metadata?: { next_cursor?: string };
      };
      try {
        reply = await call('conversations.history', () =>
          reads.conversations.history({
            channel,
            oldest: (since.getTime() / 1000).toFixed(6),
            include_all_metadata: true,
            limit: 200,
            ...(cursor && { cursor }),
          }),
        );
      } catch (error) {
        // A refusal (missing_scope, not_in_channel, …) will not change on a retry: nobody can tell.
        const code =
          slackErrorOf(error) ?? (error instanceof RecipientUnreachableError ? error.reason : undefined);
        if (code)
          throw new HistoryUnavailableError(`Slack conversations.history: ${code}`, code, { cause: error });
        throw error;
      }
      const found = (reply.messages ?? []).some(
        (m) =>
          m.metadata?.event_type === SCHEDULED_POST_EVENT &&
          m.metadata.event_payload?.run === tag.run &&
          m.metadata.event_payload?.delivery === tag.delivery,
      );
      if (found) return true;
      cursor = reply.response_metadata?.next_cursor;
      if (!reply.has_more || !cursor) return false;
    }
    throw new HistoryUnavailableError(
      `Slack conversations.history: more than ${MAX_HISTORY_PAGES * 200} messages since the send`,
      'too_many_messages',
    );
  }

  /** A cached lookup is a convenience: a store outage must not stop a reminder. */
  async function cached(key: string, load: () => Promise<string>): Promise<string> {
    const hit = await store.get(key).catch(() => null);
    if (hit) return hit;
    const value = await load();
    await store.set(key, value, USER_CACHE_MS).catch(() => {});
    return value;
  }

  async function userIdOf(recipient: Recipient): Promise<string> {
    if (recipient.slackId) return recipient.slackId;
    return cached(`slack:user-by-email:${recipient.email.toLowerCase()}`, async () => {
      const found = await call('users.lookupByEmail', () =>
        reads.users.lookupByEmail({ email: recipient.email }),
      );
      if (!found.user?.id)
        throw new RecipientUnreachableError('Slack users.lookupByEmail: no user', 'users_not_found');
      return found.user.id;
    });
  }

  async function channelOf(to: Destination): Promise<string> {
    if ('channel' in to) return to.channel;
    const userId = await userIdOf(to.person);
    // conversations.open is idempotent: the same DM channel every time.
    return cached(`slack:dm:${userId}`, async () => {
      const opened = await call('conversations.open', () => reads.conversations.open({ users: userId }));
      if (!opened.channel?.id) throw new Error('Slack conversations.open returned no channel');
      return opened.channel.id;
    });
  }

  async function prepare(to: Destination, message: OutgoingPost, tag?: PostTag): Promise<PreparedPost> {
    const channel = await channelOf(to);
    await paced(channel);
    return {
      post: () => post(channel, message, tag),
      ...(tag && { find: (since: Date) => find(channel, tag, since) }),
    };
  }

  return {
    platform: 'slack',
    prepare,
    postToChannel: async (channel, message) => (await prepare({ channel }, message)).post(),
    postToPerson: async (person, message) => (await prepare({ person }, message)).post(),
  };
}
