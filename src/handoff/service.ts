import { randomUUID } from 'node:crypto';
import type { Config } from '../config.js';
import type { Answer, Asker, Platform } from '../core/types.js';
import type { Logger } from '../logger.js';
import { RecipientUnreachableError } from '../reminders/messenger.js';
import type { LiveSource, Metrics } from '../runtime.js';
import type { Schedule } from '../schedule/types.js';
import { type Store, StoreUnavailableError } from '../store/store.js';
import { cardOf, relayText } from './card.js';
import { withLock } from './lock.js';
import { DAY_MS, keys, readAnswer, readHandoff, writeAnswer, writeHandoff } from './records.js';
import type {
  AskerView,
  CardRef,
  Handoff,
  HandoffDesk,
  HandoffReply,
  KeptAnswer,
  ResidentPlace,
  Vote,
} from './types.js';

export interface HandoffServiceDeps {
  store: Store;
  config: Pick<Config, 'HANDOFF_KEEP_DAYS' | 'HANDOFF_PER_DAY' | 'HANDOFF_REPLY_TIME'>;
  logger: Logger;
  metrics: Metrics;
  clock: () => Date;
  schedule: LiveSource<Schedule>;
}

export interface KeepInput {
  question: string;
  answer: Pick<Answer, 'text' | 'intent' | 'factIds' | 'unanswered'>;
  asker: Asker;
  platform: Platform;
  place: ResidentPlace;
  /** For the coordinator: "a Slack direct message", "a thread in <#C123>". */
  where: string;
}

export type VoteOutcome =
  | { status: 'recorded'; vote: Vote; offerHandoff: boolean }
  | { status: 'already' | 'expired' | 'unavailable' };

export type AskOutcome =
  | { status: 'sent'; handoffId: string; replyTime: string }
  | { status: 'already'; handoffId: string }
  | { status: 'expired' | 'not-yours' | 'no-desk' | 'failed' | 'unavailable' }
  | { status: 'rate-limited'; perDay: number };

export interface CoordinatorReply {
  /** The card the reply is a thread reply to. */
  card: CardRef;
  /** The platform's id of the reply: each is relayed once. */
  messageId: string;
  /** The coordinators' place the reply was written in (its channel or conversation). */
  channel: string;
  by: string;
  text: string;
}

export type ReplyOutcome =
  | { status: 'relayed' | 'unreachable' | 'failed'; handoffId: string }
  | { status: 'not-a-handoff' | 'outside' | 'duplicate' | 'empty' };

export interface HandoffService {
  /** Adapters register the desk they implement (at most one per platform). */
  register(desk: HandoffDesk): void;
  /** Whether a resident on this platform can hand a question to a coordinator. */
  canHandOff(platform: Platform): boolean;
  /** Keeps an answer for its buttons; null when nothing identifies the asker or the store is down. */
  keep(input: KeepInput): Promise<string | null>;
  vote(answerId: string, voterKey: string, vote: Vote): Promise<VoteOutcome>;
  ask(answerId: string, askerKey: string): Promise<AskOutcome>;
  reply(reply: CoordinatorReply): Promise<ReplyOutcome>;
  get(handoffId: string): Promise<Handoff | null>;
  /** The hand-off a coordinator card belongs to. */
  byCard(card: CardRef): Promise<Handoff | null>;
}

/** The key a person is counted under: the email when known, else the platform's user id. */
export function askerKeyOf(platform: Platform, asker: Asker): string | null {
  if (asker.email) return asker.email.toLowerCase();
  if (asker.platformUserId) return `${platform}:${asker.platformUserId}`;
  return null;
}

