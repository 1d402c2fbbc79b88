import type { webApi } from '@slack/bolt';
import { withholdPrivate } from '../../src/core/privacy.js';
import type { Answer, Asker, ConversationKind, Mention } from '../../src/core/types.js';
import type { Logger } from '../../src/logger.js';
import type { Runtime } from '../../src/runtime.js';
import { slackErrorCode } from './errors.js';
import type { IdentifySlackUser } from './identify.js';
import { mentionedUsers, plainText } from './parse.js';
import type { SlackMessage } from './render.js';

/** Slack retries an unacknowledged event for about an hour; we remember ids for that long (≥ 10 min). */
export const DEDUPE_TTL_MS = 60 * 60 * 1000;

/** What every handler shares: the runtime, identity, a logger, and the work still in flight. */
export interface SlackContext {
  runtime: Runtime;
  identify: IdentifySlackUser;
  log: Logger;
  /** Runs a handler's work after the ack, catching and logging what escapes; stop() waits for it. */
  run(what: string, work: () => Promise<unknown>): Promise<void>;
  /** Resolves once nothing is in flight. */
  drain(): Promise<void>;
}

export function createSlackContext(runtime: Runtime, identify: IdentifySlackUser): SlackContext {
  const inflight = new Set<Promise<void>>();
  const log = runtime.logger.child({ platform: 'slack' });
  return {
    runtime,
    identify,
    log,
    run(what, work) {
      const settled: Promise<void> = work()
        .then(() => {})
        .catch((error: unknown) => log.error({ err: error, what }, 'slack handler failed'))
        .finally(() => inflight.delete(settled));
      inflight.add(settled);
      return settled;
    },
    async drain() {
      while (inflight.size) await Promise.allSettled([...inflight]);
    },
  };
}

const SORRY: Answer = {
  intent: 'error',
  text: 'Sorry, something went wrong on my side. Please try again in a minute.',
  factIds: [],
  unanswered: true,
};

/**
 * True the first time an event id is seen by any process sharing the store. When the store is
 * down we answer anyway: a rare double answer beats silence.
 */
export async function firstDelivery(ctx: SlackContext, id: string | undefined): Promise<boolean> {
  if (!id) return true;
  try {
    const first = await ctx.runtime.store.setIfAbsent(`slack:event:${id}`, '1', DEDUPE_TTL_MS);
    if (!first) ctx.log.debug({ eventId: id }, 'duplicate delivery ignored');
    return first;
  } catch (error) {
    ctx.log.warn({ err: error, eventId: id }, 'slack dedupe failed; answering anyway');
    return true;
  }
}

export interface Question {
  text: string;
  /** People the text names by a Slack mention (see `readQuestion`). */
  mentions?: Mention[];
  userId: string;
  conversation: ConversationKind;
  /** The DM or thread the question belongs to (see slackConversationId): follow-ups share its context. */
  conversationId?: string;
  requestId?: string;
}

/** Identity, then the bot. Never throws: a failure is logged and becomes an apology. */
export async function askBot(ctx: SlackContext, client: webApi.WebClient, q: Question): Promise<Answer> {
  return (await askBotAs(ctx, client, q)).answer;
}

/** askBot, also saying who asked (for the answer's feedback buttons); the asker is absent after a failure. */
export async function askBotAs(
  ctx: SlackContext,
  client: webApi.WebClient,
  q: Question,
): Promise<{ answer: Answer; asker?: Asker }> {
  try {
    const asker = await ctx.identify(q.userId, client);
    ctx.log.debug({ requestId: q.requestId, text: q.text }, 'slack question');
    const answer = await ctx.runtime.bot.handle({
      text: q.text,
      mentions: q.mentions,
      asker,
      platform: 'slack',
      conversation: q.conversation,
      ...(q.conversationId ? { conversationId: q.conversationId } : {}),
      now: ctx.runtime.clock(),
      requestId: q.requestId,
    });
    // The core logs each answer at info; this line only ties it to the Slack delivery.
    ctx.log.debug({ requestId: q.requestId, intent: answer.intent }, 'slack answer');
    return { answer: withholdPrivate(answer, q.conversation), asker };
  } catch (error) {
    ctx.log.error({ err: error, requestId: q.requestId }, 'slack question failed');
    return { answer: SORRY };
  }
}

/** The program's locale, for Slack date tokens; none while the knowledge base is unavailable. */
export function programLocale(runtime: Runtime): string | undefined {
  try {
    return runtime.knowledge.current().program.locale;
  } catch {
    return undefined;
  }
}

/** Said in place of a mentioned person Slack could not tell us about. */
const SOMEONE = 'the person you mentioned';

/**
 * Slack text → the question as a person reads it, with every person it @-mentions (not the bot)
 * written by name and passed on with their email, so "what is @Casey on?" asks about Casey.
 * A lookup that fails leaves the person unnamed, never dropped.
 */
export async function readQuestion(
  ctx: SlackContext,
  client: webApi.WebClient,
  raw: string,
  botUserId?: string,
): Promise<{ text: string; mentions: Mention[] }> {
  const ids = mentionedUsers(raw, botUserId);
  const people = await Promise.all(
    ids.map((id) => ctx.identify(id, client).catch(() => ({ email: undefined, displayName: undefined }))),
  );
  const mentions = people.map((p) => ({ name: p.displayName || SOMEONE, email: p.email }));
  const names = new Map(ids.map((id, i) => [id, mentions[i]!.name]));
  return { text: plainText(raw, botUserId, names), mentions };
}

export function sorry(): Answer {
  return SORRY;
}

/** Logs a failed Slack call with Slack's error code and counts it; never throws. */
export async function deliver(
  ctx: SlackContext,
  what: string,
  send: () => Promise<unknown>,
): Promise<boolean> {
  try {
    await send();
    return true;
  } catch (error) {
    const code = slackErrorCode(error);
    ctx.log.error({ code, what }, 'slack post failed');
    ctx.runtime.metrics.platformError('slack', code);
    return false;
  }
}

export function postMessage(
  ctx: SlackContext,
  client: webApi.WebClient,
  target: { channel: string; threadTs?: string },
  message: SlackMessage,
): Promise<boolean> {
  return deliver(ctx, 'chat.postMessage', () =>
    client.chat.postMessage({
      channel: target.channel,
      ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
      text: message.text,
      blocks: message.blocks,
      unfurl_links: false,
      unfurl_media: false,
    }),
  );
}
