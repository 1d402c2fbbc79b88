import type { Answer } from '../core/types.js';

/** What the scheduler sends: the same shape adapters already render for answers. */
export type OutgoingPost = Pick<Answer, 'text' | 'items' | 'itemsTitle'>;

export interface Recipient {
  email: string;
  name: string;
  slackId?: string;
  teamsId?: string;
}

/** Where a scheduled post goes: a channel (conversation) or a person's direct messages. */
export type Destination = { channel: string } | { person: Recipient };

/**
 * Names one delivery of one run on the message itself (Slack message metadata), so a later
 * process can look whether it arrived. Opaque: no email, no name.
 */
export interface PostTag {
  /** The run: 'remind:2026-11-30', 'announce:2026-12'. */
  run: string;
  /** The delivery within the run, hashed. */
  delivery: string;
}

/** A post whose look-ups are done (safe to redo); only `post` may make something leave. */
export interface PreparedPost {
  /** Sends it. The runner writes its 'sending' mark immediately before this call. */
  post(): Promise<void>;
  /**
   * Whether a post carrying the tag reached the destination at or after `since`. Present only
   * where the bot can read the conversation (Slack); throws HistoryUnavailableError when it cannot.
   */
  find?(since: Date): Promise<boolean>;
}

/**
 * The port through which scheduled posts leave: one per platform, implemented in adapters/.
 * A post must already fit the platform's limits (the caller splits long announcements).
 * No messenger retries a post on its own when the outcome is unknown: the runner decides.
 */
export interface Messenger {
  readonly platform: 'slack' | 'teams';
  postToChannel(channel: string, post: OutgoingPost): Promise<void>;
  /** A direct message; throws RecipientUnreachableError when the person cannot be reached at all. */
  postToPerson(recipient: Recipient, post: OutgoingPost): Promise<void>;
  /**
   * Everything before the post (finding the person, opening the DM, pacing), then the post and
   * a way to look for it. Errors thrown here mean nothing left.
   */
  prepare(to: Destination, post: OutgoingPost, tag: PostTag): Promise<PreparedPost>;
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

/**
 * The platform answered and refused the post (rate limited, a bad request): it certainly did
 * not go out, so sending it again is safe. Any other error from `post` leaves the outcome unknown.
 */
export class PostNotSentError extends Error {
  readonly code = 'post_not_sent';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PostNotSentError';
  }
}

/** The conversation's history cannot be read (a missing scope, an error): nothing can be decided from it. */
export class HistoryUnavailableError extends Error {
  readonly code = 'history_unavailable';
  constructor(
    message: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'HistoryUnavailableError';
  }
}
