import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { isLoopbackHost } from './net/loopback.js';
import { DEFAULT_KEY_PREFIX } from './store/keys.js';
import { optionalText as optionalTextField } from './zod-fields.js';

/**
 * The process's configuration, parsed once at start from the environment. Nothing else
 * reads process.env: tests pass their own `env`. A wrong value stops start-up with a
 * message naming the variable and what it expects.
 */

// zod's lighter API (a start-up builds and runs these schemas before anything else, and the full
// API is a fifth of the command line's code to load), which leaves messages to a locale: English,
// as the full API sets when it loads.
z.config(en());

const ON_OFF = ['on', 'off', 'true', 'false', '1', '0', 'yes', 'no'] as const;

const onOff = (fallback: 'on' | 'off') =>
  z.pipe(
    z._default(z.enum(ON_OFF, { error: 'expects on or off' }), fallback),
    z.transform((v: (typeof ON_OFF)[number]) => ['on', 'true', '1', 'yes'].includes(v)),
  );

const optionalText = optionalTextField();

/** optionalText, checked when given. */
const optionalTextThat = (test: (v: string) => boolean, error: string) =>
  optionalText.check(z.refine((v) => v === undefined || test(v), { error }));

/** A number from its text, with zod's checks (int, minimum, …), and its value when unset. */
const numberFrom = (error: string | undefined, fallback: number, ...checks: z.core.$ZodCheck<number>[]) =>
  z._default(z.coerce.number(error ? { error } : undefined).check(...checks), fallback);

const cronExpression = z.string().check(
  z.trim(),
  z.refine((v) => /^(\S+\s+){4,5}\S+$/.test(v), { error: 'expects a cron expression such as "0 9 25 * *"' }),
);

/** What a scheduled post whose outcome is unknown, with no history to read (Teams), becomes. */
export const ONCE_POLICIES = ['at-most-once', 'at-least-once'] as const;
export type OncePolicy = (typeof ONCE_POLICIES)[number];

/**
 * "program-id=value,program-id=value": a value per program of a PROGRAMS_DIR deployment. A
 * program may be named more than once (several channels); values may contain "=" and ":".
 */
const perProgram = (what: string) =>
  z.pipe(
    optionalText,
    z.transform((v: string | undefined, ctx) => {
      const pairs: Array<{ program: string; value: string }> = [];
      for (const part of (v ?? '')
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)) {
        const at = part.indexOf('=');
        const program = part.slice(0, at).trim();
        const value = part.slice(at + 1).trim();
        if (at <= 0 || !value || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(program)) {
          ctx.issues.push({
            code: 'custom',
            input: v,
            message: `expects program-id=${what} pairs separated by commas (such as "duke-ir=${what}"); "${part}" is not one`,
          });
          return z.NEVER;
        }
        pairs.push({ program, value });
      }
      return pairs;
    }),
  );

