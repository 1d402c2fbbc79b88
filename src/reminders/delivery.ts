import { createHash } from 'node:crypto';
import type { OncePolicy } from '../config.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../runtime.js';
import { type Store, StoreUnavailableError } from '../store/store.js';
import {
  HistoryUnavailableError,
  PostNotSentError,
  type PostTag,
  type PreparedPost,
  RecipientUnreachableError,
} from './messenger.js';
import type { Delivery, Job, Outcome } from './run-report.js';

/**
 * One recipient of one run, as a small state machine in `sent:<job>:<period>:<recipient>`:
 *
 *   (absent) ── look-ups ── 'sending:<ms>' ── post ──▶ 'done'
 *                                 │ outcome unknown (crash, timeout, 5xx, reset)
 *                                 ▼ once older than the grace: look in the conversation
 *                     found ▶ 'done' · not found ▶ send again · cannot look ▶ the ONCE_POLICY
 *
 * Look-ups (finding the person, opening the DM) come before the mark, so a crash there only
 * means doing them again. Other final states: 'unreachable:…', 'failed:…', 'uncertain:…'.
 */

export interface DeliveryContext {
  store: Store;
  logger: Logger;
  clock: () => Date;
  metrics?: Pick<Metrics, 'delivered'>;
  keepMs: number;
  inFlightGraceMs: number;
  policy: OncePolicy;
  maxAttempts: number;
  /** 'done' marks that could not be written (store blip right after a send): written first next time. */
  pendingDone: Map<string, string>;
  /** True once this process may no longer drive the run (its lease was lost): start no post. */
  leaseLost: () => boolean;
}

export type Step = { kind: 'final'; sent: boolean } | { kind: 'open' };

const FINAL_STATES = ['done', 'unreachable', 'failed', 'uncertain'] as const;
/** Replicas' clocks differ a little: history is read from a bit before the mark. */
const CLOCK_SKEW_MS = 5 * 60_000;
const OPEN: Step = { kind: 'open' };
const FINISHED: Step = { kind: 'final', sent: false };

export function finalState(value: string | null): { state: Outcome; reason: string } | null {
  if (!value) return null;
  const [state, ...rest] = value.split(':');
  return (FINAL_STATES as readonly string[]).includes(state!)
    ? { state: state as Outcome, reason: rest.join(':') }
    : null;
}

export const sentKey = (job: Job, period: string, recipient: string) => `sent:${job}:${period}:${recipient}`;

/** The tag a post carries: the run in clear, the recipient hashed (it may hold an email). */
export function postTag(job: Job, period: string, recipient: string): PostTag {
  const delivery = createHash('sha256').update(`${job}:${period}:${recipient}`).digest('base64url');
  return { run: `${job}:${period}`, delivery: delivery.slice(0, 22) };
}

export async function deliverOne(c: DeliveryContext, job: Job, period: string, d: Delivery): Promise<Step> {
  const { store, logger, keepMs } = c;
  const key = sentKey(job, period, d.recipient);
  const attemptsKey = `attempts:${job}:${period}:${d.recipient}`;
  const log = { job, period, recipient: d.label, platform: d.platform };
  const current = await store.get(key);
  if (finalState(current)) return FINISHED;
  const markedAt = current?.startsWith('sending:') ? Number(current.slice('sending:'.length)) : null;
  if (markedAt !== null && c.clock().getTime() - markedAt < c.inFlightGraceMs) return OPEN;

  /** Moves the key on from what we read (never over another replica's newer write). */
  const settle = (value: string) =>
    current === null ? store.setIfAbsent(key, value, keepMs) : store.replace(key, current, value, keepMs);
  const countAttempt = () => store.increment(attemptsKey, keepMs);

  let prepared: PreparedPost;
  try {
    prepared = await d.prepare(postTag(job, period, d.recipient));
  } catch (error) {
    if (error instanceof StoreUnavailableError) throw error;
    if (error instanceof RecipientUnreachableError) {
      logger.warn({ ...log, reason: error.reason }, 'reminders: unreachable');
      await settle(`unreachable:${error.reason}`);
      return FINISHED;
    }
    // Nothing left: a mark from before stays as it was, for the next look.
    const message = (error as Error).message;
    const attempts = await countAttempt();
    logger.warn({ ...log, attempts, err: message }, 'reminders: could not prepare the send');
    if (attempts < c.maxAttempts) return OPEN;
    await settle(
      current === null
        ? `failed:${message}`
        : `uncertain:the outcome is unknown and the conversation could not be reached to look (${message})`,
    );
    return FINISHED;
  }

  let resentUnder: OncePolicy | undefined;
  if (markedAt !== null) {
    const found = await look(c, prepared, markedAt, log, countAttempt);
    if (found === 'later') return OPEN;
    if (found === true) {
      logger.info(log, 'reminders: the interrupted send had arrived; not sending again');
      await settle('done');
      c.metrics?.delivered(job === 'announce' ? 'announcement' : 'reminder', d.platform);
      return FINISHED;
    }
    if (found !== false) {
      logger.warn(
        { ...log, policy: c.policy, reason: found.reason },
        'reminders: outcome unknown, applying ONCE_POLICY',
      );
      if (c.policy === 'at-most-once') {
        await settle(`uncertain:${found.reason}; not sent again (ONCE_POLICY=at-most-once)`);
        return FINISHED;
      }
      resentUnder = 'at-least-once';
    } else logger.info(log, 'reminders: the interrupted send had not arrived; sending it');
    if (Number(await store.get(attemptsKey)) >= c.maxAttempts) {
      await settle('failed:the platform never confirmed a post');
      return FINISHED;
    }
  }

  if (c.leaseLost()) return OPEN;
  const mark = `sending:${c.clock().getTime()}`;
  if (!(await settle(mark))) return OPEN;
  try {
    await prepared.post();
  } catch (error) {
    return afterFailedPost(c, { key, mark, log, countAttempt, prepared, error });
  }
  const done = resentUnder
    ? `done:sent again after an unknown outcome; may have arrived twice (ONCE_POLICY=${resentUnder})`
    : 'done';
  c.pendingDone.set(key, done);
  await store.set(key, done, keepMs);
  c.pendingDone.delete(key);
  c.metrics?.delivered(job === 'announce' ? 'announcement' : 'reminder', d.platform);
  return { kind: 'final', sent: true };
}

