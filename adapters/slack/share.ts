import { randomUUID } from 'node:crypto';
import type { Answer } from '../../src/core/types.js';
import type { SlackContext } from './dispatch.js';

/** An ephemeral answer someone may share; Slack drops ephemeral messages within hours anyway. */
export const SHARE_TTL_MS = 24 * 60 * 60 * 1000;

export interface SharedAnswer {
  question: string;
  answer: Pick<Answer, 'text' | 'items' | 'itemsTitle'>;
}

/**
 * Keeps the exact answer behind a "Share in channel" button (a button's value is small, and
 * asking again in public could answer differently). Returns the id, or null when the store is down.
 */
export async function keepForSharing(ctx: SlackContext, shared: SharedAnswer): Promise<string | null> {
  const id = randomUUID();
  const { text, items, itemsTitle } = shared.answer;
  try {
    await ctx.runtime.store.set(
      `slack:share:${id}`,
      JSON.stringify({ question: shared.question, answer: { text, items, itemsTitle } }),
      SHARE_TTL_MS,
    );
    return id;
  } catch (error) {
    ctx.log.warn({ err: error }, 'could not keep an answer for sharing; no share button');
    return null;
  }
}

export async function sharedAnswer(ctx: SlackContext, id: string): Promise<SharedAnswer | null> {
  try {
    const value = await ctx.runtime.store.get(`slack:share:${id}`);
    return value ? (JSON.parse(value) as SharedAnswer) : null;
  } catch (error) {
    ctx.log.warn({ err: error }, 'could not read a shared answer');
    return null;
  }
}
