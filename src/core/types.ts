/**
 * The platform-neutral vocabulary shared by the core and every adapter.
 * Adapters turn a Slack event, a Teams activity, a web-chat POST or a CLI line into an
 * IncomingMessage, and render the Answer back; nothing here knows a platform.
 */

import type { Frame } from './frame.js';

export type Platform = 'slack' | 'teams' | 'web' | 'cli';

/** Where the question was asked: answers with personal links are given only in private. */
export type ConversationKind = 'private' | 'group' | 'channel';

/** Who is asking. The email is how the schedule knows a resident; it may be unknown. */
export interface Asker {
  email?: string;
  /** The platform's own user id (Slack U…, Teams 29:… / aadObjectId), for logs and per-user limits. */
  platformUserId?: string;
  displayName?: string;
}

/**
 * A person the message names by a platform mention (Slack "<@U…>", a Teams mention), as the
 * adapter resolved them: `name` is written into the message text where the mention was.
 */
export interface Mention {
  name: string;
  email?: string;
}

export interface IncomingMessage {
  text: string;
  /** People mentioned in the text (not the bot itself), in the order they appear. */
  mentions?: Mention[];
  asker: Asker;
  platform: Platform;
  conversation: ConversationKind;
  /**
   * Which conversation the message belongs to on its platform (a Slack DM or thread, a Teams
   * chat or channel thread, a web chat page, a terminal session, a batch's conversation id).
   * Follow-ups are understood from the context kept for this conversation and asker; without
   * an id every message stands alone.
   */
  conversationId?: string;
  /** The instant the question was asked; the bot's clock when absent. */
  now?: Date;
  /** Correlates log lines for one request; adapters pass the platform's event/activity id. */
  requestId?: string;
  /** The program the asker picked (web chat's picker), in a deployment serving several. */
  program?: string;
}

/** A suggested follow-up: shown as a button; pressing it asks `question`. */
export interface Suggestion {
  label: string;
  question: string;
}

/**
 * What a yes/no answer says, for machines: `yes`/`no` when the facts decide it, `partly` when they
 * decide it differently for parts of the question, `unknown` when the facts do not decide it, `none`
 * for a question that is not yes/no. The text says the same words first ("Yes — …").
 */
export type Verdict = 'yes' | 'no' | 'partly' | 'unknown' | 'none';

export interface Answer {
  /** The intent family that produced this answer ('procedure.does-ir', 'schedule.mine', 'fallback', …). */
  intent: string;
  /**
   * The answer itself, plain text, as the user reads it: a yes/no question's text starts with
   * "Yes — " or "No — " (rendered in one place from `verdict`, never by a handler).
   * Paragraphs are separated by a blank line; adapters may add emphasis but never rewrite.
   */
  text: string;
  /** An optional list shown under the text (procedures of a category, months of a schedule, …). */
  items?: string[];
  /** A heading for `items` ("Oncologic therapies", "Your rotations", …). */
  itemsTitle?: string;
  /**
   * What a long list holds, in one line ("Interventional Radiology 412 · ICU 118"): shown by a
   * platform that can show only part of `items` at once (the rest stays reachable with More).
   */
  itemsSummary?: string;
  suggestions?: Suggestion[];
  /** Ids of the knowledge-base entries and schedule rows the answer was built from. */
  factIds: string[];
  /** True when the bot could not answer (fallback, unknown procedure, unknown asker, …). */
  unanswered?: boolean;
  /** The verdict of a yes/no question, computed from the facts (see Verdict). */
  verdict?: Verdict;
  /**
   * The schedule blocks the answer is about, by knowledge-base ids, the one it is mainly about
   * first: what a follow-up's "that" stands for ("what am I on in March?" → "is that at the VA?").
   */
  about?: AnswerBlock[];
  /** What was understood: one frame per question in the message (printed by `ask --json`). */
  frames?: Frame[];
  /**
   * Only the asker may see this answer (their calendar link, anything personal): adapters never
   * offer to share it, never post it outside a one-to-one conversation (see withholdPrivate).
   */
  private?: boolean;
}

/** A schedule block by ids and dates (never the resident): what an answer said someone is on. */
export interface AnswerBlock {
  /** The knowledge-base rotation, when the schedule's label resolves to one. */
  rotation?: string;
  /** The block's own site as the schedule writes it (a long-format `site` column), when it has one. */
  site?: string;
  from: string;
  to: string;
}

/** The one entry point adapters call. Never throws: failures become a graceful Answer. */
export interface Bot {
  handle(message: IncomingMessage): Promise<Answer>;
}
