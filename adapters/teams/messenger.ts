import type { Activity, CloudAdapter } from 'botbuilder';
import {
  type Destination,
  type Messenger,
  type OutgoingPost,
  PostNotSentError,
  type PreparedPost,
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
/** Refusals: the connector answered and did not post, so trying again cannot post twice. */
const REFUSED = new Set([412, 429]);

interface PipelineHolder {
  client?: { pipeline?: { removePolicy(options: { phase: string }): unknown } };
}

/**
 * The connector client's pipeline re-sends a post after a 5xx or a network error on its own;
 * a post whose reply was lost may have gone out, so this turn's client does not. Refusals
 * (429, 412) are retried by withRetry below, and everything else is the runner's decision.
 */
function withoutSdkRetries(connector: unknown): void {
  (connector as PipelineHolder | undefined)?.client?.pipeline?.removePolicy({ phase: 'Retry' });
}

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
      withoutSdkRetries(context.turnState.get(adapter.ConnectorClientKey));
      try {
        await context.sendActivity(activity);
      } catch (error) {
        failure = error;
      }
    });
    if (failure) throw failure;
  }

  /**
   * Only refusals are retried here: after a 5xx or a timeout the post may have gone out, and
   * Teams gives a bot no history to look in, so the runner applies ONCE_POLICY instead.
   */
  async function deliver(reference: StoredReference, post: OutgoingPost, who: string): Promise<void> {
    const conversationId = reference.conversation?.id ?? '';
    try {
      await withRetry(() => sendOnce(reference, renderPost(post)), {
        ...options.retry,
        statuses: REFUSED,
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

  async function referenceFor(to: Destination): Promise<{ reference: StoredReference; who: string }> {
    if ('channel' in to) {
      // A thread's id ("…;messageid=…") names its channel too; posts start a new thread there.
      const reference = await references.forConversation(to.channel.split(';')[0]!);
      if (!reference) {
        throw new RecipientUnreachableError(
          `Teams conversation ${to.channel} is unknown: add the bot to that team or chat first`,
          'not_installed',
        );
      }
      return { reference, who: `Teams conversation ${to.channel}` };
    }
    const { person } = to;
    const reference = await references.forPerson({ teamsId: person.teamsId, email: person.email });
    if (!reference) {
      throw new RecipientUnreachableError(
        `${person.name} has never talked to the bot in Teams, so it cannot write to them first`,
        'never talked to the bot',
      );
    }
    return { reference, who: person.name };
  }

  /** No `find`: a bot cannot read a Teams conversation's history, so an unknown outcome stays unknown. */
  async function prepare(to: Destination, post: OutgoingPost): Promise<PreparedPost> {
    const { reference, who } = await referenceFor(to);
    return {
      async post() {
        try {
          await deliver(reference, post, who);
        } catch (error) {
          const status = statusOf(error);
          // Any other 4xx is an answer too: the connector refused it.
          if (
            status !== undefined &&
            status >= 400 &&
            status < 500 &&
            !(error instanceof RecipientUnreachableError)
          )
            throw new PostNotSentError(`Teams refused the post (HTTP ${status})`, { cause: error });
          throw error;
        }
      },
    };
  }

  return {
    platform: 'teams',
    prepare,
    async postToChannel(channel: string, post: OutgoingPost) {
      const { reference, who } = await referenceFor({ channel });
      await deliver(reference, post, who);
    },
    async postToPerson(recipient: Recipient, post: OutgoingPost) {
      const { reference, who } = await referenceFor({ person: recipient });
      await deliver(reference, post, who);
    },
  };
}
