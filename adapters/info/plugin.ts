import type { Response } from 'express';
import type { Knowledge } from '../../src/knowledge/schema.js';
import { programsOf, type Runtime } from '../../src/runtime.js';
import type { ServerPlugin } from '../server/plugin.js';
import { INFO_PAGES, type InfoPage, infoPageHtml } from './pages.js';

// Plain documents: an inline style block and nothing else (no scripts, images, frames or forms).
const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * GET /about, /privacy and /terms: the pages the Teams app's website, privacy and terms links
 * open. Public on every deployment (they hold no resident's data), written from the knowledge
 * base as it is now, so an edit to a program's name or contact shows at once.
 */
export function createInfoPagesPlugin(runtime: Runtime): ServerPlugin {
  function programs(): Knowledge['program'][] {
    return programsOf(runtime)
      .map((p) => p.knowledge.current()?.program)
      .filter((p): p is Knowledge['program'] => Boolean(p));
  }

  function serve(page: InfoPage, res: Response): void {
    const served = programs();
    if (!served.length) {
      res.status(503).type('text/plain').send('The knowledge base is not loaded yet.');
      return;
    }
    res.setHeader('content-security-policy', CSP);
    res.setHeader('cache-control', 'no-cache');
    res
      .status(200)
      .type('text/html; charset=utf-8')
      .send(infoPageHtml(page, served, runtime.config));
  }

  return {
    name: 'info-pages',
    mount(app) {
      for (const page of INFO_PAGES) app.get(`/${page}`, (_req, res) => serve(page, res));
    },
  };
}
