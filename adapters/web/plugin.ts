import express, { type Response } from 'express';
import * as z from 'zod';
import type { Runtime } from '../../src/runtime.js';
import type { ServerPlugin } from '../server/plugin.js';
import { requestContext } from '../server/request-context.js';
import { DESK_CSS, DESK_JS } from './desk-page.js';
import { createWebDesk, feedbackHtml, mountWebHandoff, webAsker } from './handoff.js';
import { CHAT_CSS, CHAT_JS, PAGE_HTML } from './page.js';
import { renderAnswerHtml } from './render.js';

const AskBody = z.object({
  text: z.string({ error: 'expects text' }),
  as: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined)),
  /** The page's own conversation id (random per page load): follow-ups share its context. */
  conversation: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,100}$/, { error: 'expects a short id of letters, digits and . _ : -' })
    .optional(),
});

// Everything the page needs comes from this server; inline scripts and other origins are refused.
const CSP =
  "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

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
  return {
    name: 'web',
    mount(app) {
      app.get('/', (_req, res) => {
        res.setHeader('content-security-policy', CSP);
        res.setHeader('x-content-type-options', 'nosniff');
        sendAsset(res, 'html', PAGE_HTML);
      });
      app.get('/web/chat.css', (_req, res) => sendAsset(res, 'css', CHAT_CSS + DESK_CSS));
      app.get('/web/chat.js', (_req, res) => sendAsset(res, 'js', CHAT_JS));
      app.get('/web/desk.js', (_req, res) => sendAsset(res, 'js', DESK_JS));

      app.get('/api/web/roster', (_req, res) => {
        const people = runtime.schedule
          .current()
          .residents.map((r) => ({ name: r.name, level: r.level, email: r.email }));
        res.json({ people });
      });
      mountWebHandoff(app, runtime);

      app.post('/api/web/ask', express.json({ limit: '16kb' }), async (req, res) => {
        const parsed = AskBody.safeParse(req.body);
        if (!parsed.success) {
          res.status(400).json({
            error: 'bad_request',
            message: 'expects JSON {"text": "…", "as": "email"?, "conversation": "id"?}',
          });
          return;
        }
        const { text, as, conversation } = parsed.data;
        const { requestId, logger } = requestContext(res);
        logger.debug({ text, as }, 'web question');
        const answer = await runtime.bot.handle({
          text,
          asker: as ? { email: as, platformUserId: as } : {},
          platform: 'web',
          conversation: 'private',
          ...(conversation ? { conversationId: `web:${conversation}` } : {}),
          now: runtime.clock(),
          requestId,
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
