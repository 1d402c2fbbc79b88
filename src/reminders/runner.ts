import type { Logger } from '../logger.js';
import type { Metrics } from '../runtime.js';
import { type Store, StoreUnavailableError } from '../store/store.js';
import { RecipientUnreachableError } from './messenger.js';
import {
  type Delivery,
  emptyReport,
  type Job,
  type Outcome,
  type RunProblem,
  type RunReport,
} from './run-report.js';

export type { Delivery, Job, Outcome, RunProblem, RunReport } from './run-report.js';

/**
 * Exactly-once delivery of one run — a job and its period, ('announce', '2026-12') or
 * ('remind', '2026-11-30') — across restarts and replicas sharing one store.
 *
 * - `run:<job>:<period>` = done once every recipient reached a final state; later calls do nothing.
 * - `lock:<job>:<period>`: one replica drives a run at a time (the keys below stay correct even
 *   if the lock expires mid-run: it only saves work).
 * - `sent:<job>:<period>:<recipient>`: SET NX to 'sending:<ms>' before the send, 'done' after.
 *   A send that throws releases the key for a later retry (after maxAttempts it is 'failed');
 *   RecipientUnreachableError makes it 'unreachable'. Only a process that died mid-send leaves
 *   'sending' behind: after inFlightGraceMs it is 'uncertain' (at-most-once, the default: never
 *   a double post, but possibly a missing one, which is reported) or re-sent (at-least-once).
 */

export interface RunnerOptions {
  store: Store;
  logger: Logger;
  clock: () => Date;
  metrics?: Pick<Metrics, 'delivered'>;
  /** Longer than any run: a dead holder's lock frees itself after this. */
  lockTtlMs?: number;
  /** How long sent-keys and run records are kept (a period is never re-run after this). */
  keepMs?: number;
  /** A 'sending' key older than this was left by a process that died mid-send. */
  inFlightGraceMs?: number;
  inFlight?: 'at-most-once' | 'at-least-once';
  /** Transient failures per recipient before giving up on it for this run. */
  maxAttempts?: number;
  /** Tells the coordinator, once per run, who could not be reached. */
  report?: (job: Job, period: string, problems: RunProblem[]) => Promise<void>;
}

export interface RunCallOptions {
  /** Stop at the first recipient of a group that is not finished (announcement parts stay in order). */
  ordered?: boolean;
  onProgress?: (finished: number, total: number) => void;
}

export interface Runner {
  run(job: Job, period: string, deliveries: Delivery[], options?: RunCallOptions): Promise<RunReport>;
  isDone(job: Job, period: string): Promise<boolean>;
  /** Lets the delivery in flight finish, starts no other, and waits for running runs. */
  stop(): Promise<void>;
}

const MINUTE = 60_000;
const FINAL = ['done', 'unreachable', 'failed', 'uncertain'] as const;

function finalState(value: string | null): { state: Outcome; reason: string } | null {
  if (!value) return null;
  const [state, ...rest] = value.split(':');
  return (FINAL as readonly string[]).includes(state!)
    ? { state: state as Outcome, reason: rest.join(':') }
    : null;
}

