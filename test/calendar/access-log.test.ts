import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCalendarPlugin } from '../../adapters/calendar/plugin.js';
import { createServer, type RotabotServer } from '../../adapters/server/create-server.js';
import { createCalendarTokens } from '../../src/calendar/tokens.js';
import { createLabelResolver } from '../../src/knowledge/rotation-names.js';
import { createLogger } from '../../src/logger.js';
import { staticSource } from '../../src/runtime.js';
import { parseSchedule } from '../../src/schedule/parse.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { type Store, StoreUnavailableError } from '../../src/store/store.js';
import { knowledge } from '../fixtures/schedule/knowledge.js';
import { createTestRuntime } from '../support/runtime.js';

const { schedule } = parseSchedule('email,name,level,2026-11\nann@example.edu,Ann Lee,R4,IR-VA\n', {
  source: 's.csv',
  resolveLabel: createLabelResolver(knowledge.rotations),
});
const logLines: string[] = [];
const memory = createMemoryStore();
let down = false;
// The memory store, until the test pulls Redis out from under a request.
const store: Store = new Proxy(memory, {
  get(target, name, receiver) {
    const value = Reflect.get(target, name, receiver);
    if (typeof value !== 'function') return value;
    return (...args: unknown[]) =>
      down
        ? Promise.reject(new StoreUnavailableError('Redis get failed: Connection is closed.'))
        : value.apply(target, args);
  },
});
const runtime = createTestRuntime({
  logger: createLogger('debug', { write: (line: string) => void logLines.push(line) }),
  store,
  knowledge: staticSource(knowledge),
  schedule: staticSource(schedule!),
});

let server: RotabotServer;
let base: string;
let token: string;
beforeAll(async () => {
  token = await createCalendarTokens(store).tokenFor('ann@example.edu');
  server = await createServer(runtime, [createCalendarPlugin(runtime)]);
  const { port } = await server.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await server.close();
});

describe('calendar tokens never reach the logs', () => {
  it('not for methods or paths the calendar route does not serve', async () => {
    for (const [method, path] of [
      ['POST', `/calendar/${token}.ics`],
      ['PUT', `/calendar/${token}.ics`],
      ['GET', `/calendar/${token}.ics/more`],
      ['GET', `/calendar/${token}`],
    ] as const) {
      const response = await fetch(`${base}${path}`, { method });
      expect(response.status, `${method} ${path}`).toBe(404);
    }
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.join('\n')).not.toContain(token);
  });

  it('not when the store fails while the token is looked up', async () => {
    const from = logLines.length;
    down = true;
    try {
      const response = await fetch(`${base}/calendar/${token}.ics`);
      expect(response.status).toBe(500);
    } finally {
      down = false;
    }
    const lines = logLines.slice(from).join('\n');
    expect(lines).toContain('request failed');
    expect(lines).not.toContain(token);
  });
});
