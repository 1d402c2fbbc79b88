import type { Express } from 'express';

/**
 * A platform adapter as the one HTTP server sees it. There is no global body parser: each
 * plugin parses its own route (Slack needs the raw body to check signatures) with a size limit.
 */
export interface ServerPlugin {
  readonly name: string;
  /** Adds the plugin's routes to the shared app; called before the server listens. */
  mount(app: Express): void | Promise<void>;
  /** Called once the server listens (Socket Mode connects here). */
  start?(): Promise<void>;
  /** Called on shutdown: finish what is in flight, then return. */
  stop?(): Promise<void>;
}
