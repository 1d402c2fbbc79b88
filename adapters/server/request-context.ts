import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../../src/logger.js';

const REQUEST_ID = /^[\w.:-]{1,128}$/;
/** Paths whose rest is a password (calendar tokens), whatever the method or route that answered. */
const SECRET_PATH = /^(\/+calendar\/).+/i;

/** The path as the access log may show it: a secret segment becomes an ellipsis. */
export function loggablePath(path: string): string {
  return path.replace(SECRET_PATH, '$1…');
}

/** The request id and child logger the server attaches to every request, for plugins to use. */
export function requestContext(res: Response): { requestId: string; logger: Logger } {
  return res.locals as { requestId: string; logger: Logger };
}

/**
 * Gives each request an id (the caller's x-request-id when sane, else a random one) and a
 * child logger carrying it; logs one access line per request, never bodies or query strings.
 */
export function requestLogging(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const header = req.get('x-request-id');
    const requestId = header && REQUEST_ID.test(header) ? header : randomUUID();
    const log = logger.child({ requestId });
    res.locals.requestId = requestId;
    res.locals.logger = log;
    res.setHeader('x-request-id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const line = {
        method: req.method,
        path: loggablePath(req.path),
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
      };
      // Probes hit these every few seconds: keep them out of info-level logs.
      if (req.path === '/healthz' || req.path === '/readyz' || req.path === '/metrics')
        log.debug(line, 'request');
      else log.info(line, 'request');
    });
    next();
  };
}
