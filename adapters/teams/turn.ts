import type { ChannelAccount, TurnContext } from 'botbuilder';
import { TEXT_ONLY } from '../../src/core/platform-replies.js';
import { withholdPrivate } from '../../src/core/privacy.js';
import type { Mention } from '../../src/core/types.js';
import { buildWelcome } from '../../src/core/welcome.js';
import type { Runtime } from '../../src/runtime.js';
import { feedbackCardActions, handleCardAction, relayCoordinatorReply } from './handoff.js';
import { identify, identifyMentioned } from './identity.js';
import { conversationKind, isAttachmentsOnly, mentionsOf, questionOf } from './parse.js';
import { baseConversationId, type ReferenceBook } from './references.js';
import { moreFrom, renderAnswer } from './render.js';

/** Long enough to cover the Bot Framework's redelivery of an activity it thinks was lost. */
export const SEEN_TTL_MS = 10 * 60 * 1000;
/** One welcome per conversation; a reinstall within a year is not welcomed again. */
export const WELCOMED_TTL_MS = 365 * 24 * 60 * 60 * 1000;

export type TurnHandler = (context: TurnContext) => Promise<void>;

function includesBot(members: ChannelAccount[] | undefined, context: TurnContext): boolean {
  const botId = context.activity.recipient?.id;
  return Boolean(botId && members?.some((m) => m.id === botId));
}

/** The bot's logic for one activity: messages are answered, installs and removals kept track of. */
export function createTurnHandler(runtime: Runtime, references: ReferenceBook): TurnHandler {
  const { logger } = runtime;

  // Only the Bot Framework's own, authenticated traffic may say where the bot can post later.
  async function remember(context: TurnContext, email?: string): Promise<void> {
    if (!runtime.config.teamsAuthenticated) return;
    const { activity } = context;
    try {
      const id = await references.save(activity, {
        aadObjectId: activity.from?.aadObjectId,
        userId: activity.from?.id,
        email,
      });
      logger.debug({ conversationId: id }, 'teams: conversation reference stored');
    } catch (error) {
      // Answering matters more than remembering; the next message stores it again.
      logger.warn({ err: error }, 'teams: could not store the conversation reference');
    }
  }

  /** Colleagues @-mentioned in the message, with the email that finds them on the schedule. */
  async function mentioned(context: TurnContext): Promise<Mention[]> {
    return Promise.all(
      mentionsOf(context.activity).map(async (member) => ({
        name: member.name,
        email: await identifyMentioned(context, runtime, member).catch(() => undefined),
      })),
    );
  }

  /**
   * A short welcome with buttons, once per conversation: Teams sends both conversationUpdate and
   * installationUpdate for one install. A store outage sends it anyway (twice beats never).
   */
  async function welcome(context: TurnContext): Promise<void> {
    const { activity } = context;
    const key = `teams:welcomed:${baseConversationId(activity)}`;
    const first = await runtime.store.setIfAbsent(key, '1', WELCOMED_TTL_MS).catch((error) => {
      logger.warn({ err: error }, 'teams: welcome dedupe failed; welcoming anyway');
      return true;
    });
    if (!first) return;
    const where = activity.conversation?.conversationType === 'personal' ? 'personal' : 'team';
    try {
      await context.sendActivity(renderAnswer(buildWelcome(runtime.knowledge.current(), where)));
    } catch (error) {
      logger.warn({ err: error }, 'teams: the welcome could not be sent');
    }
  }

  async function onMessage(context: TurnContext): Promise<void> {
    const { activity } = context;
    if (activity.id) {
      const first = await runtime.store
        .setIfAbsent(`teams:seen:${activity.conversation?.id}:${activity.id}`, '1', SEEN_TTL_MS)
        .catch((error) => {
          // A rare double answer beats silence.
          logger.warn({ err: error, activityId: activity.id }, 'teams: dedupe failed; answering anyway');
          return true;
        });
      if (!first) return;
    }
    // A coordinator's reply to a hand-off card is passed on, not answered.
    if (await relayCoordinatorReply(runtime, context)) return;
    const conversation = conversationKind(activity);
    // Best effort: a lost typing indicator must not cost the answer.
    const typing = context
      .sendActivity({ type: 'typing' })
      .catch((error) => logger.debug({ err: error }, 'teams: typing indicator not sent'));
    const [, asker, mentions] = await Promise.all([typing, identify(context, runtime), mentioned(context)]);
    if (await handleCardAction(runtime, context, asker)) return;
    const text = questionOf(activity) || 'help';
    logger.debug({ activityId: activity.id, text }, 'teams: question');
    if (isAttachmentsOnly(activity)) {
      await Promise.all([remember(context, asker.email), context.sendActivity(renderAnswer(TEXT_ONLY))]);
      return;
    }
    const [, asked] = await Promise.all([
      remember(context, asker.email),
      runtime.bot.handle({
        text,
        mentions,
        asker,
        platform: 'teams',
        conversation,
        // A personal chat, a group chat, or one channel thread (its id ends in ;messageid=…).
        ...(activity.conversation?.id ? { conversationId: activity.conversation.id } : {}),
        now: runtime.clock(),
        ...(activity.id ? { requestId: activity.id } : {}),
      }),
    ]);
    // A private answer (a calendar link) goes only to a personal chat, never to a channel.
    const answer = withholdPrivate(asked, conversation);
    logger.debug(
      {
        activityId: activity.id,
        conversation,
        intent: answer.intent,
        unanswered: Boolean(answer.unanswered),
      },
      'teams: answered',
    );
    const feedback = await feedbackCardActions(runtime, activity, { question: text, answer, asker });
    // A list too long for one card continues where the More button says.
    const itemsFrom = moreFrom(activity);
    await context.sendActivity(
      renderAnswer(answer, feedback, { question: text, ...(itemsFrom ? { itemsFrom } : {}) }),
    );
  }

  async function onConversationUpdate(context: TurnContext): Promise<void> {
    const { activity } = context;
    if (includesBot(activity.membersAdded, context)) {
      const asker =
        activity.conversation?.conversationType === 'personal' ? await identify(context, runtime) : {};
      await remember(context, asker.email);
      logger.info(
        { conversationId: activity.conversation?.id, kind: conversationKind(activity) },
        'teams: bot added to a conversation',
      );
      await welcome(context);
    } else if (includesBot(activity.membersRemoved, context)) {
      await forget(context);
    }
  }

  async function forget(context: TurnContext): Promise<void> {
    const { activity } = context;
    const id = baseConversationId(activity);
    await references.drop(id);
    logger.info({ conversationId: id }, 'teams: bot removed from a conversation');
  }

  async function onInstallationUpdate(context: TurnContext): Promise<void> {
    const action = context.activity.action ?? '';
    if (action.startsWith('remove')) return forget(context);
    const asker =
      context.activity.conversation?.conversationType === 'personal' ? await identify(context, runtime) : {};
    await remember(context, asker.email);
    logger.info({ conversationId: context.activity.conversation?.id, action }, 'teams: app installed');
    await welcome(context);
  }

  return async (context) => {
    switch (context.activity.type) {
      case 'message':
        return onMessage(context);
      case 'conversationUpdate':
        return onConversationUpdate(context);
      case 'installationUpdate':
        return onInstallationUpdate(context);
      default:
        logger.debug({ type: context.activity.type }, 'teams: activity ignored');
    }
  };
}
