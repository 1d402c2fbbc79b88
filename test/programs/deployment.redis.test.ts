import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../adapters/server/create-server.js';
import { createWebChatPlugin } from '../../adapters/web/plugin.js';
import { createCalendarTokens } from '../../src/calendar/tokens.js';
import { loadConfig } from '../../src/config.js';
import type { IncomingMessage } from '../../src/core/types.js';
import { createRuntime } from '../../src/create-runtime.js';
import { silentLogger } from '../../src/logger.js';
import { createScheduler } from '../../src/reminders/scheduler.js';
import { programsOf, programView, type Runtime } from '../../src/runtime.js';
import { fakeMessenger, type Sent } from '../reminders/fixtures.js';
import { CEDAR_VALLEY_DR, DUKE_IR } from '../support/programs.js';
import { deleteKeysUnder, testKeyPrefix } from '../support/redis-keys.js';

/**
 * A department's deployment: Duke IR and the Cedar Valley DR example in one PROGRAMS_DIR, one
 * process, one Redis. Harper (an IR R1, so also on the DR schedule, as IR residents are in R1–R3)
 * is on both schedules.
 */
const SHARED = 'harper.exampleton@example.edu';
const DUKE_ONLY = 'avery.samplewood@example.edu';
const CEDAR_ONLY = 'quinn.marbleton@cedarvalley.example.edu';
const NOW = new Date('2026-11-28T15:00:00Z');

