import type { App } from '@slack/bolt';
import { askBotAs, deliver, postMessage, programLocale, type SlackContext } from '../dispatch.js';
import { feedbackButtons, placeOf } from '../handoff.js';
import { conversationKind, slackConversationId } from '../parse.js';
import {
  ASK_ACTION_PREFIX,
  escapeMrkdwn,
  MORE_ACTION_PREFIX,
  renderAnswer,
  SHARE_ACTION_ID,
} from '../render.js';
import { sharedAnswer } from '../share.js';
import { respondPrivately } from './command.js';

/** The parts of a block_actions payload that say where the pressed button was. */
interface ActionBody {
  user: { id: string };
  trigger_id?: string;
  container?: {
    type?: string;
    is_ephemeral?: boolean;
    channel_id?: string;
    message_ts?: string;
    thread_ts?: string;
  };
  channel?: { id: string };
  message?: { ts: string; thread_ts?: string };
}

function quoted(question: string): string {
  return `_${escapeMrkdwn(question.replace(/[_*~`]/g, ''))}_`;
}

/**
 * Suggestion buttons ask their question and answer in the same place as the button: the thread
 * or DM it sits in, privately under an ephemeral answer, or in the DM for App Home buttons.
 * "Share in channel" posts the kept ephemeral answer for everyone.
 */
export function registerActionHandlers(app: App, ctx: SlackContext): void {
  // A More button (rotabot_more_<n>) asks its question again and shows the list from item n.
  const moreAction = new RegExp(`^${MORE_ACTION_PREFIX}_(\\d+)$`);
  app.action(
    new RegExp(`^(${ASK_ACTION_PREFIX}|${MORE_ACTION_PREFIX}_\\d+$)`),
    async ({ ack, body, action, client, respond }) => {
      await ack();
      await ctx.run('ask button', async () => {
        const b = body as unknown as ActionBody;
        const question = (action as { value?: string }).value?.trim();
        if (!question) return;
        const itemsFrom = Number(
          moreAction.exec((action as { action_id?: string }).action_id ?? '')?.[1] ?? 0,
        );
        const container = b.container ?? {};
        const channel = b.channel?.id ?? container.channel_id;
        const place =
          container.type === 'view' || !channel ? 'home' : container.is_ephemeral ? 'ephemeral' : 'message';
        const conversation = place === 'message' ? conversationKind(channel) : 'private';
        const threadTs = b.message?.thread_ts ?? (conversation === 'channel' ? b.message?.ts : undefined);
        // A button continues the conversation it sits in (App Home buttons start afresh).
        const conversationId =
          place === 'message'
            ? slackConversationId({ channel: channel!, threadTs })
            : place === 'ephemeral'
              ? slackConversationId({ command: channel! })
              : undefined;
        const { answer, asker } = await askBotAs(ctx, client, {
          text: question,
          userId: b.user.id,
          conversation,
          ...(conversationId ? { conversationId } : {}),
          requestId: b.trigger_id,
        });

        if (place === 'ephemeral') {
          await respondPrivately(ctx, respond, answer, {
            question,
            itemsFrom,
            header: `You asked: ${quoted(question)}`,
            asker,
            userId: b.user.id,
          });
          return;
        }
        const header =
          conversation === 'private'
            ? `You asked: ${quoted(question)}`
            : `<@${b.user.id}> asked: ${quoted(question)}`;
        if (place === 'home') {
          // Posting to a user id lands in the app's DM with them (its Messages tab).
          const extraButtons = await feedbackButtons(ctx, {
            question,
            answer,
            asker,
            at: placeOf(b.user.id),
          });
          await postMessage(
            ctx,
            client,
            { channel: b.user.id },
            renderAnswer(answer, {
              header,
              extraButtons,
              locale: programLocale(ctx.runtime),
              question,
              itemsFrom,
            }),
          );
          return;
        }
        const at = placeOf(channel!, threadTs);
        const extraButtons = await feedbackButtons(ctx, { question, answer, asker, at });
        await postMessage(
          ctx,
          client,
          { channel: channel!, threadTs },
          renderAnswer(answer, {
            header,
            extraButtons,
            locale: programLocale(ctx.runtime),
            question,
            itemsFrom,
          }),
        );
      });
    },
  );

  app.action(SHARE_ACTION_ID, async ({ ack, body, action, respond }) => {
    await ack();
    await ctx.run('share button', async () => {
      const b = body as unknown as ActionBody;
      const id = (action as { value?: string }).value ?? '';
      const shared = await sharedAnswer(ctx, id);
      if (!shared) {
        await deliver(ctx, 'response_url', () =>
          respond({
            response_type: 'ephemeral',
            replace_original: false,
            text: 'That answer is too old to share now. Ask again with /rotabot and share the new answer.',
          }),
        );
        return;
      }
      const message = renderAnswer(shared.answer, {
        locale: programLocale(ctx.runtime),
        header: `<@${b.user.id}> asked: ${quoted(shared.question)}`,
        withSuggestions: false,
        question: shared.question,
      });
      await deliver(ctx, 'response_url', () =>
        respond({
          response_type: 'in_channel',
          replace_original: false,
          text: message.text,
          blocks: message.blocks,
        }),
      );
    });
  });
}
