import { type ScheduledTask, schedule as scheduleCron } from 'node-cron';
import type { Runtime } from '../runtime.js';
import { StoreUnavailableError } from '../store/store.js';
import { formatMonth } from '../time/format-date.js';
import { addMonths, type IsoDate, type IsoMonth, localDate, monthOf } from '../time/local-date.js';
import { buildAnnouncement, buildReminder } from './content.js';
import { type CronTimes, createCronTimes } from './cron-time.js';
import { remindersDueOn } from './due.js';
import type { Messenger } from './messenger.js';
import {
  createRunner,
  type Delivery,
  type Job,
  type RunCallOptions,
  type RunnerOptions,
  type RunProblem,
  type RunReport,
} from './runner.js';

/**
 * The monthly announcement and the daily personal reminders, on node-cron in the program's
 * zone. Cron ticks, start-up and a short retry timer all do the same thing — run any
 * occurrence of the last REMIND_CATCH_UP_HOURS that is not done yet — so a missed tick, a
 * restart mid-run or a store outage all end with every post sent once.
 */

export interface SchedulerOptions {
  clock?: () => Date;
  /** How often unfinished runs are retried (store outage, a failed send, another replica's crash). */
  retryMs?: number;
  runner?: Partial<Omit<RunnerOptions, 'store' | 'logger' | 'clock' | 'report'>>;
}

export interface Scheduler {
  start(): Promise<void>;
  stop(): Promise<void>;
  runAnnouncement(month: IsoMonth, options?: RunCallOptions): Promise<RunReport>;
  runReminders(date: IsoDate, options?: RunCallOptions): Promise<RunReport>;
  /** Runs every occurrence within the catch-up window that is not done yet; what start and ticks call. */
  catchUp(now?: Date): Promise<RunReport[]>;
}

/** The announcement made in a month is the next month's. */
export const announcedMonth = (runDate: IsoDate): IsoMonth => addMonths(monthOf(runDate), 1);

