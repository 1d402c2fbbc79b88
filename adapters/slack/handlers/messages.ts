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
    const why = ignoreReason(e, context.botUserId);
    if (why) {
      ctx.log.debug({ why, eventId: body.event_id }, 'slack message ignored');
      return;
    }
    if (!(await firstDelivery(ctx, body.event_id))) return;
    await ctx.run('message.im', async () => {
      const { text, mentions } = await readQuestion(ctx, client, messageText(e), context.botUserId);
      const { answer, asker } = isFilesOnly(e, context.botUserId)
        ? { answer: TEXT_ONLY, asker: { platformUserId: e.user } }
        : await askBotAs(ctx, client, {
            text: isHelpRequest(text) ? 'help' : text,
            mentions,
            userId: e.user!,
            conversation: 'private',
            conversationId: slackConversationId({ channel: e.channel, threadTs: e.thread_ts }),
            requestId: body.event_id,
          });
      const at = placeOf(e.channel, e.thread_ts);
      const extraButtons = await feedbackButtons(ctx, { question: text, answer, asker, at });
      await postMessage(
        ctx,
        client,
        { channel: e.channel, threadTs: e.thread_ts },
        renderAnswer(answer, { extraButtons, locale: programLocale(ctx.runtime), question: text }),
      );
    });
  });

  app.event('app_mention', async ({ event, body, client, context }) => {
    const e = event as unknown as MessageEvent;
    // A mention inside the bot's DM also arrives as message.im, which answers it.
    if (e.channel.startsWith('D')) return;
    const why = ignoreReason(e, context.botUserId);
    if (why) {
      ctx.log.debug({ why, eventId: body.event_id }, 'slack mention ignored');
      return;
    }
    if (!(await firstDelivery(ctx, body.event_id))) return;
    await ctx.run('app_mention', async () => {
      const { text, mentions } = await readQuestion(ctx, client, messageText(e), context.botUserId);
      const { answer, asker } = isFilesOnly(e, context.botUserId)
        ? { answer: TEXT_ONLY, asker: { platformUserId: e.user } }
        : await askBotAs(ctx, client, {
            text: isHelpRequest(text) ? 'help' : text,
            mentions,
            userId: e.user!,
            conversation: 'channel',
            conversationId: slackConversationId({ channel: e.channel, threadTs: e.thread_ts, ts: e.ts }),
            requestId: body.event_id,
          });
      const threadTs = e.thread_ts ?? e.ts;
      const at = placeOf(e.channel, threadTs);
      const extraButtons = await feedbackButtons(ctx, { question: text, answer, asker, at });
      await postMessage(
        ctx,
        client,
        { channel: e.channel, threadTs },
        renderAnswer(answer, { extraButtons, locale: programLocale(ctx.runtime), question: text }),
      );
    });
  });
}
