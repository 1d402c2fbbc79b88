import type { IncomingMessage } from '../core/types.js';
import type { Logger } from '../logger.js';
import { nodeCrypto } from '../node-crypto.js';
import type { Store } from '../store/store.js';
import { type ConversationContext, conversationContextSchema } from './context.js';

/** At most this many frames are kept per conversation: follow-ups look at the last one or two. */
export const MAX_FRAMES = 4;
/** A stored context never exceeds this many bytes of JSON: older frames are dropped first. */
export const MAX_CONTEXT_BYTES = 8 * 1024;

/**
 * The store key of one asker's context in one conversation; null when the message belongs to
 * no conversation. Hashed, so no email or platform id is written into a key, and two askers in
 * one thread never share a key.
 */
export function contextKey(
  message: Pick<IncomingMessage, 'platform' | 'conversationId' | 'asker'>,
): string | null {
  if (!message.conversationId) return null;
  const { email, platformUserId } = message.asker;
  const who = email
    ? `email:${email.trim().toLowerCase()}`
    : platformUserId
      ? `user:${platformUserId}`
      : 'anonymous';
  const digest = nodeCrypto()
    .createHash('sha256')
    .update(`${message.platform}\n${message.conversationId}\n${who}`)
    .digest('hex')
    .slice(0, 40);
  return `context:${digest}`;
}

export interface ContextStore {
  /** The asker's context in this conversation, or undefined (none, expired, unreadable, store down). */
  load(message: IncomingMessage, now: Date): Promise<ConversationContext | undefined>;
  /** Keeps the context for the next message; a store that fails is logged, never thrown. */
  save(message: IncomingMessage, context: ConversationContext): Promise<void>;
}

export interface ContextStoreOptions {
  /** How long a context lives after its last message; 0 keeps none (every message stands alone). */
  ttlMs: number;
  logger: Logger;
}

/** Keeps the newest frames that fit the size bound; undefined when not even one fits. */
export function bounded(context: ConversationContext): string | undefined {
  let frames = context.frames.slice(-MAX_FRAMES);
  for (;;) {
    const json = JSON.stringify({ ...context, frames });
    if (Buffer.byteLength(json) <= MAX_CONTEXT_BYTES) return json;
    if (frames.length <= 1) return undefined;
    frames = frames.slice(1);
  }
}

/**
 * Conversation context in the shared store (Redis when configured, so every replica sees it).
 * It fails open: when the store is down a question is answered without context.
 */
export function createContextStore(store: Store, options: ContextStoreOptions): ContextStore {
  const { ttlMs, logger } = options;
  return {
    async load(message, now) {
      const key = ttlMs > 0 ? contextKey(message) : null;
      if (!key) return undefined;
      let raw: string | null;
      try {
        raw = await store.get(key);
      } catch (error) {
        logger.warn(
          { err: error, requestId: message.requestId },
          'conversation context unavailable; answering without it',
        );
        return undefined;
      }
      if (!raw) return undefined;
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        parsed = undefined;
      }
      const context = conversationContextSchema().safeParse(parsed);
      if (!context.success) {
        logger.warn(
          { requestId: message.requestId },
          'conversation context unreadable; answering without it',
        );
        return undefined;
      }
      // The message's own time decides expiry too, so a batch replaying a day is read as it was lived.
      const age = now.getTime() - Date.parse(context.data.at);
      if (age > ttlMs) return undefined;
      return context.data;
    },
    async save(message, context) {
      const key = ttlMs > 0 ? contextKey(message) : null;
      if (!key) return;
      const json = bounded(context);
      try {
        if (json) await store.set(key, json, ttlMs);
        else await store.delete(key);
      } catch (error) {
        logger.warn({ err: error, requestId: message.requestId }, 'conversation context not saved');
      }
    },
  };
}
