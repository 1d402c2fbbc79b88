import type { webApi } from '@slack/bolt';
import type { Answer, Asker } from '../../src/core/types.js';
import { ACTION_LABELS, type FeedbackAction, feedbackActions } from '../../src/handoff/actions.js';
import type { HandoffCard, HandoffDesk, ResidentPlace } from '../../src/handoff/types.js';
import { RecipientUnreachableError } from '../../src/reminders/messenger.js';
import type { Runtime } from '../../src/runtime.js';
import type { SlackContext } from './dispatch.js';
import { slackErrorCode } from './errors.js';
import { UNREACHABLE } from './messenger.js';
import { actions, type Button, button, context, escapeMrkdwn, type KnownBlock, section } from './render.js';

export const FEEDBACK_ACTION_IDS: Record<FeedbackAction, string> = {
  helpful: 'rotabot_feedback_up',
  'not-helpful': 'rotabot_feedback_down',
  'ask-coordinator': 'rotabot_handoff',
};
export const SAVE_FAQ_ACTION_ID = 'rotabot_handoff_faq';

/** Where an answer was given, for its buttons: the place to write back to and words for the coordinator. */
export interface SlackAnswerPlace {
  place: ResidentPlace;
  where: string;
}

export function placeOf(channel: string, threadTs?: string): SlackAnswerPlace {
  if (channel.startsWith('D') || channel.startsWith('U')) {
    return { place: { channel, ...(threadTs ? { threadTs } : {}) }, where: 'a Slack direct message' };
  }
  return { place: { channel, ...(threadTs ? { threadTs } : {}) }, where: `a thread in <#${channel}>` };
}

/** A private answer (/rotabot, App Home) is followed up in the person's DM with the bot. */
export function privatePlace(userId: string, how: string): SlackAnswerPlace {
  return { place: { channel: userId }, where: `Slack, privately (${how})` };
}

/** The buttons an answer carries: Helpful / Not helpful, and Ask a coordinator on an "I don't know". */
export async function feedbackButtons(
  ctx: SlackContext,
  input: { question: string; answer: Answer; asker?: Asker; at: SlackAnswerPlace },
): Promise<Button[]> {
  const service = ctx.runtime.handoff;
  if (!service || !input.asker) return [];
  const kinds = feedbackActions(input.answer, service.canHandOff('slack'));
  if (!kinds.length) return [];
  const id = await service.keep({
    question: input.question,
    answer: input.answer,
    asker: input.asker,
    platform: 'slack',
    place: input.at.place,
    where: input.at.where,
  });
  if (!id) return [];
  return kinds.map((kind) => button(ACTION_LABELS[kind], FEEDBACK_ACTION_IDS[kind], id));
}

/** The coordinator card in Block Kit: fields, status, the replies so far, and Save as FAQ. */
export function renderCard(card: HandoffCard): { text: string; blocks: KnownBlock[] } {
  const fields = card.fields.map((f) => `*${escapeMrkdwn(f.label)}:* ${escapeMrkdwn(f.value)}`);
  const replies = card.replies.map((r) =>
    section(`*${escapeMrkdwn(r.by)} replied:* ${escapeMrkdwn(r.text)}`),
  );
  const blocks: KnownBlock[] = [
    section(`*${escapeMrkdwn(card.title)}*`),
    ...fields.map((f) => section(f.slice(0, 2900))),
    context(escapeMrkdwn(card.status)),
    ...replies.slice(-10),
    actions([button('Save as FAQ', SAVE_FAQ_ACTION_ID, card.handoffId)])!,
  ];
  return { text: `${card.title}: ${card.fields[0]?.value ?? ''}`.slice(0, 3000), blocks };
}

/**
 * Slack's hand-off desk: cards in the coordinators' channel through the bot's Web API client,
 * replies to residents in the DM or thread where they asked.
 */
export function createSlackDesk(runtime: Runtime, client: webApi.WebClient): HandoffDesk {
  const channel = runtime.config.handoffSlackChannel;
  return {
    platform: 'slack',
    ...(channel ? { coordinatorPlace: channel } : {}),
    async postCard(card) {
      if (!channel) throw new Error('no Slack coordinators channel is set');
      const { text, blocks } = renderCard(card);
      const posted = await client.chat.postMessage({ channel, text, blocks, unfurl_links: false });
      if (!posted.ts) throw new Error('Slack chat.postMessage returned no ts');
      return { platform: 'slack', channel: posted.channel ?? channel, id: posted.ts };
    },
    async updateCard(ref, card) {
      const { text, blocks } = renderCard(card);
      await client.chat.update({ channel: ref.channel, ts: ref.id, text, blocks });
    },
    async tellResident(place, post) {
      const target = place.channel;
      if (!target) throw new RecipientUnreachableError('no Slack conversation kept', 'no_conversation');
      try {
        await client.chat.postMessage({
          channel: target,
          ...(place.threadTs ? { thread_ts: place.threadTs } : {}),
          text: post.text,
          blocks: post.text
            .split(/\n\s*\n/)
            .filter(Boolean)
            .map((p) => section(escapeMrkdwn(p).slice(0, 2900))),
          unfurl_links: false,
        });
      } catch (error) {
        const code = slackErrorCode(error);
        runtime.metrics.platformError('slack', code);
        if (UNREACHABLE.has(code))
          throw new RecipientUnreachableError(`Slack chat.postMessage: ${code}`, code);
        throw error;
      }
    },
  };
}