export function createHandoffService(deps: HandoffServiceDeps): HandoffService {
  const { store, config, logger, metrics, clock } = deps;
  const keepMs = config.HANDOFF_KEEP_DAYS * DAY_MS;
  const desks = new Map<Platform, HandoffDesk>();

  /** The resident's own platform when it has a coordinators' place, else any platform that has one (never web for others). */
  function deskFor(platform: Platform): HandoffDesk | undefined {
    const own = desks.get(platform);
    if (own?.coordinatorPlace) return own;
    if (platform === 'web' || platform === 'cli') return undefined;
    return [...desks.values()].find((d) => d.platform !== 'web' && d.coordinatorPlace);
  }

  function askerView(asker: Asker): AskerView {
    const resident = asker.email ? deps.schedule.current().byEmail(asker.email) : undefined;
    if (resident) return { name: resident.name, ...(resident.level ? { level: resident.level } : {}) };
    return { name: asker.displayName?.trim() || 'Someone not on the schedule' };
  }

  async function updateCard(handoff: Handoff): Promise<void> {
    if (!handoff.card) return;
    const desk = desks.get(handoff.card.platform);
    try {
      await desk?.updateCard(handoff.card, cardOf(handoff));
    } catch (error) {
      logger.warn({ err: error, handoffId: handoff.id }, 'handoff: could not update the coordinator card');
    }
  }

  async function deliver(
    handoff: Handoff,
    reply: CoordinatorReply,
  ): Promise<Pick<HandoffReply, 'outcome' | 'reason'>> {
    const desk = desks.get(handoff.platform);
    if (!desk) return { outcome: 'failed', reason: `${handoff.platform} is not connected to this server` };
    try {
      await desk.tellResident(handoff.place, { text: relayText(handoff, reply.by, reply.text) });
      return { outcome: 'delivered' };
    } catch (error) {
      if (error instanceof RecipientUnreachableError) return { outcome: 'unreachable', reason: error.reason };
      logger.error({ err: error, handoffId: handoff.id }, 'handoff: could not pass a reply on');
      return { outcome: 'failed', reason: 'the platform refused the message' };
    }
  }

  /** A store outage while voting or handing off is told to the person, not thrown at the adapter. */
  async function unlessStoreDown<T>(
    what: string,
    work: () => Promise<T>,
  ): Promise<T | { status: 'unavailable' }> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      logger.warn({ err: error }, `handoff: store unavailable; ${what} not recorded`);
      return { status: 'unavailable' };
    }
  }

  return {
    register(desk) {
      desks.set(desk.platform, desk);
    },
    canHandOff: (platform) => Boolean(deskFor(platform)),

    async keep(input) {
      const askerKey = askerKeyOf(input.platform, input.asker);
      if (!askerKey) return null;
      const kept: KeptAnswer = {
        id: randomUUID(),
        platform: input.platform,
        askerKey,
        asker: askerView(input.asker),
        where: input.where,
        place: input.place,
        question: input.question,
        answerText: input.answer.text,
        intent: input.answer.intent,
        factIds: input.answer.factIds,
        unanswered: Boolean(input.answer.unanswered),
        at: clock().toISOString(),
      };
      try {
        await writeAnswer(store, kept);
        return kept.id;
      } catch (error) {
        logger.warn({ err: error }, 'handoff: could not keep an answer; no feedback buttons');
        return null;
      }
    },

    vote: (answerId, voterKey, vote) =>
      unlessStoreDown('vote', async (): Promise<VoteOutcome> => {
        const kept = await readAnswer(store, answerId);
        if (!kept) return { status: 'expired' };
        // The vote's own key holds the vote only: no question, no answer text.
        if (!(await store.setIfAbsent(keys.vote(answerId, voterKey), vote, keepMs)))
          return { status: 'already' };
        await Promise.all([
          store.increment(keys.count(vote, 'intent', kept.intent), keepMs),
          ...kept.factIds.map((fact) => store.increment(keys.count(vote, 'fact', fact), keepMs)),
        ]);
        metrics.feedback?.(vote, kept.intent, kept.factIds);
        logger.info({ vote, intent: kept.intent, facts: kept.factIds.length }, 'feedback recorded');
        const offerHandoff = vote === 'down' && voterKey === kept.askerKey && Boolean(deskFor(kept.platform));
        return { status: 'recorded', vote, offerHandoff };
      }),

    ask: (answerId, askerKey) =>
      unlessStoreDown('hand-off', async (): Promise<AskOutcome> => {
        const kept = await readAnswer(store, answerId);
        if (!kept) return { status: 'expired' };
        if (kept.askerKey !== askerKey) return { status: 'not-yours' };
        const desk = deskFor(kept.platform);
        if (!desk) return { status: 'no-desk' };
        const existing = await store.get(keys.forAnswer(answerId));
        if (existing) return { status: 'already', handoffId: existing };
        if ((await store.increment(keys.rate(askerKey), DAY_MS)) > config.HANDOFF_PER_DAY) {
          logger.info({ platform: kept.platform }, 'handoff: rate limited');
          return { status: 'rate-limited', perDay: config.HANDOFF_PER_DAY };
        }
        const id = randomUUID();
        if (!(await store.setIfAbsent(keys.forAnswer(answerId), id, keepMs))) {
          return { status: 'already', handoffId: (await store.get(keys.forAnswer(answerId))) ?? id };
        }
        const handoff: Handoff = {
          id,
          state: 'open',
          platform: kept.platform,
          askerKey,
          asker: kept.asker,
          where: kept.where,
          place: kept.place,
          question: kept.question,
          answerText: kept.answerText,
          intent: kept.intent,
          askedAt: clock().toISOString(),
          replies: [],
        };
        await writeHandoff(store, handoff, keepMs);
        try {
          handoff.card = await desk.postCard(cardOf(handoff));
        } catch (error) {
          logger.error(
            { err: error, platform: desk.platform },
            'handoff: could not post the coordinator card',
          );
          metrics.handoff?.('card_failed');
          await Promise.allSettled([store.delete(keys.handoff(id)), store.delete(keys.forAnswer(answerId))]);
          return { status: 'failed' };
        }
        await writeHandoff(store, handoff, keepMs);
        await store.set(keys.card(handoff.card), id, keepMs);
        metrics.handoff?.('asked');
        logger.info(
          { handoffId: id, platform: kept.platform, desk: desk.platform },
          'handoff: sent to coordinators',
        );
        return { status: 'sent', handoffId: id, replyTime: config.HANDOFF_REPLY_TIME };
      }),

    async reply(reply) {
      const desk = desks.get(reply.card.platform);
      if (!desk?.coordinatorPlace || reply.channel !== desk.coordinatorPlace) return { status: 'outside' };
      if (!reply.text.trim()) return { status: 'empty' };
      const id = await store.get(keys.card(reply.card));
      if (!id) return { status: 'not-a-handoff' };
      // The claim: whichever replica (or restart) sets it first relays; everyone else stops here.
      if (
        !(await store.setIfAbsent(keys.relay(id, reply.messageId), `claimed:${clock().getTime()}`, keepMs))
      ) {
        logger.debug({ handoffId: id }, 'handoff: reply already relayed');
        return { status: 'duplicate' };
      }
      const current = await readHandoff(store, id);
      if (!current) return { status: 'not-a-handoff' };
      const { outcome, reason } = await deliver(current, reply);
      await store.set(keys.relay(id, reply.messageId), outcome, keepMs);
      const updated = await withLock(store, keys.lock(id), async () => {
        const fresh = (await readHandoff(store, id)) ?? current;
        fresh.replies.push({
          messageId: reply.messageId,
          by: reply.by,
          text: reply.text,
          at: clock().toISOString(),
          outcome,
          ...(reason ? { reason } : {}),
        });
        if (outcome === 'delivered') fresh.state = 'answered';
        else if (fresh.state === 'open') fresh.state = 'unreachable';
        // Kept for the retention from the last reply: long enough to turn it into an FAQ entry.
        await writeHandoff(store, fresh, keepMs);
        return fresh;
      });
      await updateCard(updated);
      metrics.handoff?.(outcome === 'delivered' ? 'relayed' : outcome);
      logger.info({ handoffId: id, outcome, reason }, 'handoff: coordinator reply');
      return { status: outcome === 'delivered' ? 'relayed' : outcome, handoffId: id };
    },

    get: (handoffId) => readHandoff(store, handoffId),
    async byCard(card) {
      const id = await store.get(keys.card(card));
      return id ? readHandoff(store, id) : null;
    },
  };
}
