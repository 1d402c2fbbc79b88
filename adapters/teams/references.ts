import { type Activity, type ConversationReference, TurnContext } from 'botbuilder';
import type { Store } from '../../src/store/store.js';

/**
 * Conversation references, so posts survive restarts. The reference lives under its conversation
 * id; a person's keys (AAD object id, Teams user id, email) only point at their personal
 * conversation, so dropping the conversation makes every pointer to it dead. Each is kept for
 * REFERENCE_TTL_MS after it was last written or used, and only when small (MAX_REFERENCE_BYTES).
 */
export const REFERENCE_TTL_MS = 400 * 24 * 60 * 60 * 1000;
export const MAX_REFERENCE_BYTES = 4096;
/** Ids longer than this are not Teams ids. */
const MAX_ID_CHARS = 512;
const CONVERSATION = 'teams:ref:conv:';
const PERSON = 'teams:ref:person:';
const EMAIL = 'teams:ref:email:';

export type StoredReference = Partial<ConversationReference>;

export interface PersonKeys {
  aadObjectId?: string;
  userId?: string;
  email?: string;
}

/** A channel thread's id ("19:…@thread.tacv2;messageid=…") without the thread: posts start a new one. */
export function baseConversationId(activity: Partial<Activity>): string {
  const id = activity.conversation?.id ?? '';
  if (activity.conversation?.conversationType !== 'channel') return id;
  const channel = (activity.channelData as { channel?: { id?: string } } | undefined)?.channel?.id;
  return channel ?? id.split(';')[0]!;
}

export interface ReferenceBook {
  /** Stores the activity's conversation; for a personal chat also the person's pointers. */
  save(activity: Partial<Activity>, person?: PersonKeys): Promise<string>;
  forConversation(conversationId: string): Promise<StoredReference | null>;
  forPerson(keys: { teamsId?: string; email?: string }): Promise<StoredReference | null>;
  drop(conversationId: string): Promise<void>;
  /** Every conversation the bot can post to (for logs and setup help). */
  conversationIds(): Promise<string[]>;
}

export function createReferenceBook(store: Store): ReferenceBook {
  /** A reference in use stays: reading it for a post refreshes its expiry. */
  async function read(conversationId: string): Promise<StoredReference | null> {
    const raw = await store.get(CONVERSATION + conversationId);
    if (!raw) return null;
    await store.set(CONVERSATION + conversationId, raw, REFERENCE_TTL_MS);
    return JSON.parse(raw) as StoredReference;
  }

  return {
    async save(activity, person) {
      const conversationId = baseConversationId(activity);
      const reference = TurnContext.getConversationReference(activity);
      // A reference that points into a thread would reply there; keep the channel itself.
      reference.conversation = { ...reference.conversation!, id: conversationId };
      delete reference.activityId;
      const json = JSON.stringify(reference);
      if (Buffer.byteLength(json) > MAX_REFERENCE_BYTES || conversationId.length > MAX_ID_CHARS) {
        throw new Error(`conversation reference over ${MAX_REFERENCE_BYTES} bytes; not stored`);
      }
      await store.set(CONVERSATION + conversationId, json, REFERENCE_TTL_MS);
      if (person && activity.conversation?.conversationType === 'personal') {
        const pointers = [
          person.aadObjectId && PERSON + person.aadObjectId,
          person.userId && PERSON + person.userId,
          person.email && EMAIL + person.email.toLowerCase(),
        ].filter((k): k is string => typeof k === 'string' && k.length > 0 && k.length <= MAX_ID_CHARS);
        await Promise.all(pointers.map((key) => store.set(key, conversationId, REFERENCE_TTL_MS)));
      }
      return conversationId;
    },
    forConversation: read,
    async forPerson({ teamsId, email }) {
      const candidates = [teamsId && PERSON + teamsId, email && EMAIL + email.toLowerCase()];
      for (const key of candidates) {
        if (!key) continue;
        const conversationId = await store.get(key);
        const reference = conversationId ? await read(conversationId) : null;
        if (reference) {
          await store.set(key, conversationId!, REFERENCE_TTL_MS);
          return reference;
        }
      }
      return null;
    },
    async drop(conversationId) {
      await store.delete(CONVERSATION + conversationId);
    },
    async conversationIds() {
      return (await store.keys(CONVERSATION)).map((k) => k.slice(CONVERSATION.length));
    },
  };
}