/** true/false: found or not; 'later': try again on a later pass; else why nobody can tell. */
async function look(
  c: DeliveryContext,
  prepared: PreparedPost,
  markedAt: number,
  log: Record<string, string>,
  countAttempt: () => Promise<number>,
): Promise<boolean | 'later' | { reason: string }> {
  if (!prepared.find)
    return { reason: `the outcome is unknown and ${log.platform} keeps no history a bot can read` };
  try {
    return await prepared.find(new Date(markedAt - CLOCK_SKEW_MS));
  } catch (error) {
    if (error instanceof StoreUnavailableError) throw error;
    if (error instanceof HistoryUnavailableError)
      return { reason: `the outcome is unknown and the history could not be read (${error.reason})` };
    const attempts = await countAttempt();
    c.logger.warn(
      { ...log, attempts, err: (error as Error).message },
      'reminders: could not read the history yet',
    );
    return attempts >= c.maxAttempts
      ? {
          reason: `the outcome is unknown and reading the history kept failing (${(error as Error).message})`,
        }
      : 'later';
  }
}

async function afterFailedPost(
  c: DeliveryContext,
  f: {
    key: string;
    mark: string;
    log: Record<string, string>;
    countAttempt: () => Promise<number>;
    prepared: PreparedPost;
    error: unknown;
  },
): Promise<Step> {
  const { store, logger, keepMs } = c;
  const { key, mark, log, error } = f;
  const message = (error as Error).message;
  if (error instanceof RecipientUnreachableError) {
    logger.warn({ ...log, reason: error.reason }, 'reminders: unreachable');
    await store.replace(key, mark, `unreachable:${error.reason}`, keepMs);
    return FINISHED;
  }
  if (error instanceof StoreUnavailableError) throw error;
  const attempts = await f.countAttempt();
  if (error instanceof PostNotSentError) {
    // Refused by the platform: nothing left, so the key is released for a later try.
    logger.warn({ ...log, attempts, err: message }, 'reminders: send refused');
    if (attempts < c.maxAttempts) {
      await store.delete(key);
      return OPEN;
    }
    await store.replace(key, mark, `failed:${message}`, keepMs);
    return FINISHED;
  }
  logger.warn({ ...log, attempts, err: message }, 'reminders: send outcome unknown');
  // Where the history can be read, the mark stays: a later pass looks once any late reply has landed.
  if (f.prepared.find) return OPEN;
  if (c.policy === 'at-most-once') {
    logger.warn({ ...log, policy: c.policy }, 'reminders: outcome unknown, applying ONCE_POLICY');
    await store.replace(
      key,
      mark,
      `uncertain:the outcome is unknown (${message}); not sent again (ONCE_POLICY=at-most-once)`,
      keepMs,
    );
    return FINISHED;
  }
  // at-least-once: once the grace has passed the mark is looked at, cannot be read, and is sent again.
  return OPEN;
}
