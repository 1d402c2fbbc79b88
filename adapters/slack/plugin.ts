import { App, type Authorize, ExpressReceiver, SocketModeReceiver, webApi } from '@slack/bolt';
import express from 'express';
import type { Logger } from '../../src/logger.js';
import type { Metrics, Runtime } from '../../src/runtime.js';
import type { ServerPlugin } from '../server/plugin.js';
import { slackLogger, webClientOptions } from './client-options.js';
import { createSlackContext } from './dispatch.js';
import { slackErrorCode } from './errors.js';
import { registerActionHandlers } from './handlers/actions.js';
import { registerCommandHandler } from './handlers/command.js';
import { registerFeedbackHandlers } from './handlers/feedback.js';
import { registerHomeHandler } from './handlers/home.js';
import { registerMessageHandlers } from './handlers/messages.js';
import { createSlackDesk } from './handoff.js';
import { createSlackIdentity } from './identify.js';
import { slackVerifier } from './verify.js';

/** Events, the slash command and interactivity all arrive here (the manifest points all three at it). */
export const SLACK_EVENTS_PATH = '/slack/events';

export class SlackConfigError extends Error {
  readonly code = 'slack_config_missing';
  constructor(message: string) {
    super(message);
    this.name = 'SlackConfigError';
  }
}

/**
 * The bot's own user and bot ids (auth.test), asked once per process in the background. The ack
 * never waits for it: until it is known, mentions are stripped without it and our own posts are
 * still recognised by their bot_id. A failure is retried on a later event.
 */
function createAuthorize(token: string, client: webApi.WebClient, log: Logger, metrics: Metrics) {
  let known: { botUserId?: string; botId?: string } = {};
  let pending: Promise<void> | undefined;
  const identify = (): Promise<void> => {
    pending ??= client.auth.test().then(
      (r) => {
        known = { botUserId: r.user_id, botId: r.bot_id };
      },
      (error: unknown) => {
        const code = slackErrorCode(error);
        log.warn({ code }, 'slack auth.test failed; answering without knowing our own user id');
        metrics.platformError('slack', code);
        pending = undefined;
      },
    );
    return pending;
  };
  const authorize: Authorize<boolean> = async () => {
    if (!known.botUserId) void identify();
    return { botToken: token, ...known };
  };
  return { authorize, identify };
}

/**
 * Slack over HTTP (POST /slack/events on the shared server, signatures checked against our
 * clock) or over Socket Mode when SLACK_APP_TOKEN is set. Every Web API call goes to
 * SLACK_API_URL. Handlers answer after the ack; stop() waits for answers in flight.
 */
export function createSlackPlugin(runtime: Runtime): ServerPlugin {
  const { config } = runtime;
  const token = config.SLACK_BOT_TOKEN;
  if (!token) throw new SlackConfigError('Slack needs SLACK_BOT_TOKEN (xoxb-…): see docs/slack.md');
  const socketMode = Boolean(config.SLACK_APP_TOKEN);
  if (!socketMode && !config.SLACK_SIGNING_SECRET) {
    throw new SlackConfigError(
      'Slack over HTTP needs SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode)',
    );
  }

  const log = runtime.logger.child({ platform: 'slack' });
  const boltLogger = slackLogger(runtime.logger);
  const clientOptions = webClientOptions(config, runtime.logger);
  const router = express.Router();
  let receiver: ExpressReceiver | SocketModeReceiver;
  if (socketMode) {
    receiver = new SocketModeReceiver({
      appToken: config.SLACK_APP_TOKEN!,
      logger: boltLogger,
      // apps.connections.open is a Web API call too: it goes to SLACK_API_URL like the rest.
      installerOptions: { clientOptions },
    });
  } else {
    // Our verifier runs first (our clock, both directions of skew, one log line per refusal);
    // Bolt then reads the verified raw body it leaves behind.
    router.post(
      SLACK_EVENTS_PATH,
      ...slackVerifier({ signingSecret: config.SLACK_SIGNING_SECRET!, clock: runtime.clock, logger: log }),
    );
    receiver = new ExpressReceiver({
      signingSecret: config.SLACK_SIGNING_SECRET!,
      signatureVerification: false,
      processBeforeResponse: false,
      endpoints: SLACK_EVENTS_PATH,
      router,
      logger: boltLogger,
    });
  }

  const botClient = new webApi.WebClient(token, clientOptions);
  const { authorize, identify } = createAuthorize(token, botClient, log, runtime.metrics);
  runtime.handoff?.register(createSlackDesk(runtime, botClient));
  // Our handlers ignore our own and other bots' messages themselves, and say so in the debug log.
  const app = new App({ receiver, authorize, clientOptions, logger: boltLogger, ignoreSelf: false });
  app.error(async (error) => {
    log.error({ err: error, code: slackErrorCode(error) }, 'slack dispatch failed');
  });

  const ctx = createSlackContext(
    runtime,
    createSlackIdentity({
      store: runtime.store,
      schedule: runtime.schedule,
      logger: log,
      metrics: runtime.metrics,
    }),
  );
  registerMessageHandlers(app, ctx);
  registerCommandHandler(app, ctx);
  registerActionHandlers(app, ctx);
  registerHomeHandler(app, ctx);
  registerFeedbackHandlers(app, ctx);

  return {
    name: 'slack',
    mount(server) {
      if (!socketMode) server.use(router);
    },
    async start() {
      if (socketMode) {
        await app.start();
        log.info('slack connected over Socket Mode');
      } else {
        // Learn our own ids now, so the first event's ack does not wait for auth.test.
        void identify();
        log.info({ path: SLACK_EVENTS_PATH }, 'slack listening over HTTP');
      }
    },
    async stop() {
      if (socketMode) await app.stop();
      await ctx.drain();
    },
  };
}