export function createRunner(options: RunnerOptions): Runner {
  const { store, logger, clock } = options;
  const lockTtlMs = options.lockTtlMs ?? 15 * MINUTE;
  const keepMs = options.keepMs ?? 45 * 24 * 60 * MINUTE;
  const inFlightGraceMs = options.inFlightGraceMs ?? 10 * MINUTE;
  const maxAttempts = options.maxAttempts ?? 5;
  // 'done' marks that could not be written (store blip right after a send): written first next time.
  const pendingDone = new Set<string>();
  // Keys of sends that failed but could not be released, and locks that could not be released.
  const pendingRelease = new Set<string>();
  const pendingUnlock = new Map<string, () => Promise<void>>();
  const active = new Set<Promise<unknown>>();
  let stopping = false;

  type Step = { kind: 'final'; sent: boolean } | { kind: 'open' };

  async function deliverOne(job: Job, period: string, d: Delivery): Promise<Step> {
    const key = `sent:${job}:${period}:${d.recipient}`;
    const current = await store.get(key);
    if (finalState(current)) return { kind: 'final', sent: false };
    if (current?.startsWith('sending:')) {
      const since = Number(current.slice('sending:'.length));
      if (clock().getTime() - since < inFlightGraceMs) return { kind: 'open' };
      if ((options.inFlight ?? 'at-most-once') === 'at-most-once') {
        logger.warn(
          { job, period, recipient: d.label },
          'reminders: a send was interrupted; not repeating it',
        );
        await store.set(
          key,
          'uncertain:the process stopped while sending; it may or may not have arrived',
          keepMs,
        );
        return { kind: 'final', sent: false };
      }
      // We hold the run's lock, so no one else is taking this key over.
      await store.delete(key);
    }
    if (!(await store.setIfAbsent(key, `sending:${clock().getTime()}`, keepMs))) return { kind: 'open' };
    try {
      await d.send();
    } catch (error) {
      if (error instanceof RecipientUnreachableError) {
        logger.warn(
          { job, period, recipient: d.label, platform: d.platform, reason: error.reason },
          'reminders: unreachable',
        );
        await store.set(key, `unreachable:${error.reason}`, keepMs);
        return { kind: 'final', sent: false };
      }
      let attempts: number;
      try {
        attempts = await store.increment(`attempts:${job}:${period}:${d.recipient}`, keepMs);
      } catch (storeError) {
        pendingRelease.add(key);
        throw storeError;
      }
      logger.warn(
        { job, period, recipient: d.label, platform: d.platform, attempts, err: (error as Error).message },
        'reminders: send failed',
      );
      if (attempts >= maxAttempts) {
        await store.set(key, `failed:${(error as Error).message}`, keepMs);
        return { kind: 'final', sent: false };
      }
      await store.delete(key);
      return { kind: 'open' };
    }
    pendingDone.add(key);
    await store.set(key, 'done', keepMs);
    pendingDone.delete(key);
    options.metrics?.delivered(job === 'announce' ? 'announcement' : 'reminder', d.platform);
    return { kind: 'final', sent: true };
  }

  /** Problems of groups with no delivery done, read back from the store (they may span restarts). */
  async function problemsOf(job: Job, period: string, deliveries: Delivery[]): Promise<RunProblem[]> {
    const byGroup = new Map<string, { arrived: boolean; problems: RunProblem[] }>();
    for (const d of deliveries) {
      const final = finalState(await store.get(`sent:${job}:${period}:${d.recipient}`));
      const entry = byGroup.get(d.group) ?? { arrived: false, problems: [] };
      if (final?.state === 'done') entry.arrived = true;
      else if (final)
        entry.problems.push({
          label: d.label,
          platform: d.platform,
          state: final.state,
          reason: final.reason,
        });
      byGroup.set(d.group, entry);
    }
    return [...byGroup.values()].filter((g) => !g.arrived).flatMap((g) => g.problems);
  }

  async function runLocked(
    job: Job,
    period: string,
    deliveries: Delivery[],
    call: RunCallOptions,
  ): Promise<RunReport> {
    const report = emptyReport(job, period, deliveries.length);
    for (const key of [...pendingDone]) {
      await store.set(key, 'done', keepMs);
      pendingDone.delete(key);
    }
    for (const key of [...pendingRelease]) {
      await store.delete(key);
      pendingRelease.delete(key);
    }
    const blocked = new Set<string>();
    for (const d of deliveries) {
      if (stopping) return { ...report, status: 'stopped' };
      if (call.ordered && blocked.has(d.group)) continue;
      const step = await deliverOne(job, period, d);
      if (step.kind === 'final') {
        report.finished++;
        if (step.sent) report.sent++;
      } else blocked.add(d.group);
      call.onProgress?.(report.finished, report.total);
    }
    if (report.finished < report.total) return report;
    report.problems = await problemsOf(job, period, deliveries);
    if (
      report.problems.length &&
      options.report &&
      (await store.setIfAbsent(`reported:${job}:${period}`, '1', keepMs))
    ) {
      await options
        .report(job, period, report.problems)
        .catch((error: Error) =>
          logger.error({ job, period, err: error.message }, 'reminders: could not tell the coordinator'),
        );
    }
    await store.set(`run:${job}:${period}`, 'done', keepMs);
    return { ...report, status: 'done' };
  }

  async function run(
    job: Job,
    period: string,
    deliveries: Delivery[],
    call: RunCallOptions = {},
  ): Promise<RunReport> {
    const empty = emptyReport(job, period, deliveries.length);
    if (stopping) return { ...empty, status: 'stopped' };
    try {
      if ((await store.get(`run:${job}:${period}`)) === 'done') {
        return { ...empty, status: 'already-done', finished: deliveries.length };
      }
      const lockKey = `lock:${job}:${period}`;
      // Our own lock left behind by a store blip would otherwise block us until it expires.
      const stale = pendingUnlock.get(lockKey);
      if (stale) {
        await stale();
        pendingUnlock.delete(lockKey);
      }
      const release = await store.acquireLock(lockKey, lockTtlMs);
      if (!release) return { ...empty, status: 'busy' };
      try {
        return await runLocked(job, period, deliveries, call);
      } finally {
        await release().catch((error: Error) => {
          pendingUnlock.set(lockKey, release);
          logger.warn({ job, period, err: error.message }, 'reminders: unlock failed');
        });
      }
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      logger.warn(
        { job, period, err: error.message },
        'reminders: store unavailable, the run will be retried',
      );
      return { ...empty, status: 'store-unavailable' };
    }
  }

  return {
    run(job, period, deliveries, call) {
      const promise = run(job, period, deliveries, call);
      active.add(promise);
      void promise.finally(() => active.delete(promise)).catch(() => {});
      return promise;
    },
    async isDone(job, period) {
      return (await store.get(`run:${job}:${period}`)) === 'done';
    },
    async stop() {
      stopping = true;
      await Promise.allSettled([...active]);
    },
  };
}
