import type { Activity, TurnContext } from 'botbuilder';
import express, { type Request, type Response } from 'express';
import { hostOfHeader, isLoopbackHost } from '../../src/net/loopback.js';
import type { Runtime } from '../../src/runtime.js';
import type { ServerPlugin } from '../server/plugin.js';
import { requestContext } from '../server/request-context.js';
import { createTeamsAdapter, isAuthenticationError, type TeamsAdapter } from './adapter.js';
import { createTeamsDesk } from './handoff.js';
import { createReferenceBook } from './references.js';
import { serviceHostOf, serviceUrlVouched } from './service-url.js';
import { createTurnHandler } from './turn.js';

export const TEAMS_ROUTE = '/api/messages';

const SORRY =
  'Sorry, something went wrong on my side while answering that. Please try again in a minute; ' +
  'if it keeps happening, tell the program coordinator.';

/** Refused service hosts are logged once each; past this many, no more are remembered. */
const MAX_REFUSED_HOSTS = 100;

function isActivity(body: unknown): body is Activity {
  return typeof body === 'object' && body !== null && typeof (body as { type?: unknown }).type === 'string';
}

export interface TeamsPluginOptions {
  /** Share one adapter with the messenger (createTeamsAdapter); one is made from config otherwise. */
  adapter?: TeamsAdapter;
}

/**
 * Microsoft Teams through the Bot Framework: POST /api/messages on the shared server. With
 * MicrosoftAppId every request's token is checked; without it only the Emulator mode
 * (TEAMS_EMULATOR=on) mounts the route, unauthenticated, for loopback clients only.
 */
export function createTeamsPlugin(runtime: Runtime, options: TeamsPluginOptions = {}): ServerPlugin {
  const { config, logger } = runtime;
  const authenticated = config.teamsAuthenticated;
  if (!authenticated && !config.TEAMS_EMULATOR) {
    throw new Error('Teams needs MicrosoftAppId (or TEAMS_EMULATOR=on for the local Emulator)');
  }
  const adapter = options.adapter ?? createTeamsAdapter(config);
  const handle = createTurnHandler(runtime, createReferenceBook(runtime.store));
  runtime.handoff?.register(createTeamsDesk(runtime, adapter));
  const inFlight = new Set<Promise<unknown>>();
  const refusedHosts = new Set<string>();

  // Errors are caught once, here: log, count, tell the person, keep running.
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error(
      { err: error, activityId: context.activity.id, type: context.activity.type },
      'teams: turn failed',
    );
    runtime.metrics.platformError('teams', (error as { code?: string }).code ?? 'turn_failed');
    if (context.activity.type !== 'message') return;
    await context
      .sendActivity({ type: 'message', text: SORRY })
      .catch((sendError) => logger.warn({ err: sendError }, 'teams: could not send the apology'));
  };

  // Nothing is sent anywhere the platform did not vouch for: no reply, no typing, no look-up.
  async function logic(context: TurnContext): Promise<void> {
    if (!serviceUrlVouched(context, !authenticated)) {
      const host = serviceHostOf(context.activity.serviceUrl);
      runtime.metrics.platformError('teams', 'service_url_refused');
      if (!refusedHosts.has(host) && refusedHosts.size < MAX_REFUSED_HOSTS) {
        refusedHosts.add(host);
        logger.warn({ serviceHost: host }, 'teams: service URL not vouched for; nothing sent there');
      }
      return;
    }
    await handle(context);
  }

  /** One structured line per refused request, never a stack trace or the token. */
  function refuse(res: Response, status: number, error: string, message: string): void {
    const log = requestContext(res).logger ?? logger;
    log.info({ route: TEAMS_ROUTE, status, reason: error }, 'teams: request refused');
    res.status(status).json({ error, message });
  }

  async function process(req: Request, res: Response): Promise<void> {
    const activity = req.body as Activity;
    const header = req.get('authorization') ?? '';
    try {
      const invoke = await adapter.handleActivity(header, activity, logic);
      res.status(invoke?.status ?? 200);
      if (invoke?.body !== undefined) res.json(invoke.body);
      else res.end();
    } catch (error) {
      if (isAuthenticationError(error)) {
        runtime.metrics.platformError('teams', 'unauthorized');
        refuse(res, 401, 'unauthorized', 'a valid Bot Framework token is required');
        return;
      }
      logger.error({ err: error, activityId: activity.id }, 'teams: activity failed');
      if (!res.headersSent)
        res.status(500).json({ error: 'internal', message: 'something went wrong on our side' });
    }
  }

  return {
    name: 'teams',
    mount(app) {
      app.post(
        TEAMS_ROUTE,
        (req, res, next) => {
          // The Emulator mode has no authentication: only this machine may use it.
          if (authenticated) return next();
          const peer = req.socket.remoteAddress ?? '';
          if (!isLoopbackHost(peer) || !isLoopbackHost(hostOfHeader(req.get('host') ?? ''))) {
            refuse(res, 403, 'forbidden', 'the unauthenticated Emulator mode serves this machine only');
            return;
          }
          next();
        },
        express.json({ limit: '256kb' }),
        async (req, res) => {
          if (!isActivity(req.body)) {
            refuse(res, 400, 'bad_request', 'expects a Bot Framework activity (JSON with a type)');
            return;
          }
          const work = process(req, res);
          inFlight.add(work);
          try {
            await work;
          } finally {
            inFlight.delete(work);
          }
        },
      );
      if (authenticated) logger.info({ route: TEAMS_ROUTE, authenticated }, 'teams: listening');
      else
        logger.warn(
          { route: TEAMS_ROUTE, authenticated },
          'teams: Emulator mode (TEAMS_EMULATOR=on): unauthenticated, loopback clients only — never in production',
        );
    },
    async stop() {
      await Promise.allSettled([...inFlight]);
    },
  };
}
