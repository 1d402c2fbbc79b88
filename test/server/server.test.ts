import { randomUUID } from 'node:crypto';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type RotabotServer } from '../../adapters/server/create-server.js';
import type { ServerPlugin } from '../../adapters/server/plugin.js';
import { silentLogger } from '../../src/logger.js';
import { createRedisClient } from '../../src/store/redis-client.js';
import { createRedisStore } from '../../src/store/redis-store.js';
import { fakeRuntime } from './fake-runtime.js';

interface ReadyBody {
  status: string;
  checks: Record<string, string>;
  failed: string[];
}
const readyBody = async (res: Response) => (await res.json()) as ReadyBody;

const servers: RotabotServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(runtime = fakeRuntime(), plugins: ServerPlugin[] = []): Promise<string> {
  const server = await createServer(runtime, plugins);
  servers.push(server);
  const { port } = await server.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${port}`;
}

describe('the HTTP server', () => {
  it('says it is alive and ready when knowledge and schedule are loaded (memory store)', async () => {
    const base = await start();
    const alive = await fetch(`${base}/healthz`);
    expect(alive.status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ready',
      checks: { knowledge: 'ok', schedule: 'ok' },
    });
  });

  it('is ready with a reachable Redis, and 503 naming redis when it is configured but unreachable', async () => {
    const up = createRedisClient('redis://127.0.0.1:6379', silentLogger);
    const good = fakeRuntime({
      env: { REDIS_URL: 'redis://127.0.0.1:6379' },
      store: createRedisStore(up, `test:server:${randomUUID()}:`),
    });
    const okBase = await start(good);
    await new Promise((r) => up.once('ready', r));
    const ok = await fetch(`${okBase}/readyz`);
    expect(ok.status).toBe(200);
    expect((await readyBody(ok)).checks.redis).toBe('ok');
    await good.store.close();

    // Nothing listens on port 1: the client's fail-fast options make /readyz answer at once.
    const down = createRedisClient('redis://127.0.0.1:1', silentLogger);
    const bad = fakeRuntime({ env: { REDIS_URL: 'redis://127.0.0.1:1' }, store: createRedisStore(down) });
    const badBase = await start(bad);
    const res = await fetch(`${badBase}/readyz`);
    expect(res.status).toBe(503);
    const body = await readyBody(res);
    expect(body.failed).toEqual(['redis']);
    expect(body.checks.redis).toMatch(/^unreachable/);
    down.disconnect();
  });

  it('is not ready when a source cannot give its value', async () => {
    const runtime = fakeRuntime({
      schedule: {
        current: () => {
          throw new Error('schedule not loaded');
        },
        close: async () => {},
      },
    });
    const res = await fetch(`${await start(runtime)}/readyz`);
    expect(res.status).toBe(503);
    expect((await readyBody(res)).failed).toEqual(['schedule']);
  });

  it('exposes answer counters at /metrics', async () => {
    const runtime = fakeRuntime();
    runtime.metrics.answered('procedure.does-ir', false);
    runtime.metrics.answered('fallback', true);
    runtime.metrics.platformError('slack', 'ratelimited');
    runtime.metrics.delivered('reminder', 'teams');
    const res = await fetch(`${await start(runtime)}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('rotabot_answers_total{intent="procedure.does-ir"} 1');
    expect(text).toContain('rotabot_unanswered_total{intent="fallback"} 1');
    expect(text).toContain('rotabot_platform_errors_total{platform="slack",code="ratelimited"} 1');
    expect(text).toContain('rotabot_delivered_total{kind="reminder",platform="teams"} 1');
  });

  it('keeps counts made before the first scrape (which loads the registry) and after it', async () => {
    const runtime = fakeRuntime();
    const base = await start(runtime);
    for (let i = 0; i < 3; i++) runtime.metrics.answered('faq', false);
    runtime.metrics.feedback?.('up', 'faq', ['tips', 'y90']);
    const first = await (await fetch(`${base}/metrics`)).text();
    expect(first).toContain('rotabot_answers_total{intent="faq"} 3');
    expect(first).toContain('rotabot_feedback_facts_total{vote="up",fact="y90"} 1');
    runtime.metrics.answered('faq', false);
    runtime.metrics.answered('schedule.who', false);
    const second = await (await fetch(`${base}/metrics`)).text();
    expect(second).toContain('rotabot_answers_total{intent="faq"} 4');
    expect(second).toContain('rotabot_answers_total{intent="schedule.who"} 1');
  });

  it('answers unknown routes with JSON 404 and echoes a sane request id', async () => {
    const base = await start();
    const res = await fetch(`${base}/nope`, { headers: { 'x-request-id': 'abc-123' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('x-request-id')).toBe('abc-123');
    expect(await res.json()).toMatchObject({ error: 'not_found' });
    const other = await fetch(`${base}/healthz`, { headers: { 'x-request-id': 'bad id <script>' } });
    expect(other.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses oversize bodies with 413, from a plugin parser and from the server backstop', async () => {
    const plugin: ServerPlugin = {
      name: 'echo',
      mount(app) {
        app.post('/echo', express.json({ limit: '1kb' }), (req, res) => {
          res.json(req.body);
        });
      },
    };
    const base = await start(fakeRuntime(), [plugin]);
    const post = (body: string) =>
      fetch(`${base}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect((await post('{"a":1}')).status).toBe(200);
    const tooBig = await post(JSON.stringify({ a: 'x'.repeat(2048) }));
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toMatchObject({ error: 'payload_too_large' });
    expect((await post(JSON.stringify({ a: 'x'.repeat(1_100_000) }))).status).toBe(413);
    const malformed = await post('{"a":');
    expect(malformed.status).toBe(400);
  });

  it('stops plugins when it closes', async () => {
    const stopped: string[] = [];
    const plugin: ServerPlugin = {
      name: 'p',
      mount() {},
      async stop() {
        stopped.push('p');
      },
    };
    const server = await createServer(fakeRuntime(), [plugin]);
    await server.listen(0, '127.0.0.1');
    await server.close();
    expect(stopped).toEqual(['p']);
  });
});
