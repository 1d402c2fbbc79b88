import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { KEPT_FOR, storedRecords } from '../../adapters/info/stored.js';
import { choosePlugins } from '../../adapters/plugins.js';
import { createServer, type RotabotServer } from '../../adapters/server/create-server.js';
import { DEDUPE_TTL_MS } from '../../adapters/slack/dispatch.js';
import { WELCOMED_TTL_MS as SLACK_WELCOMED_TTL_MS } from '../../adapters/slack/handlers/home.js';
import { IDENTITY_TTL_MS } from '../../adapters/slack/identify.js';
import { USER_CACHE_MS } from '../../adapters/slack/messenger.js';
import { SHARE_TTL_MS } from '../../adapters/slack/share.js';
import { MEMBER_TTL_MS, MISS_TTL_MS } from '../../adapters/teams/identity.js';
import { MAX_REFERENCE_BYTES, REFERENCE_TTL_MS } from '../../adapters/teams/references.js';
import { SEEN_TTL_MS, WELCOMED_TTL_MS as TEAMS_WELCOMED_TTL_MS } from '../../adapters/teams/turn.js';
import { loadConfig } from '../../src/config.js';
import { WINDOW_MS } from '../../src/core/limits.js';
import { ANSWER_KEEP_MS, DAY_MS } from '../../src/handoff/records.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { createLabelResolver } from '../../src/knowledge/rotation-names.js';
import type { Knowledge } from '../../src/knowledge/schema.js';
import { CHOICE_TTL_MS, PENDING_TTL_MS } from '../../src/programs/router.js';
import { DELIVERY_KEEP_MS } from '../../src/reminders/runner.js';
import { type ProgramRuntime, staticSource } from '../../src/runtime.js';
import { parseSchedule } from '../../src/schedule/parse.js';
import type { Schedule } from '../../src/schedule/types.js';
import { CEDAR_VALLEY_DR, DUKE_IR, type ShippedProgram } from '../support/programs.js';
import { createTestRuntime, recordingBot } from '../support/runtime.js';

async function shipped(program: ShippedProgram): Promise<{ knowledge: Knowledge; schedule: Schedule }> {
  const knowledge = await loadKnowledge(program.dir);
  const parsed = parseSchedule(readFileSync(program.schedule, 'utf8'), {
    source: program.schedule,
    resolveLabel: createLabelResolver(knowledge.rotations),
  });
  return { knowledge, schedule: parsed.schedule! };
}

const duke = await shipped(DUKE_IR);
const cedar = await shipped(CEDAR_VALLEY_DR);
const PAGES = ['/about', '/privacy', '/terms'];

function programRuntime(id: string, p: { knowledge: Knowledge; schedule: Schedule }): ProgramRuntime {
  return {
    id,
    dir: id,
    knowledge: staticSource(p.knowledge),
    schedule: staticSource(p.schedule),
    store: createTestRuntime().store,
    bot: recordingBot(),
    slackChannels: [],
    teamsConversations: [],
  };
}

