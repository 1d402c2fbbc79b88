import type { Logger } from '../../src/logger.js';

export interface ShutdownStep {
  name: string;
  run(): Promise<void> | void;
}

export interface ShutdownOptions {
  steps: ShutdownStep[];
  logger: Logger;
  /** The hard limit: past it the process exits with code 1 whatever is still running. */
  timeoutMs?: number;
  exit?: (code: number) => void;
}

/**
 * Runs the shutdown steps in order, once, however many signals arrive; a failing step is
 * logged and the next one still runs. Exits 0 when all finished in time.
 */
export function createShutdown(options: ShutdownOptions): (reason: string) => Promise<void> {
  const { steps, logger, timeoutMs = 10_000, exit = (code) => process.exit(code) } = options;
  let running: Promise<void> | undefined;
  return (reason) => {
    if (running) return running;
    logger.info({ reason }, 'shutting down');
    const hard = setTimeout(() => {
      logger.error({ timeoutMs }, 'shutdown took too long; exiting');
      exit(1);
    }, timeoutMs);
    hard.unref();
    running = (async () => {
      let failed = false;
      for (const step of steps) {
        try {
          await step.run();
          logger.debug({ step: step.name }, 'shutdown step done');
        } catch (error) {
          failed = true;
          logger.warn({ err: error, step: step.name }, 'shutdown step failed');
        }
      }
      clearTimeout(hard);
      logger.info({ failed }, 'stopped');
      exit(0);
    })();
    return running;
  };
}
