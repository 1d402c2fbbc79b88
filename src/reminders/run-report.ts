import type { PostTag, PreparedPost } from './messenger.js';

/** What one run delivers and what it reports back (the runner in runner.ts drives it). */

/** 'report' is the coordinator's message about another run, itself delivered exactly once. */
export type Job = 'announce' | 'remind' | 'report';

export interface Delivery {
  /** Unique within the run: 'slack:C0123:part-1', 'ana.diaz@duke.edu:teams'. */
  recipient: string;
  /** Deliveries that reach the same person or channel; reported only if none of them arrived. */
  group: string;
  /** A name for logs and the coordinator's report (never message text, never an email). */
  label: string;
  platform: string;
  /** Look-ups and opening the conversation (safe to redo), returning the post to make. */
  prepare(tag: PostTag): Promise<PreparedPost>;
}

export type Outcome = 'done' | 'unreachable' | 'failed' | 'uncertain';

export interface RunProblem {
  label: string;
  platform: string;
  state: Exclude<Outcome, 'done'>;
  reason: string;
}

export interface RunReport {
  job: Job;
  period: string;
  /** done: finished now or earlier; busy: another replica drives it; incomplete: retried later. */
  status: 'done' | 'already-done' | 'busy' | 'incomplete' | 'store-unavailable' | 'stopped';
  total: number;
  /** Sent by this call. */
  sent: number;
  /** Recipients in a final state after this call (done by anyone, unreachable, failed, uncertain). */
  finished: number;
  problems: RunProblem[];
}

/** A run that has not delivered anything yet; each outcome starts from this. */
export function emptyReport(job: Job, period: string, total: number): RunReport {
  return { job, period, status: 'incomplete', total, sent: 0, finished: 0, problems: [] };
}
