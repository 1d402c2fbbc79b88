import * as z from 'zod';
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
      restOfYear: z.boolean().optional(),
    }),
  ]);

  const RefSchema = z.object({ kind: z.string().max(32), id: z.string().max(128) });

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
    intent: z.string().max(64),
    yesNo: z.boolean(),
    personal: z.boolean(),
    past: z.boolean(),
    asks: AsksSchema,
    /** Entities named, by kind and knowledge-base id (rotation ir-duke, site durham-va, …). */
    subjects: z.array(RefSchema).max(32),
    /** The same entities grouped by the phrase that named them ("IR-VA" names a rotation and its site). */
    named: z.array(z.array(RefSchema).max(8)).max(16).default([]),
    /** Residents named: the candidates' names per mention (never emails). */
    people: z.array(z.array(z.string().max(128)).max(8)).max(4),
    time: z.array(DateRefSchema).max(8),
    /** The schedule blocks the answer named, the main one first (for "is that at the VA?"). */
    found: z
      .array(
        z.object({
          rotation: z.string().max(128).optional(),
          site: z.string().max(128).optional(),
          from: z.string().max(10),
          to: z.string().max(10),
        }),
      )
      .max(12)
      .optional(),
    /** The answer listed or counted this many things (for "how many is that?", "which ones?"). */
    count: z.number().int().min(0).optional(),
    /** A comparison in time ("is that before or after ICU?"): the next follow-up continues it. */
    order: z.enum(['before', 'after', 'before-or-after']).optional(),
    /** "Is my ICU before my VA month?": the subjects (of `subjects`) whose blocks were compared. */
    compared: z.array(RefSchema).max(16).optional(),
    /** "Who else is there?": the asker (when personal) or `besides` left out. */
    others: z.boolean().optional(),
    /** The parts of time the question looked at ("next", "first", …), for a reading picked later. */
    aspects: z.array(z.enum(ASPECTS)).max(12).optional(),
    /** Residents left out by "who else", by name. */
    besides: z.array(z.string().max(128)).max(8).optional(),
  });

  const ConversationContextSchema = z.object({
    v: z.literal(1),
    /** When the last message was asked (ISO instant). */
    at: z.string(),
    /** The last frames, oldest first. */
    frames: z.array(ContextFrameSchema),
    /** The readings the bot offered when it asked which one was meant; the reply picks one. */
    clarifying: z.array(ContextFrameSchema).max(12).optional(),
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