export function createScheduler(
  runtime: Runtime,
  messengers: Messenger[],
  options: SchedulerOptions = {},
): Scheduler {
  const { config, logger } = runtime;
  const clock = options.clock ?? runtime.clock;
  // Short enough that a run a dead replica left is finished within about a minute.
  const retryMs = options.retryMs ?? 30_000;
  const timeZone = () => runtime.knowledge.current().program.time_zone;
  const byPlatform = (platform: 'slack' | 'teams') => messengers.find((m) => m.platform === platform);
  const targets = (slack?: string, teams?: string) =>
    [
      { messenger: byPlatform('slack'), channel: slack },
      { messenger: byPlatform('teams'), channel: teams },
    ].filter((t): t is { messenger: Messenger; channel: string } => Boolean(t.messenger && t.channel));

  /** The coordinator's message about `about`, exactly once through the runner; true once told (or nowhere to tell). */
  async function tellCoordinator(about: string, text: string): Promise<boolean> {
    const deliveries: Delivery[] = targets(
      config.COORDINATOR_SLACK_CHANNEL,
      config.COORDINATOR_TEAMS_CONVERSATION,
    ).map(({ messenger, channel }) => ({
      recipient: `${messenger.platform}:${channel}`,
      group: `${messenger.platform}:${channel}`,
      label: `coordinator channel ${channel}`,
      platform: messenger.platform,
      prepare: (tag) => messenger.prepare({ channel }, { text }, tag),
    }));
    if (!deliveries.length) return true;
    const told = await runner.run('report', about, deliveries);
    return told.status === 'done' || told.status === 'already-done';
  }

  async function report(job: Job, period: string, problems: RunProblem[]): Promise<boolean> {
    const lines = problems.map((p) => `• ${p.label} (${p.platform}): ${p.state} — ${p.reason}`);
    if (job === 'report') {
      // Nobody left to tell: the log is where an undeliverable coordinator message ends.
      logger.error({ period, problems: lines }, 'reminders: could not tell the coordinator');
      return true;
    }
    const what =
      job === 'announce'
        ? `The announcement for ${formatMonth(period, runtime.knowledge.current().program.locale)}`
        : `Reminders for ${period}`;
    return tellCoordinator(`${job}:${period}`, `${what}: not delivered to\n${lines.join('\n')}`);
  }

  const runner = createRunner({
    inFlight: config.ONCE_POLICY,
    ...options.runner,
    store: runtime.store,
    logger,
    clock,
    metrics: runtime.metrics,
    report,
  });
  const notCoveredLogged = new Set<string>();

  async function runAnnouncement(month: IsoMonth, call: RunCallOptions = {}): Promise<RunReport> {
    const posts = buildAnnouncement(runtime.knowledge.current(), runtime.schedule.current(), month);
    if (!posts.length) {
      // Left open: if the coordinator fills the month in within the catch-up window, it still goes out.
      if (!notCoveredLogged.has(month)) {
        notCoveredLogged.add(month);
        logger.warn({ month }, 'reminders: the schedule does not cover this month yet; no announcement');
      }
      // Told once (the runner's keys), retried by later ticks until it is.
      await tellCoordinator(
        `announce:${month}:not-covered`,
        `The announcement for ${formatMonth(month, runtime.knowledge.current().program.locale)} was not posted: the schedule has no rotations for that month yet.`,
      ).catch((error: Error) =>
        logger.warn({ month, err: error.message }, 'reminders: could not tell the coordinator yet'),
      );
      return {
        job: 'announce',
        period: month,
        status: 'incomplete',
        total: 0,
        sent: 0,
        finished: 0,
        problems: [],
      };
    }
    const deliveries: Delivery[] = targets(
      config.ANNOUNCE_SLACK_CHANNEL,
      config.ANNOUNCE_TEAMS_CONVERSATION,
    ).flatMap(({ messenger, channel }) =>
      posts.map((post, i) => ({
        recipient: `${messenger.platform}:${channel}:part-${i + 1}`,
        group: `${messenger.platform}:${channel}`,
        label: `channel ${channel}${posts.length > 1 ? `, part ${i + 1} of ${posts.length}` : ''}`,
        platform: messenger.platform,
        prepare: (tag) => messenger.prepare({ channel }, post, tag),
      })),
    );
    return runner.run('announce', month, deliveries, { ordered: true, ...call });
  }

  async function runReminders(date: IsoDate, call: RunCallOptions = {}): Promise<RunReport> {
    const knowledge = runtime.knowledge.current();
    // A run caught up the next morning says "today", not "tomorrow".
    const localToday = localDate(clock(), timeZone());
    const today = localToday > date ? localToday : date;
    const due = remindersDueOn(runtime.schedule.current(), date, { leadWeekdays: config.REMIND_LEAD_DAYS });
    const deliveries: Delivery[] = due.flatMap(({ resident, block }) =>
      messengers.map((messenger) => ({
        recipient: `${resident.email}:${messenger.platform}`,
        group: resident.email,
        label: resident.name,
        platform: messenger.platform,
        prepare: (tag) =>
          messenger.prepare(
            {
              person: {
                email: resident.email,
                name: resident.name,
                slackId: resident.slackId,
                teamsId: resident.teamsId,
              },
            },
            buildReminder(knowledge, resident, block, today),
            tag,
          ),
      })),
    );
    return runner.run('remind', date, deliveries, call);
  }

  let crons: { announce: CronTimes; remind: CronTimes } | undefined;
  const cronsFor = () => {
    crons ??= {
      announce: createCronTimes(config.ANNOUNCE_CRON, timeZone(), 'ANNOUNCE_CRON'),
      remind: createCronTimes(config.REMIND_CRON, timeZone(), 'REMIND_CRON'),
    };
    return crons;
  };

  /** The distinct periods of a job's occurrences in the catch-up window, oldest first. */
  function periodsDue(job: 'announce' | 'remind', now: Date): string[] {
    const times = cronsFor()[job];
    const windowStart = now.getTime() - config.REMIND_CATCH_UP_HOURS * 3_600_000;
    const periods: string[] = [];
    for (
      let t = times.previous(now);
      t && t.getTime() >= windowStart;
      t = times.previous(new Date(t.getTime() - 1000))
    ) {
      const date = times.localDateOf(t);
      const period = job === 'announce' ? announcedMonth(date) : date;
      if (!periods.includes(period)) periods.unshift(period);
      if (periods.length >= 31) break;
    }
    return periods;
  }

  let catchingUp: Promise<RunReport[]> | undefined;
  async function catchUpOnce(now: Date): Promise<RunReport[]> {
    const reports: RunReport[] = [];
    for (const job of ['announce', 'remind'] as const) {
      for (const period of periodsDue(job, now)) {
        try {
          if (await runner.isDone(job, period)) continue;
          const report = job === 'announce' ? await runAnnouncement(period) : await runReminders(period);
          reports.push(report);
          if (report.status === 'done' || report.sent)
            logger.info(
              { job, period, status: report.status, sent: report.sent, total: report.total },
              'reminders: run',
            );
        } catch (error) {
          // Redis down, a schedule that failed to load…: logged, and tried again on the next retry.
          logger.warn(
            { job, period, err: (error as Error).message },
            'reminders: run not finished, will retry',
          );
          const status = error instanceof StoreUnavailableError ? 'store-unavailable' : 'incomplete';
          reports.push({ job, period, status, total: 0, sent: 0, finished: 0, problems: [] });
        }
      }
    }
    return reports;
  }

  function catchUp(now: Date = clock()): Promise<RunReport[]> {
    // One catch-up at a time per process: a tick during a long run joins it instead of racing it.
    catchingUp ??= catchUpOnce(now).finally(() => {
      catchingUp = undefined;
    });
    return catchingUp;
  }

  // Never lets a failure escape a timer: it is logged and the next tick tries again.
  const tick = () => {
    catchUp().catch((error: Error) => logger.error({ err: error.message }, 'reminders: catch-up failed'));
  };
  const cronLogger = {
    info: (message: string) => logger.debug({ source: 'node-cron' }, message),
    warn: (message: string) => logger.warn({ source: 'node-cron' }, message),
    error: (message: string | Error) => logger.error({ source: 'node-cron' }, String(message)),
    debug: (message: string | Error) => logger.debug({ source: 'node-cron' }, String(message)),
  };

  let tasks: ScheduledTask[] = [];
  let timer: NodeJS.Timeout | undefined;

  return {
    async start() {
      const { announce, remind } = cronsFor();
      if (!messengers.length) {
        logger.warn('reminders: no Slack or Teams configured; announcements and reminders are off');
        return;
      }
      tasks = [announce, remind].map((times) =>
        scheduleCron(times.expression, tick, {
          timezone: timeZone(),
          name: `rotabot ${times.expression}`,
          noOverlap: true,
          logger: cronLogger,
        }),
      );
      timer = setInterval(tick, retryMs);
      timer.unref();
      logger.info(
        {
          announce: announce.expression,
          remind: remind.expression,
          nextAnnouncement: announce.next(clock()),
          nextReminders: remind.next(clock()),
        },
        'reminders: scheduled',
      );
      tick();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await Promise.all(tasks.map((t) => t.destroy()));
      tasks = [];
      await runner.stop();
      await catchingUp?.catch(() => {});
    },
    runAnnouncement,
    runReminders,
    catchUp,
  };
}
