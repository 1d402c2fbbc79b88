import type { Activity, CloudAdapter, TurnContext } from 'botbuilder';
import type { Answer, Asker } from '../../src/core/types.js';
import { ACTION_LABELS, feedbackActions } from '../../src/handoff/actions.js';
import { faqEntry } from '../../src/handoff/faq-entry.js';
import { askerKeyOf } from '../../src/handoff/service.js';
import type { HandoffCard, HandoffDesk } from '../../src/handoff/types.js';
import { askOutcomeText, voteOutcomeText } from '../../src/handoff/wording.js';
import { RecipientUnreachableError } from '../../src/reminders/messenger.js';
import type { Runtime } from '../../src/runtime.js';
import { botAppId } from './adapter.js';
import { conversationKind, questionOf } from './parse.js';
import { baseConversationId, createReferenceBook, type StoredReference } from './references.js';
import { cardAttachment } from './render.js';
import { statusOf } from './retry.js';

/** What our card buttons send back in `activity.value` (Action.Submit data). */
type ActionValue =
  | { rotabot: 'feedback'; action: 'helpful' | 'not-helpful' | 'ask-coordinator'; answer: string }
  | { rotabot: 'handoff-faq'; handoff: string };

export type CardAction = { type: 'Action.Submit'; title: string; data: ActionValue };

function actionOf(value: unknown): ActionValue | null {
  const v = value as Partial<Record<string, unknown>> | undefined;
  if (v?.rotabot === 'feedback' && typeof v.answer === 'string' && typeof v.action === 'string') {
    if (['helpful', 'not-helpful', 'ask-coordinator'].includes(v.action)) return v as ActionValue;
  }
  if (v?.rotabot === 'handoff-faq' && typeof v.handoff === 'string') return v as ActionValue;
  return null;
}

function whereOf(activity: Partial<Activity>): string {
  switch (conversationKind(activity)) {
    case 'channel':
      return 'a Teams channel thread';
    case 'group':
      return 'a Teams group chat';
    default:
      return 'a Teams chat with rotabot';
  }
}

/** Helpful / Not helpful (and Ask a coordinator on an "I don't know") as card actions. */
export async function feedbackCardActions(
  runtime: Runtime,
  activity: Partial<Activity>,
  input: { question: string; answer: Answer; asker: Asker },
): Promise<CardAction[]> {
  const service = runtime.handoff;
  if (!service) return [];
  const kinds = feedbackActions(input.answer, service.canHandOff('teams'));
  if (!kinds.length) return [];
  const id = await service.keep({
    ...input,
    platform: 'teams',
    place: { conversationId: activity.conversation?.id ?? '', base: baseConversationId(activity) },
    where: whereOf(activity),
  });
  if (!id) return [];
  return kinds.map((action) => ({
    type: 'Action.Submit',
    title: ACTION_LABELS[action],
    data: { rotabot: 'feedback', action, answer: id },
  }));
}

/** The coordinator card as an Adaptive Card: facts, status, replies so far, Save as FAQ. */
export function renderHandoffCard(card: HandoffCard): Partial<Activity> {
  const body = [
    { type: 'TextBlock', text: card.title, weight: 'Bolder', wrap: true },
    { type: 'FactSet', facts: card.fields.map((f) => ({ title: f.label, value: f.value })) },
    { type: 'TextBlock', text: card.status, isSubtle: true, wrap: true, spacing: 'Medium' },
    ...card.replies
      .slice(-10)
      .map((r) => ({ type: 'TextBlock', text: `**${r.by}:** ${r.text}`, wrap: true })),
  ];
  const adaptive = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: `${card.title}: ${card.fields[0]?.value ?? ''}`,
    body,
    actions: [
      {
        type: 'Action.Submit',
        title: 'Save as FAQ',
        data: { rotabot: 'handoff-faq', handoff: card.handoffId } satisfies ActionValue,
      },
    ],
  };
  return { type: 'message', summary: adaptive.fallbackText, attachments: [cardAttachment(adaptive)] };
}

/**
 * Teams' hand-off desk: cards in the coordinators' team channel or chat (where the bot must be
 * installed), replies to residents in the chat or thread where they asked, all proactively.
 */
