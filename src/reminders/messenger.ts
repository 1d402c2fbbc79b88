import type { Answer } from '../core/types.js';

/** What the scheduler sends: the same shape adapters already render for answers. */
export type OutgoingPost = Pick<Answer, 'text' | 'items' | 'itemsTitle'>;

export interface Recipient {
  email: string;
  name: string;
  slackId?: string;
  teamsId?: string;
}

/**
 * The port through which scheduled posts leave: one per platform, implemented in adapters/.
 * A post must already fit the platform's limits (the caller splits long announcements).
 */
export interface Messenger {
  readonly platform: 'slack' | 'teams';
  postToChannel(channel: string, post: OutgoingPost): Promise<void>;
  /** A direct message; throws RecipientUnreachableError when the person cannot be reached at all. */
  postToPerson(recipient: Recipient, post: OutgoingPost): Promise<void>;
}

/** A failure that retrying will not fix: no such user, the bot was blocked or removed. */
export class RecipientUnreachableError extends Error {
  readonly code = 'recipient_unreachable';
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message);
    this.name = 'RecipientUnreachableError';
  }
}
