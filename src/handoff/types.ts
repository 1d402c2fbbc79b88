import type { Platform } from '../core/types.js';

/**
 * The platform-neutral vocabulary of feedback and hand-offs. Platform ids travel as strings;
 * adapters fill a `ResidentPlace` with whatever they need to write back where the resident asked.
 */

export type Vote = 'up' | 'down';

/** Where a resident asked, in the adapter's own terms (a Slack channel and thread, a Teams conversation id, a web session). */
export type ResidentPlace = Record<string, string>;

/** Who asked, as coordinators may see it: never an email. */
export interface AskerView {
  name: string;
  /** The training level from the schedule, when the asker is on it. */
  level?: string;
}

/** An answer the bot gave, kept briefly so its buttons can refer to it. */
export interface KeptAnswer {
  id: string;
  platform: Platform;
  /** Who asked (a platform id or email): votes and hand-offs are counted per person under it. */
  askerKey: string;
  asker: AskerView;
  /** A place description for the coordinator ("a Slack direct message"). */
  where: string;
  place: ResidentPlace;
  question: string;
  answerText: string;
  intent: string;
  factIds: string[];
  unanswered: boolean;
  at: string;
}

/** A card posted to the coordinators' place. `id` is the platform's message id (Slack ts, Teams activity id). */
export interface CardRef {
  platform: Platform;
  channel: string;
  id: string;
}

export interface HandoffReply {
  /** The platform's id of the reply message (relayed once per id). */
  messageId: string;
  by: string;
  text: string;
  at: string;
  /** delivered, or why the resident could not be reached. */
  outcome: 'delivered' | 'unreachable' | 'failed';
  reason?: string;
}

export type HandoffState = 'open' | 'answered' | 'unreachable';

/** A question a resident handed to the coordinators: the kept answer's facts, then its own life. */
export interface Handoff
  extends Pick<
    KeptAnswer,
    'platform' | 'askerKey' | 'asker' | 'where' | 'place' | 'question' | 'answerText' | 'intent'
  > {
  id: string;
  state: HandoffState;
  askedAt: string;
  card?: CardRef;
  replies: HandoffReply[];
}

/** What a coordinator's card shows; each adapter lays it out its own way. */
export interface HandoffCard {
  handoffId: string;
  title: string;
  /** Label and value pairs: question, who asked, where, what the bot answered. */
  fields: Array<{ label: string; value: string }>;
  /** One line on the state: waiting, answered by …, could not reach …. */
  status: string;
  /** The replies relayed so far, attributed. */
  replies: Array<{ by: string; text: string }>;
}

export interface OutgoingText {
  text: string;
}

/**
 * The hand-off port one adapter implements: post and update coordinator cards in its
 * coordinators' place, and write to a resident where they asked.
 */
export interface HandoffDesk {
  readonly platform: Platform;
  /** The coordinators' place on this platform; without one, cards go to another platform's desk. */
  readonly coordinatorPlace?: string;
  postCard(card: HandoffCard): Promise<CardRef>;
  updateCard(ref: CardRef, card: HandoffCard): Promise<void>;
  /** Throws RecipientUnreachableError when the resident cannot be reached at all. */
  tellResident(place: ResidentPlace, post: OutgoingText): Promise<void>;
}
