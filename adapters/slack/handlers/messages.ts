import type { App } from '@slack/bolt';
import { TEXT_ONLY } from '../../../src/core/platform-replies.js';
import {
  askBotAs,
  firstDelivery,
  postMessage,
  programLocale,
  readQuestion,
  type SlackContext,
} from '../dispatch.js';
import { feedbackButtons, placeOf } from '../handoff.js';
import {
  ignoreReason,
  isFilesOnly,
  isHelpRequest,
  type MessageEventLike,
  messageText,
  slackConversationId,
} from '../parse.js';
import { renderAnswer } from '../render.js';

type MessageEvent = MessageEventLike & { ts: string; thread_ts?: string; channel: string };

/**
 * A direct message is answered in the DM (in its thread when it was asked in one); an
 * @mention in a channel is answered in the thread it started.
 */
export function registerMessageHandlers(app: App, ctx: SlackContext): void {
  app.event('message', async ({ event, body, client, context }) => {
    const e = event as unknown as MessageEvent;
    // Only message.im is subscribed; channel messages reach us as app_mention instead.
    if (e.channel_type !== 'im') return;
    await answerEvent(ctx, client, e, {
      eventId: body.event_id,
      botUserId: context.botUserId,
      kind: 'message.im',
    });
  });

  app.event('app_mention', async ({ event, body, client, context }) => {
    const e = event as unknown as MessageEvent;
    // A mention inside the bot's DM also arrives as message.im, which answers it.
    if (e.channel.startsWith('D')) return;
    await answerEvent(ctx, client, e, {
      eventId: body.event_id,
      botUserId: context.botUserId,
      kind: 'app_mention',
    });
  });
}

type SlackClient = Parameters<typeof postMessage>[1];

/** One message event answered: a DM where it was asked, a mention in the thread it started. */
async function answerEvent(
  ctx: SlackContext,
  client: SlackClient,
  e: MessageEvent,
  at: { eventId: string; botUserId?: string; kind: 'message.im' | 'app_mention' },
): Promise<void> {
  const inDm = at.kind === 'message.im';
  const why = ignoreReason(e, at.botUserId);
  if (why) {
    ctx.log.debug({ why, eventId: at.eventId }, inDm ? 'slack message ignored' : 'slack mention ignored');
    return;
  }
  if (!(await firstDelivery(ctx, at.eventId))) return;
  await ctx.run(at.kind, async () => {
    const { text, mentions } = await readQuestion(ctx, client, messageText(e), at.botUserId);
    const { answer, asker } = isFilesOnly(e, at.botUserId)
      ? { answer: TEXT_ONLY, asker: { platformUserId: e.user } }
      : await askBotAs(ctx, client, {
          text: isHelpRequest(text) ? 'help' : text,
          mentions,
          userId: e.user!,
          conversation: inDm ? 'private' : 'channel',
          conversationId: inDm
            ? slackConversationId({ channel: e.channel, threadTs: e.thread_ts })
            : slackConversationId({ channel: e.channel, threadTs: e.thread_ts, ts: e.ts }),
          requestId: at.eventId,
        });
    // A DM is answered where it was asked; a mention in the thread it started.
    const threadTs = inDm ? e.thread_ts : (e.thread_ts ?? e.ts);
    const extraButtons = await feedbackButtons(ctx, {
      question: text,
      answer,
      asker,
      at: placeOf(e.channel, threadTs),
    });
    await postMessage(
      ctx,
      client,
      { channel: e.channel, threadTs },
      renderAnswer(answer, { extraButtons, locale: programLocale(ctx.runtime), question: text }),
    );
  });
}
