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

/** One program a process serves: its own knowledge base, schedule, bot and keys. */
export interface ProgramRuntime {
  /** The program's id (program.yaml). */
  id: string;
  /** Its folder. */
  dir: string;
  knowledge: LiveSource<Knowledge>;
  schedule: LiveSource<Schedule>;
  /** The shared store seen under this program's key scope (the shared store itself for one program). */
  store: Store;
  /** Answers for this program alone (no limits: the process's `bot` applies them once). */
  bot: Bot;
  /** Slack channels and Teams conversations bound to the program: its announcements and channel questions. */
  slackChannels: string[];
  teamsConversations: string[];
}

/** Everything a process shares between its adapters, built once at start. */
export interface Runtime {
  config: Config;
  logger: Logger;
  store: Store;
  /** The first program's knowledge base and schedule (the only ones in a one-program deployment). */
  knowledge: LiveSource<Knowledge>;
  schedule: LiveSource<Schedule>;
  /** Every program served, in folder order (absent: the one program above; read it with programsOf). */
  programs?: ProgramRuntime[];
  /** Answers for whichever program a message is for, with limits applied once. */
  bot: Bot;
  metrics: Metrics;
  clock: () => Date;
  /** Feedback votes and hand-offs to coordinators; absent when FEEDBACK=off (and in most tests). */
  handoff?: HandoffService;
}

/** The programs a runtime serves: its list, or the one program its own fields describe. */
export function programsOf(runtime: Runtime): ProgramRuntime[] {
  if (runtime.programs?.length) return runtime.programs;
  return [
    {
      id: 'default',
      dir: runtime.config.KNOWLEDGE_DIR,
      knowledge: runtime.knowledge,
      schedule: runtime.schedule,
      store: runtime.store,
      bot: runtime.bot,
      slackChannels: [],
      teamsConversations: [],
    },
  ];
}

/**
 * The runtime one program's scheduled posts and feeds run in: its knowledge, schedule and keys,
 * and its bound channels (else the deployment's) for announcements.
 */
export function programView(runtime: Runtime, program: ProgramRuntime): Runtime {
  const config = {
    ...runtime.config,
    ANNOUNCE_SLACK_CHANNEL: program.slackChannels[0] ?? runtime.config.ANNOUNCE_SLACK_CHANNEL,
    ANNOUNCE_TEAMS_CONVERSATION: program.teamsConversations[0] ?? runtime.config.ANNOUNCE_TEAMS_CONVERSATION,
  };
  return {
    ...runtime,
    config,
    knowledge: program.knowledge,
    schedule: program.schedule,
    store: program.store,
    programs: [program],
  };
}

/** A value that never changes: for one-shot CLI commands and tests. */
export function staticSource<T>(value: T): LiveSource<T> {
  return { current: () => value, close: async () => {} };
}
