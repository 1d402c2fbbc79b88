import express, { type NextFunction, type Request, type Response } from 'express';
import * as z from 'zod/mini';
import { hostOfHeader, isLoopbackHost } from '../../src/net/loopback.js';
import { programsOf, type Runtime } from '../../src/runtime.js';
import { optionalText } from '../../src/zod-fields.js';
import type { ServerPlugin } from '../server/plugin.js';
import { requestContext } from '../server/request-context.js';
import { DESK_CSS, DESK_JS } from './desk-page.js';
import { createWebDesk, feedbackHtml, mountWebHandoff, webAsker } from './handoff.js';
import { CHAT_CSS, CHAT_JS, FAVICON_SVG, pageHtml } from './page.js';
import { renderAnswerHtml } from './render.js';
import { createResidentIds } from './residents.js';

const AskBody = z.object({
  text: z.string({ error: 'expects text' }),
  as: optionalText(),
  /** The page's own conversation id (random per page load): follow-ups share its context. */
  conversation: z.optional(
    z
      .string()
      .check(
        z.regex(/^[A-Za-z0-9._:-]{1,100}$/, { error: 'expects a short id of letters, digits and . _ : -' }),
      ),
  ),
  /** A program id, from the picker shown when the server serves several. */
  program: optionalText(z.maxLength(100)),
});

// Everything the page needs comes from this server; inline scripts and other origins are refused.
const CSP =
  "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const WEB_PATH = /^\/(web\/|api\/web\/|$)/;

/**
 * The web chat answers only requests addressed to this machine by name: a page on another site
 * that rebinds its DNS name to 127.0.0.1 still sends its own name as Host, and gets 421.
 */
function loopbackHostOnly(req: Request, res: Response, next: NextFunction): void {
  if (!WEB_PATH.test(req.path) || isLoopbackHost(hostOfHeader(req.get('host') ?? ''))) {
    next();
    return;
  }
  requestContext(res).logger?.info({ status: 421, reason: 'host_not_loopback' }, 'web: request refused');
  res.status(421).json({ error: 'misdirected', message: 'the web chat answers only on localhost' });
}

function sendAsset(res: Response, type: string, body: string): void {
  res.type(type).setHeader('cache-control', 'no-cache');
  res.send(body);
}

/**
 * The local web chat: GET / (the page), GET /api/web/roster (who you can be, from the schedule),
 * POST /api/web/ask. A development page: it listens on loopback unless HOST says otherwise.
 */
export function createWebChatPlugin(runtime: Runtime): ServerPlugin {
  runtime.handoff?.register(createWebDesk(runtime));
  const ids = createResidentIds();
  // The picker sends an opaque id; an email typed by a local tool is taken as it is.
  const residentEmail = (as: string | undefined): string | undefined =>
    as?.includes('@') ? as.toLowerCase() : as && ids.emailOf(as, runtime.schedule.current().residents);
  return {
    name: 'web',
    mount(app) {
      app.use(loopbackHostOnly);
      app.get('/', (_req, res) => {
        res.setHeader('content-security-policy', CSP);
        res.setHeader('x-content-type-options', 'nosniff');
        sendAsset(res, 'html', pageHtml(runtime.config.MAX_QUESTION_CHARS));
      });
      app.get('/web/chat.css', (_req, res) => sendAsset(res, 'css', CHAT_CSS + DESK_CSS));
      app.get('/web/chat.js', (_req, res) => sendAsset(res, 'js', CHAT_JS));
      app.get(['/web/favicon.svg', '/favicon.ico'], (_req, res) =>
        sendAsset(res, 'image/svg+xml', FAVICON_SVG),
      );
      app.get('/web/desk.js', (_req, res) => sendAsset(res, 'js', DESK_JS));

      app.get('/api/web/roster', (_req, res) => {
        const people = runtime.schedule
          .current()
          .residents.map((r) => ({ id: ids.idOf(r.email), name: r.name, level: r.level }));
        // The picker appears only when the server answers for several programs.
        const several = programsOf(runtime).length > 1;
        const programs = several
          ? programsOf(runtime).map((p) => ({ id: p.id, name: p.knowledge.current().program.name }))
          : [];
        res.json({ people, programs });
      });
      mountWebHandoff(app, runtime, residentEmail);

      app.post('/api/web/ask', express.json({ limit: '16kb' }), async (req, res) => {
        const parsed = AskBody.safeParse(req.body);
        if (!parsed.success) {
          res.status(400).json({
            error: 'bad_request',
            message: 'expects JSON {"text": "…", "as": "resident id"?, "conversation": "id"?}',
          });
          return;
        }
        const { text, conversation, program } = parsed.data;
        const as = residentEmail(parsed.data.as);
        if (parsed.data.as && !as) {
          res.status(409).json({
            error: 'unknown_resident',
            message: 'that resident is no longer on the schedule: reload the page',
          });
          return;
        }
        const { requestId, logger } = requestContext(res);
        logger.debug({ text }, 'web question');
        const answer = await runtime.bot.handle({
          text,
          asker: as ? { email: as, platformUserId: as } : {},
          platform: 'web',
          conversation: 'private',
          ...(conversation ? { conversationId: `web:${conversation}` } : {}),
          now: runtime.clock(),
          requestId,
          ...(program ? { program } : {}),
        });
        const feedback = await feedbackHtml(runtime, {
          question: text,
          answer,
          asker: webAsker(as, conversation),
          ...(conversation ? { conversation } : {}),
        });
        res.json({ answer, html: renderAnswerHtml(answer) + feedback });
      });
    },
  };
}
