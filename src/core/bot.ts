import type { Config } from '../config.js';
import { createContextStore } from '../conversation/context-store.js';
import { nextContext } from '../conversation/remember.js';
import type { Knowledge } from '../knowledge/schema.js';
import type { Logger } from '../logger.js';
import type { LiveSource, Metrics } from '../runtime.js';
import type { Schedule } from '../schedule/types.js';
import type { Store } from '../store/store.js';
import { answerPrepared, prepare } from './answer.js';
import type { Answer, Bot } from './types.js';

export interface BotDeps {
  knowledge: LiveSource<Knowledge>;
  schedule: LiveSource<Schedule>;
  store: Store;
  logger: Logger;
  metrics: Metrics;
  config: Config;
  clock: () => Date;
  /** The asker's personal calendar feed URL (stored token); absent → calendar questions say it is unavailable. */
  calendarLink?: (email: string) => Promise<string | undefined>;
}

const SORRY: Answer = {
  intent: 'error',
  text: "Sorry, something went wrong on my side and I couldn't answer. Please try again in a moment.",
  factIds: [],
  unanswered: true,
};

/**
 * The bot: understands and answers one message. Errors are caught here, once, where a message is
 * dispatched: logged with the request id, answered gracefully, never thrown to an adapter.
 * Message text is logged only at debug level.
 */
export function createBot(deps: BotDeps): Bot {
  const contexts = createContextStore(deps.store, {
    ttlMs: deps.config.CONTEXT_TTL_MINUTES * 60_000,
    logger: deps.logger,
  });
  return {
    async handle(message) {
      const log = deps.logger.child({ requestId: message.requestId, platform: message.platform });
      try {
        const knowledge = deps.knowledge.current();
        const schedule = deps.schedule.current();
        const now = message.now ?? deps.clock();
        log.debug({ text: message.text }, 'question');
        // The conversation so far (its frames, never its text): follow-ups are completed from it.
        const context = await contexts.load(message, now);
        const prepared = prepare({
          text: message.text,
          mentions: message.mentions,
          platform: message.platform,
          knowledge,
          schedule,
          askerEmail: message.asker.email,
          conversation: message.conversation,
          now,
          context,
        });
        const { understanding, ctx } = prepared;
        // The one answer that needs I/O: the asker's stored calendar token, only in private.
        if (
          understanding.intent === 'calendar.link' &&
          ctx.resident &&
          ctx.conversation === 'private' &&
          deps.calendarLink
        ) {
          ctx.calendarUrl = await deps.calendarLink(ctx.resident.email);
        }
        const answer = answerPrepared(prepared);
        await contexts.save(
          message,
          nextContext(context, { ...prepared, answer, locale: ctx.knowledge.program.locale }, now),
        );
        deps.metrics.answered(answer.intent, Boolean(answer.unanswered));
        log.info(
          { intent: answer.intent, unanswered: Boolean(answer.unanswered), facts: answer.factIds.length },
          'answered',
        );
        return answer;
      } catch (error) {
        log.error({ err: error }, 'answering failed');
        deps.metrics.answered('error', true);
        return SORRY;
      }
    },
  };
}
