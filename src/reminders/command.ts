import type { Config } from '../config.js';
import { createStore } from '../create-runtime.js';
import type { Knowledge } from '../knowledge/schema.js';
import { createLogger } from '../logger.js';
import { noMetrics, type Runtime, staticSource } from '../runtime.js';
import type { Schedule } from '../schedule/types.js';
import type { Store } from '../store/store.js';
import { formatDate, formatMonth } from '../time/format-date.js';
import { buildAnnouncement, buildReminder } from './content.js';
import { remindersDueOn } from './due.js';
import type { Messenger, OutgoingPost } from './messenger.js';
import type { Job, RunReport } from './runner.js';
import { createScheduler } from './scheduler.js';

/**
 * What `announce` and `remind` do, shared by both commands: a dry run prints the posts; a real
 * run goes through the same exactly-once runner as the scheduler, so running it twice (or
 * while the server's scheduler runs) posts nothing the second time.
 */

interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface JobCommandOptions {
  job: Job;
  /** 'YYYY-MM' for announce, 'YYYY-MM-DD' for remind. */
  period: string;
  dryRun: boolean;
  data: { config: Config; knowledge: Knowledge; schedule: Schedule };
  io: { stdout: Output; stderr: Output };
  /** Adapters' messengers (the core does not import them). */
  createMessengers: (runtime: Runtime) => Messenger[] | Promise<Messenger[]>;
  store?: Store;
  clock?: () => Date;
}

function formatPost(post: OutgoingPost): string {
  const items = (post.items ?? []).map((item) => `  - ${item}`);
  return [post.text, ...(post.itemsTitle && items.length ? [post.itemsTitle] : []), ...items].join('\n');
}

function destinations(config: Config): string[] {
  return [
    config.ANNOUNCE_SLACK_CHANNEL && `Slack channel ${config.ANNOUNCE_SLACK_CHANNEL}`,
    config.ANNOUNCE_TEAMS_CONVERSATION && `Teams conversation ${config.ANNOUNCE_TEAMS_CONVERSATION}`,
  ].filter((d): d is string => Boolean(d));
}

function dryRun(o: JobCommandOptions): number {
  const { config, knowledge, schedule } = o.data;
  const out = (text: string) => o.io.stdout.write(`${text}\n`);
  if (o.job === 'announce') {
    const posts = buildAnnouncement(knowledge, schedule, o.period);
    if (!posts.length) {
      o.io.stderr.write(
        `The schedule has no rotations for ${formatMonth(o.period, knowledge.program.locale)}: there is nothing to announce.\n`,
      );
      return 1;
    }
    const to = destinations(config);
    out(
      `Announcement for ${formatMonth(o.period, knowledge.program.locale)}: ${posts.length} post${posts.length > 1 ? 's' : ''}, to ${to.length ? to.join(' and ') : 'nowhere yet (set ANNOUNCE_SLACK_CHANNEL and/or ANNOUNCE_TEAMS_CONVERSATION)'}.`,
    );
    out('(dry run: nothing was posted)');
    for (const [i, post] of posts.entries()) out(`\n[post ${i + 1} of ${posts.length}]\n${formatPost(post)}`);
    return 0;
  }
  const due = remindersDueOn(schedule, o.period, { leadWeekdays: config.REMIND_LEAD_DAYS });
  out(
    `Reminders for ${formatDate(o.period, knowledge.program.locale)}: ${due.length} resident${due.length === 1 ? '' : 's'} (REMIND_LEAD_DAYS=${config.REMIND_LEAD_DAYS}).`,
  );
  out('(dry run: nothing was sent)');
  for (const { resident, block } of due) {
    const post = buildReminder(knowledge, resident, block, o.period);
    out(`\nTo ${resident.name} (${resident.level}):\n${formatPost(post).replace(/^(?=.)/gm, '  ')}`);
  }
  return 0;
}

function summary(report: RunReport, what: string): { text: string; code: number } {
  const problems = report.problems
    .map((p) => `\n  not delivered: ${p.label} (${p.platform}): ${p.state} — ${p.reason}`)
    .join('');
  switch (report.status) {
    case 'done':
      return { text: `${what}: sent ${report.sent} of ${report.total}.${problems}`, code: 0 };
    case 'already-done':
      return { text: `${what}: already sent earlier; nothing posted.`, code: 0 };
    case 'busy':
      return { text: `${what}: another process is sending it right now; nothing posted.`, code: 1 };
    case 'store-unavailable':
      return {
        text: `${what}: the store (REDIS_URL) is unreachable; nothing more was posted. Run again when it is back.`,
        code: 1,
      };
    default:
      return {
        text: `${what}: sent ${report.sent}; ${report.total - report.finished} of ${report.total} not finished. Run the command again to finish them.`,
        code: 1,
      };
  }
}

export async function runJobCommand(o: JobCommandOptions): Promise<number> {
  if (o.dryRun) return dryRun(o);
  const { config, knowledge, schedule } = o.data;
  const what =
    o.job === 'announce'
      ? `Announcement for ${formatMonth(o.period, knowledge.program.locale)}`
      : `Reminders for ${formatDate(o.period, knowledge.program.locale)}`;
  if (o.job === 'announce') {
    if (!buildAnnouncement(knowledge, schedule, o.period).length) {
      o.io.stderr.write(
        `The schedule has no rotations for ${formatMonth(o.period, knowledge.program.locale)}: there is nothing to announce.\n`,
      );
      return 1;
    }
    if (!destinations(config).length) {
      o.io.stderr.write('Nowhere to post: set ANNOUNCE_SLACK_CHANNEL and/or ANNOUNCE_TEAMS_CONVERSATION.\n');
      return 1;
    }
  }
  const clock = o.clock ?? (() => new Date());
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'error' : config.LOG_LEVEL, {
    write: (line: string) => o.io.stderr.write(line),
  });
  const store = o.store ?? (await createStore(config, logger, clock));
  try {
    if (!config.REDIS_URL && !o.store) {
      o.io.stderr.write(
        'Note: REDIS_URL is not set, so "once" holds only within this command: running it again posts again.\n',
      );
    }
    const runtime: Runtime = {
      config,
      logger,
      store,
      knowledge: staticSource(knowledge),
      schedule: staticSource(schedule),
      bot: { handle: async () => ({ intent: 'none', text: '', factIds: [] }) },
      metrics: noMetrics,
      clock,
    };
    const messengers = await o.createMessengers(runtime);
    if (!messengers.length) {
      o.io.stderr.write(
        'No platform to post to: set SLACK_BOT_TOKEN (Slack) and/or MicrosoftAppId (Teams).\n',
      );
      return 1;
    }
    const scheduler = createScheduler(runtime, messengers, { clock });
    const tty = Boolean(o.io.stderr.isTTY);
    const onProgress = (finished: number, total: number) => {
      if (total > 1) o.io.stderr.write(tty ? `\rsent ${finished}/${total}` : `sent ${finished}/${total}\n`);
    };
    const report =
      o.job === 'announce'
        ? await scheduler.runAnnouncement(o.period, { onProgress })
        : await scheduler.runReminders(o.period, { onProgress });
    if (tty && report.total > 1) o.io.stderr.write('\n');
    const { text, code } = summary(report, what);
    (code === 0 ? o.io.stdout : o.io.stderr).write(`${text}\n`);
    return code;
  } finally {
    if (!o.store) await store.close();
  }
}
