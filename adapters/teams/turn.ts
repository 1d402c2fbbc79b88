import type { ChannelAccount, TurnContext } from 'botbuilder';
import type { Runtime } from '../../src/runtime.js';
import { feedbackCardActions, handleCardAction, relayCoordinatorReply } from './handoff.js';
import { identify } from './identity.js';
import { conversationKind, questionOf } from './parse.js';
import { baseConversationId, type ReferenceBook } from './references.js';
import { renderAnswer } from './render.js';

/** Long enough to cover the Bot Framework's redelivery of an activity it thinks was lost. */
const SEEN_TTL_MS = 10 * 60 * 1000;

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
    const [, asker] = await Promise.all([typing, identify(context, runtime)]);
    if (await handleCardAction(runtime, context, asker)) return;
    const text = questionOf(activity) || 'help';
    logger.debug({ activityId: activity.id, text }, 'teams: question');
    const [, answer] = await Promise.all([
      remember(context, asker.email),
      runtime.bot.handle({
        text,
        asker,
        platform: 'teams',
        conversation,
        // A personal chat, a group chat, or one channel thread (its id ends in ;messageid=…).
        ...(activity.conversation?.id ? { conversationId: activity.conversation.id } : {}),
        now: runtime.clock(),
        ...(activity.id ? { requestId: activity.id } : {}),
      }),
    ]);
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
    await context.sendActivity(renderAnswer(answer, feedback));
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
