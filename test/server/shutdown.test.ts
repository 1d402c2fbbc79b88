import { describe, expect, it } from 'vitest';
import { createShutdown } from '../../adapters/server/shutdown.js';
import { silentLogger } from '../../src/logger.js';

describe('shutdown', () => {
  it('runs every step in order once, even when one fails, then exits 0', async () => {
    const ran: string[] = [];
    const exits: number[] = [];
    const shutdown = createShutdown({
      logger: silentLogger,
      exit: (code) => exits.push(code),
      steps: [
        { name: 'scheduler', run: () => void ran.push('scheduler') },
        {
          name: 'server',
          run: async () => {
            ran.push('server');
            throw new Error('already closed');
          },
        },
        { name: 'store', run: async () => void ran.push('store') },
      ],
    });
    await Promise.all([shutdown('SIGTERM'), shutdown('SIGINT')]);
    expect(ran).toEqual(['scheduler', 'server', 'store']);
    expect(exits).toEqual([0]);
  });

  it('exits 1 when a step hangs past the hard limit', async () => {
    const exits: number[] = [];
    const shutdown = createShutdown({
      logger: silentLogger,
      timeoutMs: 50,
      exit: (code) => exits.push(code),
      steps: [{ name: 'stuck', run: () => new Promise(() => {}) }],
    });
    void shutdown('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
    expect(exits).toEqual([1]);
  });
});
