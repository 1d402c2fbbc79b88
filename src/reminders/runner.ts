import type { OncePolicy } from '../config.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../runtime.js';
import { type Lease, type Store, StoreUnavailableError } from '../store/store.js';
import { type DeliveryContext, deliverOne, finalState, sentKey } from './delivery.js';
import { type Delivery, emptyReport, type Job, type RunProblem, type RunReport } from './run-report.js';

export type { Delivery, Job, Outcome, RunProblem, RunReport } from './run-report.js';

/**
 * Exactly-once delivery of one run — a job and its period, ('announce', '2026-12') or
 * ('remind', '2026-11-30') — across restarts and replicas sharing one store.
 *
 * - `run:<job>:<period>` = done once every recipient reached a final state (and the coordinator
 *   was told about the problems, through this same runner); later calls do nothing.
 * - `lock:<job>:<period>`: a lease — one replica drives a run at a time, renewing it while it
 *   works, so a dead replica's run is free again within lockTtlMs. The per-recipient keys stay
 *   correct even without it: it only saves work.
 * - `sent:<job>:<period>:<recipient>`: one recipient's state (delivery.ts).
 */

export interface RunnerOptions {
  store: Store;
  logger: Logger;
  clock: () => Date;
  metrics?: Pick<Metrics, 'delivered'>;
  /** The lease's expiry; it is renewed every third of it while the run works. */
  lockTtlMs?: number;
  /** How long sent-keys and run records are kept (a period is never re-run after this). */
  keepMs?: number;
  /** A send of unknown outcome is looked into once its mark is this old (longer than any reply takes). */
  inFlightGraceMs?: number;
  /** What an unknown outcome becomes when the platform's history cannot tell. */
  inFlight?: OncePolicy;
  /** Transient failures per recipient before giving up on it for this run. */
  maxAttempts?: number;
  /** Tells the coordinator about a finished run's problems; true once told (then the run is done). */
  report?: (job: Job, period: string, problems: RunProblem[]) => Promise<boolean>;
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

const SECOND = 1_000;
/** How long sent-keys and run records are kept unless the caller says otherwise. */
export const DELIVERY_KEEP_MS = 45 * 86_400 * SECOND;

export function createRunner(options: RunnerOptions): Runner {
  const { store, logger, clock } = options;
  const lockTtlMs = options.lockTtlMs ?? 20 * SECOND;
  const keepMs = options.keepMs ?? DELIVERY_KEEP_MS;
  const pendingDone = new Map<string, string>();
  // Leases that could not be released (store blip): released first next time.
  const pendingUnlock = new Map<string, Lease>();
  const active = new Set<Promise<unknown>>();
  let stopping = false;
  const context = (leaseLost: () => boolean): DeliveryContext => ({
    store,
    logger,
    clock,
    metrics: options.metrics,
    keepMs,
    inFlightGraceMs: options.inFlightGraceMs ?? 20 * SECOND,
    policy: options.inFlight ?? 'at-most-once',
    maxAttempts: options.maxAttempts ?? 5,
    pendingDone,
    leaseLost,
  });

  /** Problems of groups with nothing delivered, and sends that may have arrived twice, read back from the store. */
  async function problemsOf(job: Job, period: string, deliveries: Delivery[]): Promise<RunProblem[]> {
    const byGroup = new Map<string, { arrived: boolean; problems: RunProblem[] }>();
    const twice: RunProblem[] = [];
    for (const d of deliveries) {
      const final = finalState(await store.get(sentKey(job, period, d.recipient)));
      const entry = byGroup.get(d.group) ?? { arrived: false, problems: [] };
      const problem = final && { label: d.label, platform: d.platform, reason: final.reason };
      if (final?.state === 'done') {
        entry.arrived = true;
        if (final.reason) twice.push({ ...problem!, state: 'uncertain' });
      } else if (final) entry.problems.push({ ...problem!, state: final.state });
      byGroup.set(d.group, entry);
    }
    return [...[...byGroup.values()].filter((g) => !g.arrived).flatMap((g) => g.problems), ...twice];
  }

  /** Renews the lease every third of its ttl; lost once renewal says no, or fails for longer than the ttl. */
  function keepAlive(lease: Lease) {
    let renewedAt = Date.now();
    let refused = false;
    const timer = setInterval(() => {
      lease.renew().then(
        (ok) => {
          if (ok) renewedAt = Date.now();
          else refused = true;
        },
        () => {},
      );
    }, lockTtlMs / 3);
    timer.unref();
    return {
      lost: () => refused || Date.now() - renewedAt > lockTtlMs,
      stop: () => clearInterval(timer),
    };
  }

  async function runLocked(
    job: Job,
    period: string,
    deliveries: Delivery[],
    call: RunCallOptions,
    leaseLost: () => boolean,
  ): Promise<RunReport> {
    const report = emptyReport(job, period, deliveries.length);
    for (const [key, value] of [...pendingDone]) {
      await store.set(key, value, keepMs);
      pendingDone.delete(key);
    }
    const blocked = new Set<string>();
    const c = context(leaseLost);
    for (const d of deliveries) {
      if (stopping) return { ...report, status: 'stopped' };
      if (leaseLost()) {
        logger.warn({ job, period }, 'reminders: lost the run lock; another process finishes it');
        return { ...report, status: 'busy' };
      }
      if (call.ordered && blocked.has(d.group)) continue;
      const step = await deliverOne(c, job, period, d);
      if (step.kind === 'final') {
        report.finished++;
        if (step.sent) report.sent++;
      } else blocked.add(d.group);
      call.onProgress?.(report.finished, report.total);
    }
    if (report.finished < report.total) return report;
    report.problems = await problemsOf(job, period, deliveries);
    // The coordinator's message is a run of its own: once told, this run is done; until then it stays open.
    if (report.problems.length && options.report && !(await options.report(job, period, report.problems)))
      return report;
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
        await stale.release();
        pendingUnlock.delete(lockKey);
      }
      const lease = await store.acquireLease(lockKey, lockTtlMs);
      if (!lease) return { ...empty, status: 'busy' };
      const alive = keepAlive(lease);
      try {
        return await runLocked(job, period, deliveries, call, alive.lost);
      } finally {
        alive.stop();
        await lease.release().catch((error: Error) => {
          pendingUnlock.set(lockKey, lease);
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
