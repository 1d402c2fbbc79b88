import type { App, RespondFn } from '@slack/bolt';
import { faqEntry } from '../../../src/handoff/faq-entry.js';
import { askerKeyOf } from '../../../src/handoff/service.js';
import { askOutcomeText, voteOutcomeText } from '../../../src/handoff/wording.js';
import { deliver, firstDelivery, type SlackContext } from '../dispatch.js';
import { FEEDBACK_ACTION_IDS, SAVE_FAQ_ACTION_ID } from '../handoff.js';
import { ignoreReason, type MessageEventLike, plainText } from '../parse.js';
import { actions, button, section } from '../render.js';

type ActionArgs = { body: unknown; action: unknown; respond: RespondFn; client: unknown };

function privately(ctx: SlackContext, respond: RespondFn, text: string, withAsk?: string) {
  const blocks = [
    section(text),
    ...(withAsk
      ? [actions([button('Ask a coordinator', FEEDBACK_ACTION_IDS['ask-coordinator'], withAsk)])!]
      : []),
  ];
  return deliver(ctx, 'response_url', () =>
    respond({ response_type: 'ephemeral', replace_original: false, text, blocks }),
  );
}

type ThreadReply = MessageEventLike & { ts: string; thread_ts?: string; channel: string };

/**
 * Helpful / Not helpful, Ask a coordinator, Save as FAQ, and coordinators' thread replies to a
 * hand-off card. The decisions are the hand-off service's; this file only translates.
 */
export function registerFeedbackHandlers(app: App, ctx: SlackContext): void {
  const service = ctx.runtime.handoff;
  if (!service) return;

  async function voterKey(userId: string, client: unknown): Promise<string | null> {
    const asker = await ctx.identify(userId, client as Parameters<SlackContext['identify']>[1]);
    return askerKeyOf('slack', asker);
  }

  const onVote = (vote: 'up' | 'down') => async (args: ActionArgs & { ack: () => Promise<void> }) => {
    await args.ack();
    await ctx.run('feedback button', async () => {
      const id = (args.action as { value?: string }).value ?? '';
      const userId = (args.body as { user: { id: string } }).user.id;
      const key = await voterKey(userId, args.client);
      if (!key) return;
      const outcome = await service.vote(id, key, vote);
      await privately(
        ctx,
        args.respond,
        voteOutcomeText(outcome),
        outcome.status === 'recorded' && outcome.offerHandoff ? id : undefined,
      );
    });
  };
  app.action(FEEDBACK_ACTION_IDS.helpful, onVote('up'));
  app.action(FEEDBACK_ACTION_IDS['not-helpful'], onVote('down'));

  app.action(FEEDBACK_ACTION_IDS['ask-coordinator'], async ({ ack, body, action, respond, client }) => {
    await ack();
    await ctx.run('handoff button', async () => {
      const key = await voterKey(body.user.id, client);
      if (!key) return;
      const outcome = await service.ask((action as { value?: string }).value ?? '', key);
      await privately(ctx, respond, askOutcomeText(outcome));
    });
  });

  app.action(SAVE_FAQ_ACTION_ID, async ({ ack, action, respond }) => {
    await ack();
    await ctx.run('save as faq button', async () => {
      const handoff = await service.get((action as { value?: string }).value ?? '');
      const taken = new Set(ctx.runtime.knowledge.current().faq?.map((f) => f.id) ?? []);
      const entry = handoff ? await faqEntry(handoff, taken) : null;
      const text = !handoff
        ? 'That hand-off is no longer kept.'
        : !entry
          ? 'No reply yet: reply in the thread first, then save the reply as an FAQ entry.'
          : `Paste this under \`faq:\` in the knowledge base's faq.yaml, then run \`npm run cli -- check\`:\n\`\`\`\n${entry}\n\`\`\``;
      await privately(ctx, respond, text);
    });
  });

  app.event('message', async ({ event, body, client, context }) => {
    const e = event as unknown as ThreadReply;
    const isThreadReply = e.channel_type !== 'im' && e.thread_ts && e.thread_ts !== e.ts;
    if (!isThreadReply) return;
    const why = ignoreReason(
      { ...e, subtype: e.subtype === 'thread_broadcast' ? undefined : e.subtype },
      context.botUserId,
    );
    if (why) {
      ctx.log.debug({ why, eventId: body.event_id }, 'slack thread reply ignored');
      return;
    }
    if (!(await firstDelivery(ctx, body.event_id))) return;
    await ctx.run('coordinator reply', async () => {
      const by = (await ctx.identify(e.user!, client)).displayName ?? 'A coordinator';
      const outcome = await service.reply({
        card: { platform: 'slack', channel: e.channel, id: e.thread_ts! },
        messageId: e.ts,
        channel: e.channel,
        by,
        text: plainText(e.text ?? '', context.botUserId),
      });
      ctx.log.debug({ eventId: body.event_id, outcome: outcome.status }, 'slack thread reply');
    });
  });
}
