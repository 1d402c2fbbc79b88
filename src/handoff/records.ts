import type { Store } from '../store/store.js';
import type { CardRef, Handoff, KeptAnswer, Vote } from './types.js';

/**
 * Every key feedback and hand-offs use, in one place. Votes keep no text; kept answers expire
 * after ANSWER_KEEP_MS; hand-offs and their indexes after the retention (HANDOFF_KEEP_DAYS).
 */
export const DAY_MS = 24 * 60 * 60 * 1000;
/** How long an answer's buttons work: a vote or a hand-off days later is unlikely to be about it. */
export const ANSWER_KEEP_MS = 2 * DAY_MS;

export const keys = {
  answer: (id: string) => `handoff:answer:${id}`,
  vote: (answerId: string, voter: string) => `feedback:vote:${answerId}:${voter}`,
  count: (vote: Vote, kind: 'intent' | 'fact', id: string) => `feedback:count:${vote}:${kind}:${id}`,
  countPrefix: (vote: Vote) => `feedback:count:${vote}:`,
  handoff: (id: string) => `handoff:record:${id}`,
  handoffPrefix: 'handoff:record:',
  forAnswer: (answerId: string) => `handoff:for-answer:${answerId}`,
  rate: (asker: string) => `handoff:rate:${asker}`,
  card: (ref: Pick<CardRef, 'platform' | 'channel' | 'id'>) =>
    `handoff:card:${ref.platform}:${ref.channel}:${ref.id}`,
  relay: (handoffId: string, messageId: string) => `handoff:relay:${handoffId}:${messageId}`,
  lock: (handoffId: string) => `handoff:lock:${handoffId}`,
};

function parse<T>(raw: string | null): T | null {
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

export async function readAnswer(store: Store, id: string): Promise<KeptAnswer | null> {
  return parse<KeptAnswer>(await store.get(keys.answer(id)));
}

export async function writeAnswer(store: Store, answer: KeptAnswer): Promise<void> {
  await store.set(keys.answer(answer.id), JSON.stringify(answer), ANSWER_KEEP_MS);
}

export async function readHandoff(store: Store, id: string): Promise<Handoff | null> {
  return parse<Handoff>(await store.get(keys.handoff(id)));
}

export async function writeHandoff(store: Store, handoff: Handoff, keepMs: number): Promise<void> {
  await store.set(keys.handoff(handoff.id), JSON.stringify(handoff), keepMs);
}

/** Every hand-off still kept, newest first. */
export async function listHandoffs(store: Store): Promise<Handoff[]> {
  const ids = (await store.keys(keys.handoffPrefix)).map((k) => k.slice(keys.handoffPrefix.length));
  const found = await Promise.all(ids.map((id) => readHandoff(store, id)));
  return found.filter((h): h is Handoff => h !== null).sort((a, b) => b.askedAt.localeCompare(a.askedAt));
}

export interface VoteCount {
  kind: 'intent' | 'fact';
  id: string;
  count: number;
}

/** Vote counts by intent and by fact id, largest first. */
export async function voteCounts(store: Store, vote: Vote): Promise<VoteCount[]> {
  const prefix = keys.countPrefix(vote);
  const found = await store.keys(prefix);
  const counts = await Promise.all(
    found.map(async (key) => {
      const [kind, ...rest] = key.slice(prefix.length).split(':');
      return {
        kind: kind as VoteCount['kind'],
        id: rest.join(':'),
        count: Number(await store.get(key)) || 0,
      };
    }),
  );
  return counts.filter((c) => c.count > 0).sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
}
