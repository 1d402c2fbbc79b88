import type { App, RespondFn } from '@slack/bolt';
import type { Answer, Asker } from '../../../src/core/types.js';
import { askBotAs, deliver, programLocale, readQuestion, type SlackContext } from '../dispatch.js';
import { feedbackButtons, privatePlace } from '../handoff.js';
import { isHelpRequest, slackConversationId } from '../parse.js';
import { button, renderAnswer, SHARE_ACTION_ID, SLACK_USAGE } from '../render.js';
import { keepForSharing } from '../share.js';

export const SLASH_COMMAND = '/rotabot';

/**
 * An ephemeral answer with a "Share in channel" button (help and apologies are not worth
 * sharing; a private answer, such as the asker's calendar link, is never offered).
 */
export async function respondPrivately(
  ctx: SlackContext,
  respond: RespondFn,
  answer: Answer,
  options: {
    question: string;
    header?: string;
    help?: boolean;
    asker?: Asker;
    userId?: string;
    /** The first item to show (a More press). */
    itemsFrom?: number;
  },
): Promise<void> {
  const shareId =
    options.help || answer.unanswered || answer.private
      ? null
      : await keepForSharing(ctx, { question: options.question, answer });
  const feedback =
    options.help || !options.userId
      ? []
      : await feedbackButtons(ctx, {
          question: options.question,
          answer,
          asker: options.asker,
          at: privatePlace(options.userId, SLASH_COMMAND),
        });
  const message = renderAnswer(answer, {
    locale: programLocale(ctx.runtime),
    header: options.header,
    question: options.question,
    ...(options.itemsFrom ? { itemsFrom: options.itemsFrom } : {}),
    extraButtons: [...(shareId ? [button('Share in channel', SHARE_ACTION_ID, shareId)] : []), ...feedback],
  });
  await deliver(ctx, 'response_url', () =>
    respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: message.text,
      blocks: message.blocks,
    }),
  );
}

/** `/rotabot <question>` answers privately; `/rotabot` alone or `/rotabot help` shows help. */
export function registerCommandHandler(app: App, ctx: SlackContext): void {
  app.command(SLASH_COMMAND, async ({ command, ack, respond, client }) => {
    // The ack goes out first (within Slack's 3 s); the answer follows through response_url.
    await ack();
    await ctx.run('command', async () => {
      const { text, mentions } = await readQuestion(ctx, client, command.text ?? '');
      const help = isHelpRequest(text);
      const { answer, asker } = await askBotAs(ctx, client, {
        text: help ? 'help' : text,
        mentions,
        userId: command.user_id,
        conversation: 'private',
        conversationId: slackConversationId({ command: command.channel_id }),
        requestId: command.trigger_id,
      });
      await respondPrivately(ctx, respond, answer, {
        question: text,
        help,
        asker,
        userId: command.user_id,
        header: help ? SLACK_USAGE : undefined,
      });
    });
  });
}
