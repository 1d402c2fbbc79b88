import { ErrorCode, LogLevel, WebClient } from '@slack/web-api';
import {
  type Messenger,
  type OutgoingPost,
  type Recipient,
  RecipientUnreachableError,
} from '../../src/reminders/messenger.js';
import type { Runtime } from '../../src/runtime.js';
import { programLocale } from './dispatch.js';
import { renderAnswer } from './render.js';

/**
 * Scheduled posts to Slack: announcements to a channel, reminders as DMs. Its own timeouts and
 * a few quick retries (a reminder is never half an hour late: the runner retries a failed
 * send on its next tick instead), Retry-After honoured, and about one post per second per channel.
 */

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
  client?: WebClient;
  /** Milliseconds between two posts to one channel (Slack allows about one per second). */
  spacingMs?: number;
  /** A Retry-After longer than this fails the send (the runner retries later) instead of waiting. */
  maxRetryAfterSeconds?: number;
  /** 429s retried per call. */
  rateLimitRetries?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const USER_CACHE_MS = 7 * 24 * 3_600_000;

function slackErrorOf(error: unknown): string | undefined {
  const e = error as { code?: string; data?: { error?: string } };
  return e.code === ErrorCode.PlatformError ? e.data?.error : undefined;
}

/** The Web API base URL with the trailing slash WebClient expects. */
export function slackApiUrl(url: string | undefined): string {
  const base = url ?? 'https://slack.com/api/';
  return base.endsWith('/') ? base : `${base}/`;
}

export function createSlackMessenger(runtime: Runtime, options: SlackMessengerOptions = {}): Messenger {
  const { config, logger, store, metrics } = runtime;
  const client =
    options.client ??
    new WebClient(config.SLACK_BOT_TOKEN, {
      slackApiUrl: slackApiUrl(config.SLACK_API_URL),
      timeout: 10_000,
      // Network errors and 5xx: three quick tries within seconds, never the default half hour.
      retryConfig: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 2_000 },
      rejectRateLimitedCalls: true,
      logLevel: LogLevel.ERROR,
    });
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const spacingMs = options.spacingMs ?? 1_100;
  const maxRetryAfter = options.maxRetryAfterSeconds ?? 60;
  const rateLimitRetries = options.rateLimitRetries ?? 3;
  // Per channel: the earliest time the next post may go (a chain, so concurrent posts queue up).
  const nextSlot = new Map<string, number>();

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
        throw error;
      }
    }
  }

  async function paced(channel: string): Promise<void> {
    const at = Math.max(now(), nextSlot.get(channel) ?? 0);
    nextSlot.set(channel, at + spacingMs);
    if (at > now()) await sleep(at - now());
  }

  async function post(channel: string, message: OutgoingPost): Promise<void> {
    const { text, blocks } = renderAnswer(message, {
      withSuggestions: false,
      locale: programLocale(runtime),
    });
    await paced(channel);
    await call('chat.postMessage', () =>
      client.chat.postMessage({ channel, text, blocks, unfurl_links: false }),
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
        client.users.lookupByEmail({ email: recipient.email }),
      );
      if (!found.user?.id)
        throw new RecipientUnreachableError('Slack users.lookupByEmail: no user', 'users_not_found');
      return found.user.id;
    });
  }

  return {
    platform: 'slack',
    postToChannel: (channel, message) => post(channel, message),
    async postToPerson(recipient, message) {
      const userId = await userIdOf(recipient);
      const channel = await cached(`slack:dm:${userId}`, async () => {
        const opened = await call('conversations.open', () => client.conversations.open({ users: userId }));
        if (!opened.channel?.id) throw new Error('Slack conversations.open returned no channel');
        return opened.channel.id;
      });
      await post(channel, message);
    },
  };
}