const ConfigSchema = z
  .object({
    PORT: numberFrom('expects a port number', 3978, z.int(), z.minimum(0), z.maximum(65535)),
    HOST: optionalText,
    KNOWLEDGE_DIR: z._default(z.string().check(z.trim(), z.minLength(1)), 'knowledge'),
    SCHEDULE_FILE: optionalText,
    /** A folder of program folders (one knowledge base and schedule each); replaces KNOWLEDGE_DIR. */
    PROGRAMS_DIR: optionalText,
    PROGRAM_SCHEDULES: perProgram('SCHEDULE'),
    PROGRAM_SLACK_CHANNELS: perProgram('C0123ABCD'),
    PROGRAM_TEAMS_CONVERSATIONS: perProgram('19:…@thread.tacv2'),
    SCHEDULE_REFRESH_MINUTES: numberFrom('expects minutes', 15, z.positive()),
    REDIS_URL: optionalTextThat((v) => /^rediss?:\/\//.test(v), 'expects a redis:// or rediss:// URL'),
    REDIS_PREFIX: z._default(
      z.string().check(
        z.trim(),
        z.regex(/^[A-Za-z0-9:._-]{1,100}$/, {
          error: 'expects letters, digits and : . _ - (such as "rotabot:")',
        }),
      ),
      DEFAULT_KEY_PREFIX,
    ),
    SLACK_BOT_TOKEN: optionalTextThat(
      (v) => v.startsWith('xoxb-'),
      'expects a bot token starting with xoxb-',
    ),
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_APP_TOKEN: optionalTextThat(
      (v) => v.startsWith('xapp-'),
      'expects an app-level token starting with xapp-',
    ),
    SLACK_API_URL: optionalTextThat((v) => /^https?:\/\//.test(v), 'expects an http(s) URL'),
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: z.optional(z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'])),
    MicrosoftAppTenantId: optionalText,
    TEAMS_EMULATOR: onOff('off'),
    WEB_CHAT: z._default(z.enum(['on', 'off', 'auto'], { error: 'expects on, off or auto' }), 'auto'),
    SCHEDULER: onOff('on'),
    ANNOUNCE_CRON: z._default(cronExpression, '0 9 25 * *'),
    ANNOUNCE_SLACK_CHANNEL: optionalText,
    ANNOUNCE_TEAMS_CONVERSATION: optionalText,
    REMIND_CRON: z._default(cronExpression, '0 8 * * 1-5'),
    REMIND_LEAD_DAYS: numberFrom('expects a number of weekdays', 1, z.int(), z.minimum(0), z.maximum(30)),
    REMIND_CATCH_UP_HOURS: numberFrom('expects hours', 24, z.minimum(0), z.maximum(168)),
    ONCE_POLICY: z._default(
      z.enum(ONCE_POLICIES, { error: 'expects at-most-once or at-least-once' }),
      'at-most-once',
    ),
    COORDINATOR_SLACK_CHANNEL: optionalText,
    COORDINATOR_TEAMS_CONVERSATION: optionalText,
    PUBLIC_URL: optionalTextThat(
      (v) => /^https?:\/\//.test(v),
      'expects the public http(s) base URL of this server',
    ),
    CONTEXT_TTL_MINUTES: numberFrom(
      'expects minutes (0 turns follow-ups off)',
      30,
      z.int({ error: 'expects whole minutes (0 turns follow-ups off)' }),
      z.minimum(0, { error: 'expects minutes (0 turns follow-ups off)' }),
      z.maximum(1440, { error: 'expects at most 1440 minutes (a day)' }),
    ),
    MAX_QUESTION_CHARS: numberFrom(undefined, 2000, z.int(), z.positive()),
    RATE_LIMIT_PER_MINUTE: numberFrom(undefined, 30, z.int(), z.positive()),
    UNANSWERED_KEEP_DAYS: numberFrom(undefined, 30, z.int(), z.minimum(0)),
    UNANSWERED_KEEP_TEXT: onOff('off'),
    FEEDBACK: onOff('on'),
    HANDOFF_SLACK_CHANNEL: optionalText,
    HANDOFF_TEAMS_CONVERSATION: optionalText,
    HANDOFF_KEEP_DAYS: numberFrom('expects a number of days', 90, z.int(), z.minimum(1)),
    HANDOFF_PER_DAY: numberFrom('expects a number of hand-offs', 3, z.int(), z.minimum(0)),
    HANDOFF_REPLY_TIME: z._default(z.string().check(z.trim(), z.minLength(1)), 'within two working days'),
    HANDOFF_REPORT_CRON: z.optional(cronExpression),
    LOG_LEVEL: z._default(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), 'info'),
  })
  .check(
    z.superRefine((c, ctx) => {
      if (c.PROGRAMS_DIR && c.SCHEDULE_FILE) {
        ctx.addIssue({
          code: 'custom',
          path: ['SCHEDULE_FILE'],
          message:
            'is for one program; with PROGRAMS_DIR give each program its schedule with PROGRAM_SCHEDULES (or a schedule.csv in its folder)',
        });
      }
      const perProgramSet = (
        ['PROGRAM_SCHEDULES', 'PROGRAM_SLACK_CHANNELS', 'PROGRAM_TEAMS_CONVERSATIONS'] as const
      ).filter((name) => c[name].length > 0);
      if (!c.PROGRAMS_DIR && perProgramSet.length) {
        ctx.addIssue({
          code: 'custom',
          path: [perProgramSet[0]!],
          message: 'needs PROGRAMS_DIR (several programs)',
        });
      }
      if (c.SLACK_BOT_TOKEN && !c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET) {
        ctx.addIssue({
          code: 'custom',
          path: ['SLACK_SIGNING_SECRET'],
          message: 'is required with SLACK_BOT_TOKEN over HTTP (or set SLACK_APP_TOKEN for Socket Mode)',
        });
      }
      if ((c.SLACK_SIGNING_SECRET || c.SLACK_APP_TOKEN) && !c.SLACK_BOT_TOKEN) {
        ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: 'is required to enable Slack' });
      }
      if (c.MicrosoftAppId && !c.MicrosoftAppPassword && c.MicrosoftAppType !== 'UserAssignedMSI') {
        ctx.addIssue({
          code: 'custom',
          path: ['MicrosoftAppPassword'],
          message: 'is required with MicrosoftAppId',
        });
      }
      if (c.TEAMS_EMULATOR) {
        // The Emulator's mode is unauthenticated: only for a developer's own machine.
        if (c.MicrosoftAppId || c.SLACK_BOT_TOKEN) {
          ctx.addIssue({
            code: 'custom',
            path: ['TEAMS_EMULATOR'],
            message:
              'is for local use without platform credentials: unset MicrosoftAppId and SLACK_BOT_TOKEN, or TEAMS_EMULATOR',
          });
        }
        if (c.HOST && !isLoopbackHost(c.HOST)) {
          ctx.addIssue({
            code: 'custom',
            path: ['TEAMS_EMULATOR'],
            message: `serves loopback clients only: HOST must be 127.0.0.1, ::1 or localhost (not ${c.HOST})`,
          });
        }
      }
    }),
  );

