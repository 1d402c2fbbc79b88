import type { Config } from './config.js';
import type { Bot } from './core/types.js';
import type { HandoffService } from './handoff/service.js';
import type { Knowledge } from './knowledge/schema.js';
import type { Logger } from './logger.js';
import type { Schedule } from './schedule/types.js';
import type { Store } from './store/store.js';

/** A value that may be replaced while running (a re-read file); readers always get the last good one. */
export interface LiveSource<T> {
  current(): T;
  /** Stops any watching or polling. */
  close(): Promise<void>;
}

/** Counters the server exposes at /metrics; the core reports through this port only. */
export interface Metrics {
  answered(intent: string, unanswered: boolean): void;
  platformError(platform: string, code: string): void;
  delivered(kind: 'announcement' | 'reminder', platform: string): void;
  /** A Helpful / Not helpful vote on an answer of this intent, built from these facts. */
  feedback?(vote: 'up' | 'down', intent: string, factIds: string[]): void;
  /** A hand-off event: asked, relayed, unreachable, failed, card_failed. */
  handoff?(event: string): void;
}

export const noMetrics: Metrics = {
  answered() {},
  platformError() {},
  delivered() {},
};

/** Everything a process shares between its adapters, built once at start. */
export interface Runtime {
  config: Config;
  logger: Logger;
  store: Store;
  knowledge: LiveSource<Knowledge>;
  schedule: LiveSource<Schedule>;
  bot: Bot;
  metrics: Metrics;
  clock: () => Date;
  /** Feedback votes and hand-offs to coordinators; absent when FEEDBACK=off (and in most tests). */
  handoff?: HandoffService;
}

/** A value that never changes: for one-shot CLI commands and tests. */
export function staticSource<T>(value: T): LiveSource<T> {
  return { current: () => value, close: async () => {} };
}
