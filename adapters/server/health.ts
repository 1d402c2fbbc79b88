import type { Request, Response } from 'express';
import type { Runtime } from '../../src/runtime.js';

const PING_TIMEOUT_MS = 2_000;

export interface Readiness {
  ready: boolean;
  checks: Record<string, 'ok' | string>;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no reply within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Knowledge and schedule loaded, and Redis answering when the process is configured to use it. */
export async function checkReadiness(runtime: Runtime): Promise<Readiness> {
  const checks: Record<string, string> = {};
  for (const [name, source] of [
    ['knowledge', runtime.knowledge],
    ['schedule', runtime.schedule],
  ] as const) {
    try {
      checks[name] = source.current() ? 'ok' : 'not loaded';
    } catch (error) {
      checks[name] = (error as Error).message || 'not loaded';
    }
  }
  if (runtime.config.REDIS_URL) {
    try {
      await withTimeout(runtime.store.ping(), PING_TIMEOUT_MS);
      checks.redis = 'ok';
    } catch (error) {
      checks.redis = `unreachable: ${(error as Error).message}`;
    }
  }
  return { ready: Object.values(checks).every((c) => c === 'ok'), checks };
}

export function healthz(_req: Request, res: Response): void {
  res.json({ status: 'ok' });
}

export function readyz(runtime: Runtime) {
  return async (_req: Request, res: Response): Promise<void> => {
    const { ready, checks } = await checkReadiness(runtime);
    const failed = Object.keys(checks).filter((k) => checks[k] !== 'ok');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks, failed });
  };
}
