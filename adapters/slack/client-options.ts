import type { LogLevel, Logger as SlackLogger } from '@slack/bolt';
import type { Config } from '../../src/config.js';
import type { Logger } from '../../src/logger.js';

/** Slack's own Web API; SLACK_API_URL replaces it for proxies and tests. */
export const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';

/** The WebClient joins method names onto the base URL, so it must end in exactly one slash. */
export function slackApiUrl(config: Pick<Config, 'SLACK_API_URL'>): string {
  const base = config.SLACK_API_URL ?? DEFAULT_SLACK_API_URL;
  return `${base.replace(/\/+$/, '')}/`;
}

/** Bolt and the WebClient log through this: their lines land in our pino logs with a component tag. */
export function slackLogger(logger: Logger): SlackLogger {
  const log = logger.child({ component: 'slack' });
  let level = 'info' as LogLevel;
  const join = (msg: unknown[]) =>
    msg
      .map((m) =>
        typeof m === 'string' ? m : m instanceof Error ? (m.stack ?? m.message) : JSON.stringify(m),
      )
      .join(' ');
  // Bolt and the WebClient log a lot at debug: build the line only when it will be written.
  const at =
    (name: 'debug' | 'info' | 'warn' | 'error') =>
    (...msg: unknown[]) => {
      if (log.isLevelEnabled(name)) log[name](join(msg));
    };
  return {
    // Bolt's debug lines include request bodies (message text): they stay at debug.
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

/**
 * Options for every WebClient the adapter makes: our base URL, our logger, and retries that
 * honour a 429's Retry-After (the client waits that long, then retries) a few times before giving up.
 */
export function webClientOptions(config: Pick<Config, 'SLACK_API_URL'>, logger: Logger) {
  return {
    slackApiUrl: slackApiUrl(config),
    logger: slackLogger(logger),
    retryConfig: { retries: 3, factor: 2, minTimeout: 250, maxTimeout: 4_000 },
    timeout: 10_000,
  };
}

/**
 * Options for the client that makes scheduled posts: the client never retries on its own. A
 * post whose reply was lost (a 5xx after Slack recorded it, a timeout, a reset) may have gone
 * out, so re-sending blindly posts twice; the reminder runner decides instead, after looking
 * in the conversation. 429s are handed back too (rejectRateLimitedCalls): a refusal, retried by
 * the messenger. Idempotent reads (look-ups, history) keep the retries of webClientOptions.
 */
export function postClientOptions(config: Pick<Config, 'SLACK_API_URL'>, logger: Logger) {
  return {
    ...webClientOptions(config, logger),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  };
}