let dir: string;
let prefix: string;
const runtimes: Runtime[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rotabot-programs-'));
  await cp(DUKE_IR.dir, join(dir, 'duke-ir'), { recursive: true });
  await cp(CEDAR_VALLEY_DR.dir, join(dir, 'cedar-valley-dr'), { recursive: true });
  const csv = join(dir, 'cedar-valley-dr', 'sample-schedule.csv');
  const lines = (await readFile(csv, 'utf8')).trimEnd().split('\n');
  const quinn = lines.find((l) => l.startsWith(CEDAR_ONLY))!;
  lines.push(quinn.replace(CEDAR_ONLY, SHARED).replace('Quinn Marbleton', 'Harper Exampleton'));
  await writeFile(csv, `${lines.join('\n')}\n`);
});
afterEach(async () => {
  await Promise.all(runtimes.splice(0).map((r) => r.store.close()));
  await deleteKeysUnder(prefix);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function department(
  env: Record<string, string> = {},
  keys = testKeyPrefix('programs'),
): Promise<Runtime> {
  prefix = keys;
  const config = loadConfig({
    PROGRAMS_DIR: dir,
    REDIS_URL: 'redis://127.0.0.1:6379',
    REDIS_PREFIX: keys,
    ANNOUNCE_SLACK_CHANNEL: 'C-DEPARTMENT',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const runtime = await createRuntime(config, { logger: silentLogger, clock: () => NOW });
  runtimes.push(runtime);
  return runtime;
}

const ask = (runtime: Runtime, text: string, extra: Partial<IncomingMessage> = {}) =>
  runtime.bot.handle({
    text,
    asker: extra.asker ?? {},
    platform: 'slack',
    conversation: 'private',
    now: NOW,
    ...extra,
  });
const as = (email: string, id = email) => ({ asker: { email, platformUserId: `U-${id}` } });

describe('one deployment serving two programs', () => {
  it('loads each folder as its own program, in folder order', async () => {
    const runtime = await department();
    expect(programsOf(runtime).map((p) => p.id)).toEqual(['cedar-valley-dr', 'duke-ir']);
  });

  it("answers each resident from the program whose schedule lists them, and never from the other's", async () => {
    const runtime = await department();
    const duke = await ask(runtime, 'what am I on next month?', as(DUKE_ONLY));
    expect(duke.intent).not.toBe('program.choose');
    expect(duke.text).toMatch(/Interventional Radiology|Durham VA/);
    const cedar = await ask(runtime, 'what am I on next month?', as(CEDAR_ONLY));
    expect(cedar.text).toMatch(/Cedar Valley/);
    expect(cedar.text).not.toMatch(/Duke|Durham/);
    // Who-is questions list only the asker's own program's residents.
    const who = await ask(runtime, 'who is on IR in April?', as(CEDAR_ONLY));
    expect(who.items?.join('\n')).toMatch(/Quinn Marbleton/);
    expect(who.items?.join('\n')).not.toMatch(/Avery|Blair|Casey|Dana|Ellis/);
  });

  it('asks someone on no schedule which program, with a button each, and answers once they pick', async () => {
    const runtime = await department();
    const stranger = as('new.person@example.edu');
    const asked = await ask(runtime, 'what does an R4 do?', stranger);
    expect(asked.intent).toBe('program.choose');
    expect(asked.suggestions?.map((s) => s.label)).toEqual([
      'Cedar Valley Diagnostic Radiology',
      'Duke Interventional Radiology',
    ]);
    // Pressing a button asks its question: the program's name. The waiting question is answered.
    const picked = await ask(runtime, asked.suggestions![0]!.question, stranger);
    expect(picked.text).toMatch(/mini-fellowship/);
    // Remembered: the next question goes to the same program without asking.
    const next = await ask(runtime, 'what does an R1 do?', stranger);
    expect(next.intent).not.toBe('program.choose');
    expect(next.text).toMatch(/11 months of diagnostic subspecialty/);
  });

  it('a resident on both schedules is answered for the program the question names, or asked', async () => {
    const runtime = await department();
    const harper = as(SHARED);
    const ir = await ask(runtime, 'how many months of IR does an R5 do in Duke IR?', harper);
    expect(ir.intent).not.toBe('program.choose');
    expect(ir.text).toMatch(/12 months/);
    const dr = await ask(runtime, 'what is the R1 year in Cedar Valley DR?', harper);
    expect(dr.text).toMatch(/11 months of diagnostic subspecialty/);
    // Naming a program chose it: the next question without a name stays with it.
    const after = await ask(runtime, 'and the R4 year?', harper);
    expect(after.intent).not.toBe('program.choose');
    expect(after.text).toMatch(/mini-fellowship/);
    const other = as(SHARED, 'other-account');
    const mine = await ask(runtime, 'what am I on next month?', other);
    expect(mine.intent).toBe('program.choose');
    expect(mine.suggestions).toHaveLength(2);
  });

  it('a channel bound to a program answers there for that program, whoever asks', async () => {
    const runtime = await department({ PROGRAM_SLACK_CHANNELS: 'cedar-valley-dr=C-CEDAR' });
    const answer = await ask(runtime, 'how long is the residency?', {
      ...as(DUKE_ONLY),
      conversation: 'channel',
      conversationId: 'C-CEDAR:1764331200.000100',
    } as Partial<IncomingMessage>);
    expect(answer.text).toMatch(/four years/);
  });

  it('the web chat lists the programs for its picker and answers for the one picked', async () => {
    const runtime = await department();
    const server = await createServer(runtime, [createWebChatPlugin(runtime)]);
    try {
      const { port } = await server.listen(0, '127.0.0.1');
      const base = `http://127.0.0.1:${port}`;
      const roster = (await (await fetch(`${base}/api/web/roster`)).json()) as {
        programs: Array<{ id: string; name: string }>;
        people: Array<{ name: string }>;
      };
      expect(roster.programs.map((p) => p.id)).toEqual(['cedar-valley-dr', 'duke-ir']);
      expect(roster.people.map((p) => p.name)).toEqual(
        expect.arrayContaining(['Avery Samplewood', 'Quinn Marbleton']),
      );
      const res = await fetch(`${base}/api/web/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'what does an R4 do?', program: 'cedar-valley-dr' }),
      });
      expect(((await res.json()) as { answer: { text: string } }).answer.text).toMatch(/mini-fellowship/);
    } finally {
      await server.close();
    }
  });

  it('the web chat picker names the program outright', async () => {
    const runtime = await department();
    const answer = await ask(runtime, 'how long is the residency?', { program: 'duke-ir' });
    expect(answer.text).toMatch(/five years/);
  });

  it('announcements and reminders run per program: each posts its own residents once, under its own keys', async () => {
    const runtime = await department({ PROGRAM_SLACK_CHANNELS: 'cedar-valley-dr=C-CEDAR' });
    const log: Sent[] = [];
    const messenger = fakeMessenger({ log });
    const schedulers = programsOf(runtime).map((p) =>
      createScheduler(programView(runtime, p), [messenger], { clock: () => NOW }),
    );
    for (let i = 0; i < 2; i++) for (const s of schedulers) await s.runAnnouncement('2026-12');
    const cedar = log
      .filter((s) => s.to === 'C-CEDAR')
      .map((s) => s.post.items?.join('\n') ?? s.post.text)
      .join('\n');
    const duke = log
      .filter((s) => s.to === 'C-DEPARTMENT')
      .map((s) => s.post.items?.join('\n') ?? s.post.text)
      .join('\n');
    expect(cedar).toMatch(/Quinn Marbleton/);
    expect(cedar).not.toMatch(/Avery Samplewood/);
    expect(duke).toMatch(/Avery Samplewood/);
    expect(duke).not.toMatch(/Quinn Marbleton/);
    // Run twice, posted once: each program's run record is its own.
    const cedarPosts = log.filter((s) => s.to === 'C-CEDAR').length;
    expect(cedarPosts).toBeGreaterThan(0);
    const again: Sent[] = [];
    const second = programsOf(runtime).map((p) =>
      createScheduler(programView(runtime, p), [fakeMessenger({ log: again })], { clock: () => NOW }),
    );
    for (const s of second) await s.runAnnouncement('2026-12');
    expect(again).toEqual([]);
    const keys = await runtime.store.keys('program:');
    expect(keys.some((k) => k.startsWith('program:cedar-valley-dr:run:announce:2026-12'))).toBe(true);
    expect(keys.some((k) => k.startsWith('program:duke-ir:run:announce:2026-12'))).toBe(true);
    expect(await runtime.store.get('run:announce:2026-12')).toBeNull();
  });

  it("one program's personal reminders reach only its own residents", async () => {
    const runtime = await department();
    const [cedar, duke] = programsOf(runtime);
    const log: Sent[] = [];
    await createScheduler(programView(runtime, cedar!), [fakeMessenger({ log })], {
      clock: () => NOW,
    }).runReminders('2026-11-30');
    const dukeEmails = new Set(duke!.schedule.current().residents.map((r) => r.email));
    const cedarEmails = new Set(cedar!.schedule.current().residents.map((r) => r.email));
    expect(log.length).toBeGreaterThan(0);
    for (const s of log) {
      expect(cedarEmails.has(s.to), s.to).toBe(true);
      if (s.to !== SHARED) expect(dukeEmails.has(s.to), s.to).toBe(false);
    }
  });

  it("a calendar token is its program's own: the other program does not know it", async () => {
    const runtime = await department();
    const [cedar, duke] = programsOf(runtime);
    const token = await createCalendarTokens(cedar!.store).tokenFor(SHARED);
    expect(await createCalendarTokens(cedar!.store).emailFor(token)).toBe(SHARED);
    expect(await createCalendarTokens(duke!.store).emailFor(token)).toBeNull();
    expect(await createCalendarTokens(runtime.store).emailFor(token)).toBeNull();
  });

  it('a program id named in PROGRAM_* that no folder holds stops start-up, naming it', async () => {
    await expect(department({ PROGRAM_SLACK_CHANNELS: 'duke-dr=C1' })).rejects.toThrow(
      /duke-dr.*not one of the programs/,
    );
  });

  it('two deployments on one Redis with their own REDIS_PREFIX share nothing', async () => {
    const one = await department({}, testKeyPrefix('programs-a'));
    const stranger = as('new.person@example.edu');
    await ask(one, 'how long is the residency?', stranger);
    await ask(one, 'Cedar Valley Diagnostic Radiology', stranger);
    const firstPrefix = prefix;
    const two = await department({}, testKeyPrefix('programs-b'));
    expect((await ask(two, 'what is the R4 year?', stranger)).intent).toBe('program.choose');
    await deleteKeysUnder(firstPrefix);
    expect(await one.store.keys('program-choice:')).toEqual([]);
  });
});
