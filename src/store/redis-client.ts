import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';

/**
 * A Redis client that fails fast: with no offline queue a command during an outage errors at
 * once instead of hanging a reply, and the client keeps reconnecting in the background.
 */
export function createRedisClient(url: string, logger: Logger): Redis {
  const client = new Redis(url, {
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 5_000,
    // A Redis that stops replying without dropping the connection must not hang a reply.
    commandTimeout: 2_000,
    retryStrategy: (times) => Math.min(times * 250, 2_000),
  });
  let lastError = '';
  client.on('error', (error: Error) => {
    // Reconnection repeats the same error every retry: log each new one once.
    if (error.message !== lastError) logger.warn({ err: error }, 'redis error');
    lastError = error.message;
  });
  client.on('ready', () => {
    if (lastError) logger.info('redis reconnected');
    lastError = '';
  });
  return client;
}

/** True once the client is ready; false after `ms` without it. */
export async function waitForReady(client: Redis, ms: number): Promise<boolean> {
  if (client.status === 'ready') return true;
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      client.off('ready', onReady);
      resolve(ok);
    };
    const onReady = () => done(true);
    const timer = setTimeout(() => done(false), ms);
    client.on('ready', onReady);
  });
}
