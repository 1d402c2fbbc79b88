import type { Messenger } from '../reminders/messenger.js';
import { createRunner, type Delivery, type RunReport } from '../reminders/runner.js';
import type { Runtime } from '../runtime.js';
import { addDays, type IsoDate, localDate, weekday } from '../time/local-date.js';
import { createUnansweredLog } from '../unanswered.js';
import { collectReport, reportSections } from './report.js';

/**
 * The weekly report to the coordinators' place (HANDOFF_REPORT_CRON), posted once per week
 * whatever the replicas and restarts: the reminders' runner delivers it, as job 'report' for
 * the week's Monday ('handoff-week:2026-11-23').
 */
export interface WeeklyReport {
  /** Posts this week's report if it has not gone out yet. */
  runWeek(now?: Date): Promise<RunReport | null>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function weekOf(date: IsoDate): IsoDate {
  return addDays(date, -((weekday(date) + 6) % 7));
}

export function createWeeklyReport(runtime: Runtime, messengers: Messenger[]): WeeklyReport {
  const { config, logger, store } = runtime;
  const runner = createRunner({ store, logger, clock: runtime.clock, inFlight: config.ONCE_POLICY });
  let task: { stop(): void | Promise<void> } | undefined;
  const targets = [
    { messenger: messengers.find((m) => m.platform === 'slack'), channel: config.handoffSlackChannel },
    { messenger: messengers.find((m) => m.platform === 'teams'), channel: config.handoffTeamsConversation },
  ].filter((t): t is { messenger: Messenger; channel: string } => Boolean(t.messenger && t.channel));

  async function runWeek(now: Date = runtime.clock()): Promise<RunReport | null> {
    if (!targets.length) return null;
    const week = weekOf(localDate(now, runtime.knowledge.current().program.time_zone));
    const report = await collectReport(store, await createUnansweredLog(store, config).list(10_000));
    const sections = reportSections(report, {
      unanswered: config.UNANSWERED_KEEP_DAYS,
      handoff: config.HANDOFF_KEEP_DAYS,
    });
    const text = [
      `rotabot's week (from ${week})`,
      ...sections.map((s) => [s.title, ...s.lines.map((l) => `• ${l}`)].join('\n')),
      'Details and ready-to-paste FAQ entries: npm run cli -- unanswered (--faq).',
    ].join('\n\n');
    const deliveries: Delivery[] = targets.map(({ messenger, channel }) => ({
      recipient: `${messenger.platform}:${channel}`,
      group: `${messenger.platform}:${channel}`,
      label: `coordinator channel ${channel}`,
      platform: messenger.platform,
      prepare: (tag) => messenger.prepare({ channel }, { text }, tag),
    }));
    const result = await runner.run('report', `handoff-week:${week}`, deliveries);
    logger.info({ week, status: result.status, sent: result.sent }, 'handoff: weekly report');
    return result;
  }

  return {
    runWeek,
    async start() {
      if (!config.HANDOFF_REPORT_CRON || !targets.length) return;
      const { schedule } = await import('node-cron');
      task = schedule(
        config.HANDOFF_REPORT_CRON,
        () => {
          void runWeek().catch((error: Error) =>
            logger.warn({ err: error.message }, 'handoff: weekly report failed; the next tick tries again'),
          );
        },
        { timezone: runtime.knowledge.current().program.time_zone },
      );
    },
    async stop() {
      await task?.stop();
      await runner.stop();
    },
  };
}