describe('GET /about, /privacy and /terms', () => {
  let server: RotabotServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function serve(
    env: Record<string, string>,
    program: { knowledge: Knowledge; schedule: Schedule },
    programs?: ProgramRuntime[],
  ): Promise<string> {
    const runtime = createTestRuntime({
      env: { SCHEDULER: 'off', ...env },
      knowledge: staticSource(program.knowledge),
      schedule: staticSource(program.schedule),
      programs,
    });
    server = await createServer(runtime, await choosePlugins(runtime));
    const { port } = await server.listen(0, '127.0.0.1');
    return `http://127.0.0.1:${port}`;
  }

  async function page(url: string): Promise<{ res: Response; html: string }> {
    const res = await fetch(url);
    return { res, html: await res.text() };
  }

  it("answer 200 with the program's name and contact, and the same security headers as every route", async () => {
    for (const [program, other] of [
      [duke, cedar],
      [cedar, duke],
    ] as const) {
      const url = await serve({}, program);
      for (const path of PAGES) {
        const { res, html } = await page(url + path);
        expect(res.status, path).toBe(200);
        expect(res.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/);
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('referrer-policy')).toBe('no-referrer');
        expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
        expect(res.headers.get('set-cookie')).toBeNull();
        expect(html).toContain(program.knowledge.program.name);
        expect(html).toContain(program.knowledge.program.contact.name);
        expect(html).not.toContain(other.knowledge.program.name);
        expect(html).not.toMatch(/<script/i);
      }
      await server?.close();
    }
  });

  it("link the program's contact email and name its channel when the knowledge base gives them", async () => {
    const { email, channel } = cedar.knowledge.program.contact;
    const url = await serve({}, cedar);
    for (const path of PAGES) {
      const { html } = await page(url + path);
      expect(html).toContain(`<a href="mailto:${email}">${email}</a>`);
      expect(html).toContain(channel!);
    }
  });

  it("show no resident's name or email", async () => {
    const url = await serve(
      { MicrosoftAppId: '0b5b3a2e-1111-4a4a-9c9c-5e5e5e5e5e5e', MicrosoftAppPassword: 'p' },
      duke,
    );
    const residents = duke.schedule.residents;
    expect(residents.length).toBeGreaterThan(5);
    for (const path of PAGES) {
      const { html } = await page(url + path);
      for (const r of residents) {
        expect(html).not.toContain(r.email);
        expect(html).not.toContain(r.name);
      }
    }
  });

  it('the privacy page says what is kept, for how long, where, and that message text is not logged at info', async () => {
    const url = await serve(
      { CONTEXT_TTL_MINUTES: '45', HANDOFF_KEEP_DAYS: '14', REDIS_URL: 'redis://127.0.0.1:6379' },
      duke,
    );
    const { html } = await page(`${url}/privacy`);
    expect(html).toContain('45 minutes after your last message');
    expect(html).toContain('Never the text of your messages');
    expect(html).toContain('14 days after the last reply');
    expect(html).toContain('400 days after last written or used');
    expect(html).toContain('this deployment’s Redis database');
    expect(html).toContain('not logged at the normal (info) level');
    expect(html).toContain('the topic, the platform and the time only, not the text');
    await server?.close();

    const memory = await page(`${await serve({ CONTEXT_TTL_MINUTES: '0', FEEDBACK: 'off' }, duke)}/privacy`);
    expect(memory.html).toContain('not kept: follow-ups are turned off');
    expect(memory.html).toContain('a restart forgets all of it');
    // Without Redis the server keeps no unanswered log; without FEEDBACK no answers, votes or hand-offs.
    expect(memory.html).not.toContain('Questions the bot could not answer');
    expect(memory.html).not.toContain('Questions handed to the coordinators');
  });

  it('a deployment of several programs names each with its own contact, and says what choosing one keeps', async () => {
    const programs = [programRuntime('duke-ir', duke), programRuntime('cedar-valley-dr', cedar)];
    const url = await serve({}, duke, programs);
    for (const path of PAGES) {
      const { html } = await page(url + path);
      for (const p of [duke, cedar]) {
        expect(html).toContain(p.knowledge.program.name);
        expect(html).toContain(p.knowledge.program.contact.name);
      }
    }
    expect((await page(`${url}/privacy`)).html).toContain(
      'A question that waits for you to choose a program',
    );
  });

  it("escape the knowledge base's text", async () => {
    const program = { ...duke.knowledge.program, name: 'A <b>bold</b> & "quoted" program' };
    const url = await serve({}, { knowledge: { ...duke.knowledge, program }, schedule: duke.schedule });
    const { html } = await page(`${url}/about`);
    expect(html).toContain('A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; program');
    expect(html).not.toContain('<b>bold</b>');
  });
});

describe('what the privacy page says is kept', () => {
  it('states the durations the code uses', () => {
    expect(KEPT_FOR).toEqual({
      slackEvent: DEDUPE_TTL_MS,
      teamsActivity: SEEN_TTL_MS,
      welcomed: SLACK_WELCOMED_TTL_MS,
      slackUser: IDENTITY_TTL_MS,
      slackUserByEmail: USER_CACHE_MS,
      teamsMember: MEMBER_TTL_MS,
      teamsMemberMiss: MISS_TTL_MS,
      teamsReference: REFERENCE_TTL_MS,
      teamsReferenceBytes: MAX_REFERENCE_BYTES,
      rateWindow: WINDOW_MS,
      handoffRate: DAY_MS,
      delivery: DELIVERY_KEEP_MS,
      slackShare: SHARE_TTL_MS,
      keptAnswer: ANSWER_KEEP_MS,
      programChoice: CHOICE_TTL_MS,
      programPending: PENDING_TTL_MS,
    });
    expect(TEAMS_WELCOMED_TTL_MS).toBe(SLACK_WELCOMED_TTL_MS);
  });

  it('says the unanswered log keeps question text only when the program opted in', () => {
    const base = loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', UNANSWERED_KEEP_DAYS: '7' });
    const unanswered = (config: typeof base) =>
      storedRecords(config, { programs: 1 }).find((r) =>
        r.what.startsWith('Questions the bot could not answer'),
      );
    expect(unanswered(base)).toMatchObject({ kept: '7 days' });
    expect(unanswered(base)!.what).toContain('not the text');
    const withText = unanswered({ ...base, UNANSWERED_KEEP_TEXT: true })!;
    expect(withText.what).toContain('the question’s text');
    expect(unanswered({ ...base, UNANSWERED_KEEP_DAYS: 0 })).toBeUndefined();
  });
});
