import type { Request, Response } from 'express';
import { buildCalendar } from '../../src/calendar/ics.js';
import { createCalendarTokens } from '../../src/calendar/tokens.js';
import { programsOf, type Runtime } from '../../src/runtime.js';
import type { ServerPlugin } from '../server/plugin.js';

/**
 * GET /calendar/<token>.ics: a resident's rotations for their calendar app to subscribe to.
 * An unknown token gets a bare 404, the same as a token whose resident left the schedule.
 */
export function createCalendarPlugin(runtime: Runtime): ServerPlugin {
  // Each program keeps its own tokens: a token finds its program's resident, never another's.
  const programs = programsOf(runtime).map((p) => ({ ...p, tokens: createCalendarTokens(p.store) }));

  async function find(token: string) {
    for (const p of programs) {
      const email = await p.tokens.emailFor(token);
      const resident = email ? p.schedule.current().byEmail(email) : undefined;
      if (resident) return { resident, knowledge: p.knowledge.current() };
    }
    return undefined;
  }

  async function serve(req: Request, res: Response): Promise<void> {
    const file = String(req.params['file'] ?? '');
    // The token is a password: the access log reads req.path when the response finishes.
    req.url = '/calendar/…';
    res.setHeader('cache-control', 'private, max-age=900');
    res.setHeader('referrer-policy', 'no-referrer');
    const token = file.endsWith('.ics') ? file.slice(0, -'.ics'.length) : '';
    const found = token ? await find(token) : undefined;
    if (!found) {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    const { resident, knowledge } = found;
    const body = buildCalendar(resident, knowledge, { now: runtime.clock() });
    res.status(200).type('text/calendar; charset=utf-8');
    res.setHeader('content-disposition', 'inline; filename="rotations.ics"');
    res.send(body);
    res.locals['logger']?.debug({ blocks: resident.blocks.length }, 'calendar served');
  }

  return {
    name: 'calendar',
    mount(app) {
      app.get('/calendar/:file', serve);
    },
  };
}
