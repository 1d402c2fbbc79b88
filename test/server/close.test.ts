import { Agent, request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createServer } from '../../adapters/server/create-server.js';
import type { ServerPlugin } from '../../adapters/server/plugin.js';
import { fakeRuntime } from './fake-runtime.js';

/**
 * A page that polls (the web chat's desk asks every second) keeps its keep-alive connection
 * busy: close() must not wait on it for ever. Once closing, each answer ends its connection.
 */
describe('closing the HTTP server', () => {
  it('finishes the request in flight, ends its connection, and so is not held open by a client that keeps asking', async () => {
    let received: () => void = () => {};
    const inFlight = new Promise<void>((resolve) => {
      received = resolve;
    });
    const slow: ServerPlugin = {
      name: 'slow',
      mount(app) {
        app.get('/slow', (_req, res) => {
          received();
          setTimeout(() => res.send('ok'), 100);
        });
      },
    };
    const server = await createServer(fakeRuntime(), [slow]);
    const { port } = await server.listen(0, '127.0.0.1');

    // One connection, kept alive, asked again as soon as each answer is in.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const outcomes: string[] = [];
    let polling = true;
    const ask = (): Promise<void> =>
      new Promise((resolve) => {
        const req = request({ host: '127.0.0.1', port, path: '/slow', agent }, (res) => {
          res.resume();
          res.on('end', () => {
            outcomes.push(`${res.statusCode} ${res.headers.connection}`);
            resolve();
          });
        });
        req.on('error', (error: NodeJS.ErrnoException) => {
          outcomes.push(error.code ?? error.message);
          resolve();
        });
        req.end();
      });
    const poller = (async () => {
      while (polling) await ask();
    })();

    await inFlight;
    await server.close();
    polling = false;
    await poller;
    agent.destroy();

    // The answer in flight came whole and closed its connection; the next ask found no server.
    expect(outcomes[0]).toBe('200 close');
    expect(outcomes.slice(1).every((o) => o === 'ECONNREFUSED')).toBe(true);
    expect(outcomes).not.toContain('ECONNRESET');
  }, 15_000);
});
