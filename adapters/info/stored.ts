import type { Config } from '../../src/config.js';

/**
 * What the bot keeps about the people who use it, for the privacy page: each kind of record,
 * why, and for how long. The durations are written here, not imported, so the page does not load
 * Bolt or botbuilder; test/server/info-pages.test.ts holds each one to the constant the code uses.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const KEPT_FOR = {
  slackEvent: HOUR,
  teamsActivity: 10 * MINUTE,
  welcomed: 365 * DAY,
  slackUser: 6 * HOUR,
  slackUserByEmail: 7 * DAY,
  teamsMember: DAY,
  teamsMemberMiss: 10 * MINUTE,
  teamsReference: 400 * DAY,
  teamsReferenceBytes: 4096,
  rateWindow: MINUTE,
  handoffRate: DAY,
  delivery: 45 * DAY,
  slackShare: DAY,
  keptAnswer: 2 * DAY,
  programChoice: 180 * DAY,
  programPending: 10 * MINUTE,
} as const;

/** "10 minutes", "6 hours", "45 days", "1 year" (365 days). */
export function duration(ms: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (ms === 365 * DAY) return '1 year';
  if (ms % DAY === 0 && ms > DAY) return plural(ms / DAY, 'day');
  if (ms % HOUR === 0) return plural(ms / HOUR, 'hour');
  return plural(Math.round(ms / MINUTE), 'minute');
}

export interface StoredRecord {
  what: string;
  kept: string;
}

export type StoredConfig = Pick<
  Config,
  | 'REDIS_URL'
  | 'CONTEXT_TTL_MINUTES'
  | 'FEEDBACK'
  | 'HANDOFF_KEEP_DAYS'
  | 'UNANSWERED_KEEP_DAYS'
  | 'UNANSWERED_KEEP_TEXT'
>;

/** Where the records live, in words. */
export function storedWhere(config: Pick<Config, 'REDIS_URL'>): string {
  return config.REDIS_URL
    ? 'in this deployment’s Redis database, under its own key prefix, shared by its server processes'
    : 'in the server process’s memory only: a restart forgets all of it';
}

/** Every kind of record this configuration keeps, in the order the privacy page lists them. */
export function storedRecords(config: StoredConfig, options: { programs: number }): StoredRecord[] {
  const days = (n: number) => duration(n * DAY);
  const records: StoredRecord[] = [
    {
      what:
        'Conversation context: what the bot understood of your last few questions in one conversation ' +
        '(the ids of rotations, sites, procedures and training years, dates, and the names of residents ' +
        'asked about), so that a follow-up such as “and April?” works. Never the text of your messages. ' +
        'It is kept under a hashed key per conversation and person.',
      kept:
        config.CONTEXT_TTL_MINUTES > 0
          ? `${duration(config.CONTEXT_TTL_MINUTES * MINUTE)} after your last message`
          : 'not kept: follow-ups are turned off',
    },
    {
      what:
        'Duplicate marks: the ids of Slack events and Teams messages already answered, so a message the ' +
        'platform delivers twice is answered once. Ids only, no text.',
      kept: `${duration(KEPT_FOR.slackEvent)} (Slack), ${duration(KEPT_FOR.teamsActivity)} (Teams)`,
    },
    {
      what: 'Welcome marks: that a Slack user or a Teams conversation has been welcomed, so it happens once.',
      kept: duration(KEPT_FOR.welcomed),
    },
    {
      what:
        'Who you are on the platform: the email (and on Slack the display name) that Slack or Teams ' +
        'reports for your account, so that “my schedule” finds you on the schedule; for reminders, ' +
        'the Slack user id that belongs to a resident’s email.',
      kept:
        `${duration(KEPT_FOR.slackUser)} (Slack), ${duration(KEPT_FOR.teamsMember)} ` +
        `(Teams; ${duration(KEPT_FOR.teamsMemberMiss)} when Teams did not say), ` +
        `${duration(KEPT_FOR.slackUserByEmail)} (the reminders’ look-up)`,
    },
    {
      what:
        'Teams conversation references: where the bot may post later (the conversation id, Microsoft’s ' +
        'service address, the bot’s and your Teams ids), and pointers from your Teams ids and email to ' +
        'your personal chat with the bot. Stored only from traffic Microsoft has signed, at most ' +
        `${KEPT_FOR.teamsReferenceBytes / 1024} kB each.`,
      kept: `${duration(KEPT_FOR.teamsReference)} after last written or used`,
    },
    {
      what:
        'Counters: how many questions a person asked in the last minute (the rate limit), and how many ' +
        'questions they handed to the coordinators in the last day.',
      kept: `${duration(KEPT_FOR.rateWindow)}; ${duration(KEPT_FOR.handoffRate)}`,
    },
    {
      what:
        'Announcements and reminders: which monthly announcement and which personal reminder was posted ' +
        'to whom (a Slack or Teams id or an email), so that each is posted once.',
      kept: duration(KEPT_FOR.delivery),
    },
    {
      what:
        'Calendar links: the secret token of a resident’s calendar feed and the email it belongs to, ' +
        'made the first time the resident asks for the link.',
      kept: 'until the link is replaced (then the old token is deleted at once)',
    },
    {
      what:
        'Slack “Share in channel”: for a private answer to /rotabot, the question and the answer, so ' +
        'that the button posts exactly that answer.',
      kept: duration(KEPT_FOR.slackShare),
    },
  ];
  if (config.FEEDBACK) {
    records.push(
      {
        what:
          'Answers with Helpful / Not helpful buttons: the question, the answer, who asked (name and ' +
          'training level, no email) and where, so that a vote or “Ask a coordinator” can refer to it.',
        kept: duration(KEPT_FOR.keptAnswer),
      },
      {
        what: 'Votes: who voted on which answer (no text), and the number of votes per topic and per fact.',
        kept: days(config.HANDOFF_KEEP_DAYS),
      },
      {
        what:
          'Questions handed to the coordinators: the question, the bot’s answer, the coordinators’ ' +
          'replies and whether the reply reached you.',
        kept: `${days(config.HANDOFF_KEEP_DAYS)} after the last reply (an unanswered one: after it was asked)`,
      },
    );
  }
  if (config.REDIS_URL && config.UNANSWERED_KEEP_DAYS > 0) {
    records.push({
      what: config.UNANSWERED_KEEP_TEXT
        ? 'Questions the bot could not answer: the question’s text, its topic, the platform and the time ' +
          '(this program has chosen to keep the text), so the coordinators can teach the bot.'
        : 'Questions the bot could not answer: the topic, the platform and the time only, not the text, ' +
          'so the coordinators can see what is missing.',
      kept: days(config.UNANSWERED_KEEP_DAYS),
    });
  }
  if (options.programs > 1) {
    records.push(
      {
        what: 'Which of this deployment’s programs you chose, so you are not asked again.',
        kept: duration(KEPT_FOR.programChoice),
      },
      {
        what: 'A question that waits for you to choose a program: its text.',
        kept: duration(KEPT_FOR.programPending),
      },
    );
  }
  return records;
}
