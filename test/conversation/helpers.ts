import { loadConfig } from '../../src/config.js';
import { createBot } from '../../src/core/bot.js';
import type { Frame } from '../../src/core/frame.js';
import type { Answer, Bot, IncomingMessage } from '../../src/core/types.js';
import { silentLogger } from '../../src/logger.js';
import { noMetrics, staticSource } from '../../src/runtime.js';
import type { Schedule } from '../../src/schedule/types.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';
import { knowledge, NOW, schedule } from '../core/helpers.js';

export { NOW };

/** Residents of the sample schedule (knowledge/sample-schedule.csv). */
export const AVERY = 'avery.samplewood@example.edu';
export const CASEY = 'casey.demoreaux@example.edu';

/** The real core bot on the shipped knowledge and sample schedule, with its own store. */
export function conversationBot(
  options: { store?: Store; env?: Record<string, string>; clock?: () => Date; schedule?: Schedule } = {},
): Bot {
  return createBot({
    knowledge: staticSource(knowledge),
    schedule: staticSource(options.schedule ?? schedule),
    store: options.store ?? createMemoryStore(),
    logger: silentLogger,
    metrics: noMetrics,
    config: loadConfig(options.env ?? {}),
    clock: options.clock ?? (() => NOW),
  });
}

/**
 * One conversation with the bot: each `say` is the next message in it, as `as`, at `now`
 * (default: NOW plus one minute per message so far).
 */
export function conversation(
  bot: Bot,
  base: Partial<IncomingMessage> & { conversationId?: string } = {},
): { say(text: string, extra?: Partial<IncomingMessage>): Promise<Answer> } {
  let n = 0;
  const id = base.conversationId ?? `test:${Math.random().toString(36).slice(2)}`;
  return {
    say(text, extra = {}) {
      n++;
      return bot.handle({
        text,
        asker: { email: AVERY },
        platform: 'slack',
        conversation: 'private',
        conversationId: id,
        now: new Date(NOW.getTime() + n * 60_000),
        ...base,
        ...extra,
      });
    },
  };
}

/** The answer to a question asked on its own (no conversation), as `as`. */
export async function alone(text: string, as = AVERY): Promise<Answer> {
  return conversationBot().handle({
    text,
    asker: { email: as },
    platform: 'slack',
    conversation: 'private',
    now: NOW,
  });
}

/** The answer's frame (the first question's, or the i-th). */
export const frame = (a: Answer, i = 0): Frame => a.frames![i]!;

/** The months (or first days) a frame's time names. */
export const months = (f: Frame) =>
  f.time.map((t) => (t.kind === 'month' ? t.month : t.kind === 'day' ? t.date : t.from));

/** What a reader sees, without the note on what was taken from before. */
export const shown = (a: Answer) => ({
  text: a.text.replace(/\n\n\(I took .*\)$/, ''),
  items: a.items,
  verdict: a.verdict,
});
