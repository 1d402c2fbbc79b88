import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

/**
 * The server as it is deployed (node dist/adapters/main.js, its own process), started by a
 * benchmark with the GC probe preloaded: ready when /readyz says 200, and asked for its memory
 * after a forced full collection, which no route of the server offers.
 */

export interface ChildServer {
  url: string;
  readyMs: number;
  /** RSS, heap used and external memory after a full GC, in bytes. */
  memoryAfterGc(): Promise<{ rss: number; heapUsed: number; external: number }>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function stopped(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((r) => child.once('exit', () => r()));
}

/** How every benchmark runs the server: on a free local port, quiet, in memory, no scheduler. */
export function serverEnv(port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    REDIS_URL: '',
    SCHEDULER: 'off',
  };
}

export async function startServer(env: Record<string, string>): Promise<ChildServer> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--import', './bench/gc-probe.mjs', 'dist/adapters/main.js'],
    {
      env: { ...serverEnv(port), ...env },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await stopped(child);
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`exited ${child.exitCode}: ${stderr.slice(0, 300)}`);
      if (performance.now() - started > 60_000) throw new Error('not ready within 60 s');
      const ok = await fetch(`${url}/readyz`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 20));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const readyMs = performance.now() - started;
  return {
    url,
    readyMs,
    memoryAfterGc: () =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the GC probe did not answer')), 10_000);
        child.once('message', (m) => {
          clearTimeout(timer);
          resolve(m as { rss: number; heapUsed: number; external: number });
        });
        child.send('gc');
      }),
    stop,
  };
}
