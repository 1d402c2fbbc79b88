import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { registryOf } from '../../src/metrics.js';
import type { Runtime } from '../../src/runtime.js';
import { healthz, readyz } from './health.js';
import type { ServerPlugin } from './plugin.js';
import { requestContext, requestLogging } from './request-context.js';

/** No route takes more than this; plugins set their own, smaller limits when they parse. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** How long close() lets requests in flight finish before it cuts the connections left. */
export const CLOSE_GRACE_MS = 5_000;

export interface RotabotServer {
  readonly app: Express;
  /** Starts listening, then starts plugins (Socket Mode connects here). */
  listen(port: number, host: string): Promise<{ port: number; host: string }>;
  /** Stops plugins (they finish what is in flight), then closes the HTTP server. */
  close(): Promise<void>;
}

function statusOf(error: unknown): number {
  const e = error as { status?: unknown; statusCode?: unknown };
  const status =
    typeof e?.status === 'number' ? e.status : typeof e?.statusCode === 'number' ? e.statusCode : 500;
  return status >= 400 && status < 600 ? status : 500;
}

const ERROR_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

/** The one HTTP server: health, readiness, metrics, then each plugin's routes. No global body parser. */
export async function createServer(runtime: Runtime, plugins: ServerPlugin[]): Promise<RotabotServer> {
  const app = express();
  let closing = false;
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(requestLogging(runtime.logger));
  // Answers being written, so that close() can have each end its connection.
  const inFlight = new Set<Response>();
  app.use((_req, res, next) => {
    // Closing: each answer ends its connection, so a client that keeps one busy (a page that
    // polls every second) cannot hold the server open.
    if (closing) res.setHeader('connection', 'close');
    else {
      inFlight.add(res);
      res.once('close', () => inFlight.delete(res));
    }
    // Every response: no referrer leaves with a link (calendar tokens live in paths), no sniffing.
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('x-content-type-options', 'nosniff');
    next();
  });
  app.use((req, res, next) => {
    // A backstop for routes whose parser forgot a limit: refuse before reading anything.
    if (Number(req.get('content-length') ?? 0) > MAX_BODY_BYTES) {
      res
        .status(413)
        .json({ error: 'payload_too_large', message: `bodies are limited to ${MAX_BODY_BYTES} bytes` });
      return;
    }
    next();
  });

  app.get('/healthz', healthz);
  app.get('/readyz', readyz(runtime));
  app.get('/metrics', async (_req, res) => {
    const registry = await registryOf(runtime.metrics);
    res.type(registry?.contentType ?? 'text/plain; version=0.0.4');
    res.send(registry ? await registry.metrics() : '');
  });

  for (const plugin of plugins) {
    await plugin.mount(app);
    runtime.logger.debug({ plugin: plugin.name }, 'plugin mounted');
  }

  app.use((req, res) => {
    res.status(404).json({ error: 'not_found', message: `no route for ${req.method} ${req.path}` });
  });
  app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const status = statusOf(error);
    const { logger } = requestContext(res);
    if (status >= 500) logger.error({ err: error }, 'request failed');
    else logger.info({ status, type: (error as { type?: string })?.type }, 'request refused');
    res.status(status).json({
      error: ERROR_CODES[status] ?? (status >= 500 ? 'internal' : 'error'),
      message: status >= 500 ? 'something went wrong on our side' : (error as Error).message,
    });
  });

  let server: Server | undefined;
  return {
    app,
    async listen(port, host) {
      server = createHttpServer(app);
      const listening = server;
      await new Promise<void>((resolve, reject) => {
        listening.once('error', reject);
        listening.listen(port, host, () => {
          listening.off('error', reject);
          resolve();
        });
      });
      for (const plugin of plugins) await plugin.start?.();
      const address = listening.address() as AddressInfo;
      return { port: address.port, host: address.address };
    },
    async close() {
      const results = await Promise.allSettled(plugins.map((p) => p.stop?.()));
      results.forEach((r, i) => {
        if (r.status === 'rejected')
          runtime.logger.warn({ err: r.reason, plugin: plugins[i]!.name }, 'plugin stop failed');
      });
      const open = server;
      if (!open?.listening) return;
      closing = true;
      for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
      await new Promise<void>((resolve) => {
        // What is left after the grace period (a request that never ends) is cut.
        const cut = setTimeout(() => open.closeAllConnections(), CLOSE_GRACE_MS);
        cut.unref();
        open.close(() => {
          clearTimeout(cut);
          resolve();
        });
        // Keep-alive sockets would hold close() open until they time out.
        open.closeIdleConnections();
      });
    },
  };
}