type RawConfig = z.infer<typeof ConfigSchema>;

export interface Config extends RawConfig {
  slackEnabled: boolean;
  /** Bot Framework JWTs are checked on /api/messages (MicrosoftAppId set). */
  teamsAuthenticated: boolean;
  /** /api/messages is mounted: authenticated, or the Emulator's unauthenticated loopback mode (TEAMS_EMULATOR=on). */
  teamsEnabled: boolean;
  webChatEnabled: boolean;
  /** Where hand-off cards go: the HANDOFF_* setting, else the coordinators' place. */
  handoffSlackChannel?: string;
  handoffTeamsConversation?: string;
}

export class ConfigError extends Error {
  readonly code = 'config_invalid';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * What `npm run teams:package` needs: the app id, the public URL and where the programs are (the
 * app's names and descriptions are written from them), no secret.
 */
export type PackagingConfig = Pick<
  Config,
  'MicrosoftAppId' | 'PUBLIC_URL' | 'KNOWLEDGE_DIR' | 'PROGRAMS_DIR'
>;

/**
 * The packaging subset of the configuration: the password that running the bot needs is not
 * asked for, so whoever builds the Teams app package never has to hold it.
 */
export function loadPackagingConfig(env: Record<string, string | undefined> = process.env): PackagingConfig {
  const withoutSecretRule = {
    ...env,
    MicrosoftAppPassword: env.MicrosoftAppPassword ?? 'not-needed-to-package',
  };
  const { MicrosoftAppId, PUBLIC_URL, KNOWLEDGE_DIR, PROGRAMS_DIR } = loadConfig(withoutSecretRule);
  return { MicrosoftAppId, PUBLIC_URL, KNOWLEDGE_DIR, PROGRAMS_DIR };
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'} ${i.message}`),
    );
  }
  const c = parsed.data;
  const slackEnabled = Boolean(c.SLACK_BOT_TOKEN);
  const teamsAuthenticated = Boolean(c.MicrosoftAppId);
  const anyPlatform = slackEnabled || teamsAuthenticated;
  const webChatEnabled = c.WEB_CHAT === 'on' || (c.WEB_CHAT === 'auto' && !anyPlatform);
  const teamsEnabled = teamsAuthenticated || c.TEAMS_EMULATOR;
  const handoffSlackChannel = c.HANDOFF_SLACK_CHANNEL ?? c.COORDINATOR_SLACK_CHANNEL;
  const handoffTeamsConversation = c.HANDOFF_TEAMS_CONVERSATION ?? c.COORDINATOR_TEAMS_CONVERSATION;
  return {
    ...c,
    slackEnabled,
    teamsAuthenticated,
    teamsEnabled,
    webChatEnabled,
    ...(handoffSlackChannel ? { handoffSlackChannel } : {}),
    ...(handoffTeamsConversation ? { handoffTeamsConversation } : {}),
  };
}
