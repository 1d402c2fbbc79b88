import type { DateRef } from './dates.js';
import type { Correction, EntityKind } from './text/phrase-index.js';

/**
 * A frame: one question as understood, in typed parts. Understanding builds one frame per
 * question in a message; handlers read the frame; `ask --json` prints it. A follow-up in a
 * conversation is a partial frame completed from the last one, so every part is plain data
 * (no functions, no residents' emails) and new parts are only ever added, never renamed.
 */

/** What the question asks for. */
export type FrameAsk =
  | 'does' // "does IR do TIPS?", "do I have ICU in March?" (yes/no about doing or having)
  | 'is-it' // "is the VA far?", "is R4 all IR?" (yes/no about a property)
  | 'who'
  | 'when'
  | 'where'
  | 'what'
  | 'how-many'
  | 'list' // "which rotations…", "list the procedures"
  | 'describe' // "tell me about…", "what is … like"
  | 'greet'
  | 'thank'
  | 'help'
  | 'unknown';

/** A thing the question is about, named by the knowledge base's own id and by the user's words. */
export interface FrameSubject {
  kind: EntityKind | 'person';
  /** The knowledge-base id (a resident's name for a person). */
  id: string;
  /** The words of the question that named it. */
  words: string;
}

/** A resident named in the question: every candidate the schedule has for those words. */
export interface FramePerson {
  words: string;
  /** "Avery Samplewood (R4)": names and levels only, never emails. */
  candidates: string[];
}

/** Which part of time the question looks at, beside its dates. */
export const ASPECTS = ['next', 'after', 'last', 'first', 'end', 'count', 'left', 'past', 'now'] as const;
export type Aspect = (typeof ASPECTS)[number];

/** "both", "all of", "each", "only", "mostly", "any": how much of the subject the question claims. */
export type Quantifier = 'all' | 'both' | 'each' | 'any' | 'only' | 'most';

/**
 * A comparison in time: is the question's time (a block the last answer named) before or after
 * the blocks of the subject it names? "before-or-after" asks which; the others ask yes or no.
 */
export type Order = 'before' | 'after' | 'before-or-after';

export interface Frame {
  /** The question as written (one clause of the message). */
  text: string;
  /** The kind of question the intent table chose (one handler family each). */
  intent: string;
  asks: FrameAsk;
  /** The question expects Yes or No first. */
  yesNo: boolean;
  /** About the asker's own schedule ("my", "I", or a bare schedule question). */
  personal: boolean;
  subjects: FrameSubject[];
  people: FramePerson[];
  time: DateRef[];
  aspects: Aspect[];
  /** "positive" unless the question states a negated claim ("IR doesn't do kids, right?"). */
  polarity: 'positive' | 'negative';
  /** True when the question asks back a negated claim: the verdict answers the claim. */
  negated: boolean;
  /** Subjects ruled out: "but not ICU", "except the VA", "other than IR", "non-IR". */
  exclusions: FrameSubject[];
  quantifier?: Quantifier;
  /** "Is that before or after ICU?": the time compared with the subject's blocks. */
  order?: Order;
  /**
   * "Is my ICU before my VA month?": the subjects (also in `subjects`) whose blocks are compared
   * with the other subjects' blocks; absent when the time is compared ("is that before ICU?").
   */
  compared?: FrameSubject[];
  /** "Who else is there?": the residents left out, names and levels ("Casey Demoreaux (R4)"). */
  besides?: string[];
  /** Numbers the question states ("two research months", "4 years"). */
  numbers: number[];
  /** Words of the question nothing accounted for (no entity, cue, date or known filler). */
  unplaced: string[];
  /** Typos read as something else, shown so a correction is never silent. */
  corrections: Correction[];
  /** The language file's lists the question says, by name ("far", "count_asked", "ruled_out"). */
  cues: string[];
}
