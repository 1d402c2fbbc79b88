import type { CloudAdapter, TurnContext } from 'botbuilder';
import express from 'express';
import type { Runtime } from '../../src/runtime.js';
import type { ServerPlugin } from '../server/plugin.js';
import { createTeamsAdapter } from './adapter.js';
import { createReferenceBook } from './references.js';
import { createTurnHandler } from './turn.js';

export const TEAMS_ROUTE = '/api/messages';

const SORRY =
  'Sorry, something went wrong on my side while answering that. Please try again in a minute; ' +
  'if it keeps happening, tell the program coordinator.';

function isActivity(body: unknown): boolean {
  return typeof body === 'object' && body !== null && typeof (body as { type?: unknown }).type === 'string';
}

export interface TeamsPluginOptions {
  /** Share one adapter with the messenger (createTeamsAdapter); one is made from config otherwise. */
  adapter?: CloudAdapter;
}

/** Microsoft Teams through the Bot Framework: POST /api/messages on the shared server. */
export function createTeamsPlugin(runtime: Runtime, options: TeamsPluginOptions = {}): ServerPlugin {
  const adapter = options.adapter ?? createTeamsAdapter(runtime.config);
  const handle = createTurnHandler(runtime, createReferenceBook(runtime.store));
  const inFlight = new Set<Promise<unknown>>();

  // Errors are caught once, here: log, count, tell the person, keep running.
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    runtime.logger.error(
      { err: error, activityId: context.activity.id, type: context.activity.type },
      'teams: turn failed',
    );
    runtime.metrics.platformError('teams', (error as { code?: string }).code ?? 'turn_failed');
    if (context.activity.type !== 'message') return;
    await context
      .sendActivity({ type: 'message', text: SORRY })
      .catch((sendError) => runtime.logger.warn({ err: sendError }, 'teams: could not send the apology'));
  };

  return {
    name: 'teams',
    mount(app) {
      app.post(TEAMS_ROUTE, express.json({ limit: '256kb' }), async (req, res) => {
        if (!isActivity(req.body)) {
          res
            .status(400)
            .json({ error: 'bad_request', message: 'expects a Bot Framework activity (JSON with a type)' });
          return;
        }
        const work = adapter.process(req, res, handle);
        inFlight.add(work);
        try {
          await work;
        } finally {
          inFlight.delete(work);
        }
      });
      runtime.logger.info(
        { route: TEAMS_ROUTE, authenticated: runtime.config.teamsAuthenticated },
        runtime.config.teamsAuthenticated
          ? 'teams: listening'
          : 'teams: listening without authentication (MicrosoftAppId unset; for the Bot Framework Emulator only)',
      );
    },
    async stop() {
      await Promise.allSettled([...inFlight]);
    },
  };
}
