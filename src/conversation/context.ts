import * as z from 'zod/mini';
import { ASPECTS } from '../core/frame.js';

/**
 * What a conversation remembers between messages: the frames of the last questions and any
 * clarifying question the bot asked — never the message text. Stored as JSON in the Store and
 * checked on the way back in (an old or damaged value is ignored, never trusted).
 */

/**
 * The schemas, built on first use: a command that never reads a stored context back (a batch
 * without conversations, one question) never builds them, and they are forty-odd zod schemas.
 */
function buildSchemas() {
  const DateRefSchema = z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('day'), date: z.string(), label: z.string() }),
    z.object({ kind: z.literal('month'), month: z.string(), label: z.string() }),
    z.object({
      kind: z.literal('range'),
      from: z.string(),
      to: z.string(),
      label: z.string(),
      restOfYear: z.optional(z.boolean()),
    }),
  ]);

  const RefSchema = z.object({
    kind: z.string().check(z.maxLength(32)),
    id: z.string().check(z.maxLength(128)),
  });

  const AsksSchema = z.object({
    who: z.boolean(),
    when: z.boolean(),
    where: z.boolean(),
    howMany: z.boolean(),
    left: z.boolean(),
    next: z.boolean(),
    after: z.boolean(),
  });

  /** One question as understood, by the knowledge base's ids: the parts a follow-up may reuse. */
  const ContextFrameSchema = z.object({
    intent: z.string().check(z.maxLength(64)),
    yesNo: z.boolean(),
    personal: z.boolean(),
    past: z.boolean(),
    asks: AsksSchema,
    /** Entities named, by kind and knowledge-base id (rotation ir-duke, site durham-va, …). */
    subjects: z.array(RefSchema).check(z.maxLength(32)),
    /** The same entities grouped by the phrase that named them ("IR-VA" names a rotation and its site). */
    named: z._default(z.array(z.array(RefSchema).check(z.maxLength(8))).check(z.maxLength(16)), []),
    /** Residents named: the candidates' names per mention (never emails). */
    people: z.array(z.array(z.string().check(z.maxLength(128))).check(z.maxLength(8))).check(z.maxLength(4)),
    time: z.array(DateRefSchema).check(z.maxLength(8)),
    /** The schedule blocks the answer named, the main one first (for "is that at the VA?"). */
    found: z.optional(
      z
        .array(
          z.object({
            rotation: z.optional(z.string().check(z.maxLength(128))),
            site: z.optional(z.string().check(z.maxLength(128))),
            from: z.string().check(z.maxLength(10)),
            to: z.string().check(z.maxLength(10)),
          }),
        )
        .check(z.maxLength(12)),
    ),
    /** The answer listed or counted this many things (for "how many is that?", "which ones?"). */
    count: z.optional(z.number().check(z.int(), z.minimum(0))),
    /** A comparison in time ("is that before or after ICU?"): the next follow-up continues it. */
    order: z.optional(z.enum(['before', 'after', 'before-or-after'])),
    /** "Who is not on IR?": the entities ruled out, by kind and id. */
    excluded: z.optional(z.array(RefSchema).check(z.maxLength(16))),
    /** "Is my ICU before my VA month?": the subjects (of `subjects`) whose blocks were compared. */
    compared: z.optional(z.array(RefSchema).check(z.maxLength(16))),
    /** "Who else is there?": the asker (when personal) or `besides` left out. */
    others: z.optional(z.boolean()),
    /** The parts of time the question looked at ("next", "first", …), for a reading picked later. */
    aspects: z.optional(z.array(z.enum(ASPECTS)).check(z.maxLength(12))),
    /** Residents left out by "who else", by name. */
    besides: z.optional(z.array(z.string().check(z.maxLength(128))).check(z.maxLength(8))),
  });

  const ConversationContextSchema = z.object({
    v: z.literal(1),
    /** When the last message was asked (ISO instant). */
    at: z.string(),
    /** The last frames, oldest first. */
    frames: z.array(ContextFrameSchema),
    /** The readings the bot offered when it asked which one was meant; the reply picks one. */
    clarifying: z.optional(z.array(ContextFrameSchema).check(z.maxLength(12))),
  });
  return { ContextFrameSchema, ConversationContextSchema };
}

let schemas: ReturnType<typeof buildSchemas> | undefined;

/** The schema a stored context is checked against on its way back in. */
export function conversationContextSchema(): ReturnType<typeof buildSchemas>['ConversationContextSchema'] {
  schemas ??= buildSchemas();
  return schemas.ConversationContextSchema;
}

/** A frame, as ContextFrameSchema checks it. */
export type ContextFrame = z.infer<ReturnType<typeof buildSchemas>['ContextFrameSchema']>;
export type ConversationContext = z.infer<ReturnType<typeof buildSchemas>['ConversationContextSchema']>;

export function lastFrame(context: ConversationContext | undefined): ContextFrame | undefined {
  return context?.frames[context.frames.length - 1];
}
