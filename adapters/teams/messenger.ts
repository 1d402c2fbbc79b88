import type { Activity, CloudAdapter } from 'botbuilder';
import {
  type Messenger,
  type OutgoingPost,
  type Recipient,
  RecipientUnreachableError,
} from '../../src/reminders/messenger.js';
import type { Runtime } from '../../src/runtime.js';
import { botAppId, createTeamsAdapter } from './adapter.js';
import { createReferenceBook, type StoredReference } from './references.js';
import { renderPost } from './render.js';
import { type RetryOptions, statusOf, withRetry } from './retry.js';

/** 403: the bot was removed from the team or blocked; 404: the conversation is gone. Neither comes back. */
const GONE = new Set([403, 404]);

export interface TeamsMessengerOptions {
  retry?: RetryOptions;
}

/**
 * Scheduled posts to Teams: to a conversation the bot was added to, or to a person who has a
 * personal chat with it. Both need a stored conversation reference: Teams lets a bot post only
 * where it has been installed.
 */
export function createTeamsMessenger(
  runtime: Runtime,
  adapter: CloudAdapter = createTeamsAdapter(runtime.config),
  options: TeamsMessengerOptions = {},
): Messenger {
  const references = createReferenceBook(runtime.store);
  const appId = botAppId(runtime.config);

  async function sendOnce(reference: StoredReference, activity: Partial<Activity>): Promise<void> {
    // The adapter hands errors inside the turn to onTurnError, which would swallow them: keep ours.
    let failure: unknown;
    await adapter.continueConversationAsync(appId, reference, async (context) => {
      try {
        await context.sendActivity(activity);
      } catch (error) {
        failure = error;
      }
    });
    if (failure) throw failure;
  }

  async function deliver(reference: StoredReference, post: OutgoingPost, who: string): Promise<void> {
    const conversationId = reference.conversation?.id ?? '';
    try {
      await withRetry(() => sendOnce(reference, renderPost(post)), {
        ...options.retry,
        onRetry: (info) => {
          runtime.logger.warn({ ...info, conversationId }, 'teams: post refused for now, retrying');
          options.retry?.onRetry?.(info);
        },
      });
    } catch (error) {
      const status = statusOf(error);
      runtime.metrics.platformError('teams', status ? `post_${status}` : 'post_failed');
      if (status !== undefined && GONE.has(status)) {
        await references.drop(conversationId);
        runtime.logger.warn({ conversationId, status }, 'teams: conversation unreachable, reference dropped');
        throw new RecipientUnreachableError(
          `${who} cannot be reached in Teams: the bot was removed or blocked (HTTP ${status})`,
          status === 403 ? 'bot_removed_or_blocked' : 'conversation_not_found',
        );
      }
      throw error;
    }
  }

  return {
    platform: 'teams',
    async postToChannel(channel: string, post: OutgoingPost) {
      // A thread's id ("…;messageid=…") names its channel too; posts start a new thread there.
      const reference = await references.forConversation(channel.split(';')[0]!);
      if (!reference) {
        throw new RecipientUnreachableError(
          `Teams conversation ${channel} is unknown: add the bot to that team or chat first`,
          'not_installed',
        );
      }
      await deliver(reference, post, `Teams conversation ${channel}`);
    },
    async postToPerson(recipient: Recipient, post: OutgoingPost) {
      const reference = await references.forPerson({ teamsId: recipient.teamsId, email: recipient.email });
      if (!reference) {
        throw new RecipientUnreachableError(
          `${recipient.name} has never talked to the bot in Teams, so it cannot write to them first`,
          'never talked to the bot',
        );
      }
      await deliver(reference, post, recipient.name);
    },
  };
}
