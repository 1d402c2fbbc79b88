import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../runtime.js';
import type { Store } from '../store/store.js';
import type { Answer, Asker, Bot, IncomingMessage } from './types.js';

export interface LimitsDeps {
  store: Store;
  config: Pick<Config, 'MAX_QUESTION_CHARS' | 'RATE_LIMIT_PER_MINUTE'>;
  logger: Logger;
  metrics?: Metrics;
}

/** The rate limit's window: questions are counted per person per minute. */
export const WINDOW_MS = 60_000;

/** The key a person's questions are counted under; null when nothing identifies them. */
export function rateLimitKey(platform: string, asker: Asker): string | null {
  if (asker.email) return `ratelimit:email:${asker.email.toLowerCase()}`;
  if (asker.platformUserId) return `ratelimit:${platform}:${asker.platformUserId}`;
  return null;
}

/**
 * Guards the bot: an over-long question or one over the per-user rate never reaches it.
 * The rate counter lives in the store so replicas share it; a store outage lets questions through.
 */
export function withLimits(bot: Bot, deps: LimitsDeps): Bot {
  const { store, config, logger, metrics } = deps;

  function refuse(answer: Answer): Answer {
    metrics?.answered(answer.intent, false);
    return answer;
  }

  async function overRate(message: IncomingMessage): Promise<boolean> {
    const key = rateLimitKey(message.platform, message.asker);
    if (!key) return false;
    try {
      return (await store.increment(key, WINDOW_MS)) > config.RATE_LIMIT_PER_MINUTE;
    } catch (error) {
      // Fail open: answering without a limit beats not answering at all.
      logger.warn({ err: error, requestId: message.requestId }, 'rate limit check failed; answering anyway');
      return false;
    }
  }

  return {
    async handle(message) {
      if (message.text.length > config.MAX_QUESTION_CHARS) {
        logger.info({ requestId: message.requestId, chars: message.text.length }, 'question too long');
        return refuse({
          intent: 'limit.too-long',
          text:
            `That message is a bit long for me (${message.text.length} characters). ` +
            `Could you ask one question in fewer than ${config.MAX_QUESTION_CHARS} characters?`,
          factIds: [],
        });
      }
      if (await overRate(message)) {
        logger.info({ requestId: message.requestId, platform: message.platform }, 'rate limited');
        return refuse({
          intent: 'limit.rate',
          text:
            `You have asked a lot of questions in the last minute (more than ${config.RATE_LIMIT_PER_MINUTE}). ` +
            'Please wait a minute and ask again.',
          factIds: [],
        });
      }
      return bot.handle(message);
    },
  };
}
