import { randomUUID } from 'node:crypto';
import type { Config } from './config.js';
import type { Answer, Bot, IncomingMessage, Platform } from './core/types.js';
import type { Logger } from './logger.js';
import type { Store } from './store/store.js';

/** One question the bot could not answer; the text only when the program opted in. */
export interface UnansweredEntry {
  at: string;
  intent: string;
  platform: Platform;
  text?: string;
}

export interface UnansweredLog {
  record(message: IncomingMessage, answer: Answer, at: Date): Promise<void>;
  /** Newest first. */
  list(limit?: number): Promise<UnansweredEntry[]>;
}

const PREFIX = 'unanswered:';
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Questions the bot could not answer, kept UNANSWERED_KEEP_DAYS so coordinators can grow the
 * knowledge base. Each is its own expiring key, so old ones vanish without a sweeper.
 */
export function createUnansweredLog(
  store: Store,
  config: Pick<Config, 'UNANSWERED_KEEP_DAYS' | 'UNANSWERED_KEEP_TEXT'>,
): UnansweredLog {
  const ttlMs = config.UNANSWERED_KEEP_DAYS * DAY_MS;
  return {
    async record(message, answer, at) {
      if (ttlMs <= 0) return;
      const entry: UnansweredEntry = {
        at: at.toISOString(),
        intent: answer.intent,
        platform: message.platform,
      };
      if (config.UNANSWERED_KEEP_TEXT) entry.text = message.text;
      // The ISO time leads the key so a listing sorts by time without reading values.
      await store.set(`${PREFIX}${entry.at}:${randomUUID()}`, JSON.stringify(entry), ttlMs);
    },
    async list(limit = 100) {
      const keys = (await store.keys(PREFIX)).sort().reverse().slice(0, limit);
      const values = await Promise.all(keys.map((key) => store.get(key)));
      const entries: UnansweredEntry[] = [];
      for (const value of values) {
        if (!value) continue;
        try {
          entries.push(JSON.parse(value) as UnansweredEntry);
        } catch {
          // A value someone else wrote under our prefix: skip it rather than fail the listing.
        }
      }
      return entries;
    },
  };
}

/** Records every answer marked unanswered; a store failure is logged and never affects the answer. */
export function withUnansweredLog(
  bot: Bot,
  log: UnansweredLog,
  logger: Logger,
  clock: () => Date = () => new Date(),
): Bot {
  return {
    async handle(message) {
      const answer = await bot.handle(message);
      if (answer.unanswered) {
        try {
          await log.record(message, answer, message.now ?? clock());
        } catch (error) {
          logger.warn(
            { err: error, requestId: message.requestId },
            'could not record an unanswered question',
          );
        }
      }
      return answer;
    },
  };
}