export function createTeamsDesk(runtime: Runtime, adapter: CloudAdapter): HandoffDesk {
  const references = createReferenceBook(runtime.store);
  const appId = botAppId(runtime.config);
  const place = runtime.config.handoffTeamsConversation;

  async function inTurn<T>(
    reference: StoredReference,
    work: (context: TurnContext) => Promise<T>,
  ): Promise<T> {
    // The adapter hands errors inside the turn to onTurnError, which would swallow them: keep ours.
    let failure: unknown;
    let result: T | undefined;
    await adapter.continueConversationAsync(appId, reference, async (context) => {
      try {
        result = await work(context);
      } catch (error) {
        failure = error;
      }
    });
    if (failure) throw failure;
    return result as T;
  }

  async function referenceFor(conversationId: string): Promise<StoredReference> {
    const reference = await references.forConversation(conversationId.split(';')[0]!);
    if (!reference) {
      throw new RecipientUnreachableError(`Teams conversation ${conversationId} is unknown`, 'not_installed');
    }
    return reference;
  }

  return {
    platform: 'teams',
    ...(place ? { coordinatorPlace: place } : {}),
    async postCard(card) {
      if (!place) throw new Error('no Teams coordinators conversation is set');
      const posted = await inTurn(await referenceFor(place), (context) =>
        context.sendActivity(renderHandoffCard(card)),
      );
      if (!posted?.id) throw new Error('Teams returned no activity id for the card');
      return { platform: 'teams', channel: place, id: posted.id };
    },
    async updateCard(ref, card) {
      await inTurn(await referenceFor(ref.channel), (context) =>
        context.updateActivity({ ...renderHandoffCard(card), id: ref.id }),
      );
    },
    async tellResident(where, post) {
      const reference = await referenceFor(where.base || where.conversationId || '');
      // Back into the thread or chat where the question was asked.
      const target = {
        ...reference,
        conversation: { ...reference.conversation!, id: where.conversationId || reference.conversation!.id },
      };
      try {
        await inTurn(target, (context) => context.sendActivity({ type: 'message', text: post.text }));
      } catch (error) {
        const status = statusOf(error);
        if (status === 403 || status === 404) {
          throw new RecipientUnreachableError(
            `Teams refused the reply (HTTP ${status})`,
            status === 403 ? 'bot_removed_or_blocked' : 'conversation_not_found',
          );
        }
        throw error;
      }
    },
  };
}

/**
 * A coordinator's reply in a card's reply chain ("…;messageid=<card id>"), relayed to the
 * resident. True when the activity was such a reply (and so is not a question for the bot).
 */
export async function relayCoordinatorReply(runtime: Runtime, context: TurnContext): Promise<boolean> {
  const service = runtime.handoff;
  const { activity } = context;
  const thread = /;messageid=([^;]+)$/.exec(activity.conversation?.id ?? '')?.[1];
  // A button pressed on the card itself is an action, not a reply.
  if (!service || !thread || !activity.id || actionOf(activity.value)) return false;
  const channel = baseConversationId(activity);
  const outcome = await service.reply({
    card: { platform: 'teams', channel, id: thread },
    messageId: activity.id,
    channel,
    by: activity.from?.name?.trim() || 'A coordinator',
    text: questionOf(activity),
  });
  runtime.logger.debug({ activityId: activity.id, outcome: outcome.status }, 'teams: reply in a thread');
  return outcome.status !== 'outside' && outcome.status !== 'not-a-handoff';
}

/** A press on one of our card buttons: answered with a short message in the same conversation. True when handled. */
export async function handleCardAction(
  runtime: Runtime,
  context: TurnContext,
  asker: Asker,
): Promise<boolean> {
  const service = runtime.handoff;
  const action = actionOf(context.activity.value);
  if (!service || !action) return false;
  let text: string;
  let offer: CardAction[] = [];
  if (action.rotabot === 'handoff-faq') {
    const handoff = await service.get(action.handoff);
    const taken = new Set((runtime.knowledge.current().faq ?? []).map((f) => f.id));
    const entry = handoff ? await faqEntry(handoff, taken) : null;
    text = !handoff
      ? 'That hand-off is no longer kept.'
      : entry
        ? `Paste this under "faq:" in the knowledge base's faq.yaml, then run npm run cli -- check:\n\n\`\`\`\n${entry}\n\`\`\``
        : 'No reply yet: reply in the thread first, then save the reply as an FAQ entry.';
  } else {
    const key = askerKeyOf('teams', asker);
    if (!key) return true;
    if (action.action === 'ask-coordinator') {
      text = askOutcomeText(await service.ask(action.answer, key));
    } else {
      const outcome = await service.vote(action.answer, key, action.action === 'helpful' ? 'up' : 'down');
      text = voteOutcomeText(outcome);
      if (outcome.status === 'recorded' && outcome.offerHandoff) {
        offer = [
          {
            type: 'Action.Submit',
            title: ACTION_LABELS['ask-coordinator'],
            data: { rotabot: 'feedback', action: 'ask-coordinator', answer: action.answer },
          },
        ];
      }
    }
  }
  if (!offer.length) {
    await context.sendActivity({ type: 'message', text });
    return true;
  }
  const card = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: text,
    body: [{ type: 'TextBlock', text, wrap: true }],
    actions: offer,
  };
  await context.sendActivity({ type: 'message', summary: text, attachments: [cardAttachment(card)] });
  return true;
}
