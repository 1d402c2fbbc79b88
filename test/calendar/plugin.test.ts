import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCalendarPlugin } from '../../adapters/calendar/plugin.js';
import { createServer, type RotabotServer } from '../../adapters/server/create-server.js';
import { createCalendarTokens } from '../../src/calendar/tokens.js';
import { createLabelResolver } from '../../src/knowledge/rotation-names.js';
import { createLogger } from '../../src/logger.js';
import { staticSource } from '../../src/runtime.js';
import { parseSchedule } from '../../src/schedule/parse.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { knowledge } from '../fixtures/schedule/knowledge.js';
import { createTestRuntime } from '../support/runtime.js';

const { schedule } = parseSchedule(
  'email,name,level,2026-11,2026-12\nann@example.edu,Ann Lee,R4,IR-VA,ICU\nbo@example.edu,Bo Ng,R5,IR,IR\n',
  { source: 's.csv', resolveLabel: createLabelResolver(knowledge.rotations) },
);
const logLines: string[] = [];
const store = createMemoryStore();
const runtime = createTestRuntime({
  logger: createLogger('debug', { write: (line: string) => void logLines.push(line) }),
  store,
  knowledge: staticSource(knowledge),
  schedule: staticSource(schedule!),
});

let server: RotabotServer;
let base: string;
beforeAll(async () => {
  server = await createServer(runtime, [createCalendarPlugin(runtime)]);
  const { port } = await server.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await server.close();
});

describe('GET /calendar/:token.ics', () => {
  it("serves the resident's calendar for their token", async () => {
    const token = await createCalendarTokens(store).tokenFor('ann@example.edu');
    const response = await fetch(`${base}/calendar/${token}.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    const summaries = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).summary);
    expect(summaries).toEqual([
      'Interventional Radiology at Durham VA',
      'Intensive Care Unit at Duke University Medical Center',
    ]);
    // The token is a password: it never reaches the access log.
    expect(logLines.join('\n')).toContain('/calendar/…');
    expect(logLines.join('\n')).not.toContain(token);
  });

  it('answers 404 and nothing more for an unknown, rotated or malformed token', async () => {
    const tokens = createCalendarTokens(store);
    const old = await tokens.tokenFor('bo@example.edu');
    await tokens.rotate('bo@example.edu');
    for (const path of [
      `/calendar/${old}.ics`,
      `/calendar/${'x'.repeat(43)}.ics`,
      '/calendar/abc.ics',
      `/calendar/${old}`,
    ]) {
      const response = await fetch(`${base}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text()).toBe('Not found');
    }
  });

  it('answers 404 when the token belongs to someone no longer in the schedule', async () => {
    const token = await createCalendarTokens(store).tokenFor('gone@example.edu');
    expect((await fetch(`${base}/calendar/${token}.ics`)).status).toBe(404);
  });
});
