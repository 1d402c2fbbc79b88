import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type RotabotServer } from '../../adapters/server/create-server.js';
import { createWebChatPlugin } from '../../adapters/web/plugin.js';
import { escapeHtml, renderAnswerHtml } from '../../adapters/web/render.js';
import type { Answer } from '../../src/core/types.js';
import type { Runtime } from '../../src/runtime.js';
import { echoBot, fakeRuntime, fixed, rosterSchedule } from '../server/fake-runtime.js';
import { rawRequest } from '../support/raw-http.js';

const servers: RotabotServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(runtime: Runtime, withWebChat = true): Promise<string> {
  const server = await createServer(runtime, withWebChat ? [createWebChatPlugin(runtime)] : []);
  servers.push(server);
  const { port } = await server.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${port}`;
}

const roster = rosterSchedule([
  { email: 'jane.doe@duke.edu', name: 'Jane Doe', level: 'R4' },
  { email: 'sam.lee@duke.edu', name: 'Sam Lee', level: 'R5' },
]);

describe('rendering an answer as HTML', () => {
  it('keeps paragraphs in plain weight, lists items under their title, and makes follow-up buttons', () => {
    const html = renderAnswerHtml({
      intent: 'category',
      text: 'Yes, IR does these.\nSecond line.\n\nAsk me about any of them.',
      itemsTitle: 'Oncologic therapies',
      items: ['Y-90 radioembolization', 'Chemoembolization (TACE)'],
      suggestions: [{ label: 'What is TACE?', question: 'what is TACE' }],
      factIds: [],
    });
    expect(html).toBe(
      '<p>Yes, IR does these.<br>Second line.</p><p>Ask me about any of them.</p>' +
        '<p class="items-title"><strong>Oncologic therapies</strong></p>' +
        '<ul><li>Y-90 radioembolization</li><li>Chemoembolization (TACE)</li></ul>' +
        '<div class="suggestions"><button type="button" class="suggestion" data-question="what is TACE">What is TACE?</button></div>',
    );
  });

  it('escapes everything that came from data, in text, items, titles and attributes', () => {
    const evil = `<img src=x onerror="alert(1)">'&`;
    const html = renderAnswerHtml({
      intent: 'x',
      text: evil,
      items: [evil],
      itemsTitle: evil,
      suggestions: [{ label: evil, question: `" onclick="alert(1)` }],
      factIds: [],
    });
    expect(html).not.toMatch(/<img|<script/);
    expect(html).not.toContain('onerror="');
    expect(html).toContain('data-question="&quot; onclick=&quot;alert(1)"');
    expect(html).toContain(escapeHtml(evil));
    expect(escapeHtml(evil)).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&#39;&amp;');
  });

  it('links http(s) URLs without letting them break out of the attribute', () => {
    const html = renderAnswerHtml({
      intent: 'x',
      text: 'See https://example.org/a?b=1&c=2. Or javascript:alert(1) or https://x.org/"onmouseover="alert(1)',
      factIds: [],
    });
    expect(html).toContain(
      '<a href="https://example.org/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">',
    );
    expect(html).not.toContain('href="javascript');
    expect(html).not.toMatch(/"onmouseover="/);
  });
});

describe('the web chat API', () => {
  it('serves the page, its assets and the roster from the schedule', async () => {
    const base = await start(fakeRuntime({ schedule: fixed(roster) }));
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await page.text();
    expect(html).toContain('<script src="/web/chat.js"');
    expect(html).not.toMatch(/https?:\/\//);
    expect((await fetch(`${base}/web/chat.js`)).headers.get('content-type')).toMatch(/javascript/);
    const listed = await (await fetch(`${base}/api/web/roster`)).text();
    // Opaque ids, never emails: the page is open to any local process.
    expect(listed).not.toContain('@');
    const { people } = JSON.parse(listed) as { people: unknown[] };
    expect(people).toEqual([
      { id: expect.stringMatching(/^r-[\w-]{22}$/), name: 'Jane Doe', level: 'R4' },
      { id: expect.stringMatching(/^r-[\w-]{22}$/), name: 'Sam Lee', level: 'R5' },
    ]);
  });

  it('asks the bot as the chosen person, or as nobody, and returns the answer with its HTML', async () => {
    const bot = echoBot({ suggestions: [{ label: 'More', question: 'more <please>' }] });
    const base = await start(fakeRuntime({ bot, schedule: fixed(roster) }));
    const ask = (body: unknown) =>
      fetch(`${base}/api/web/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const { people } = (await (await fetch(`${base}/api/web/roster`)).json()) as { people: { id: string }[] };
    const res = await ask({ text: 'what am I on <b>?', as: people[0]!.id });
    expect(res.status).toBe(200);
    const { answer, html } = (await res.json()) as { answer: Answer; html: string };
    expect(answer.intent).toBe('test.echo');
    expect(html).toContain('<p>You asked: what am I on &lt;b&gt;?');
    expect(html).toContain('data-question="more &lt;please&gt;"');
    expect(bot.seen[0]).toMatchObject({
      platform: 'web',
      conversation: 'private',
      asker: { email: 'jane.doe@duke.edu' },
    });
    expect(bot.seen[0]?.requestId).toBeTruthy();

    await ask({ text: 'who am I', as: '' });
    expect(bot.seen[1]?.asker).toEqual({});
    expect(people[1]!.id).not.toBe(people[0]!.id);
    await ask({ text: 'and me?', as: people[1]!.id });
    expect(bot.seen[2]?.asker).toMatchObject({ email: 'sam.lee@duke.edu' });
    const stale = await ask({ text: 'me?', as: 'r-not-anyone' });
    expect(stale.status).toBe(409);
    expect(bot.seen).toHaveLength(3);
    expect((await ask({ nope: 1 })).status).toBe(400);
    const big = await ask({ text: 'x'.repeat(17_000) });
    expect(big.status).toBe(413);
  });

  it('is not there when the plugin is not mounted', async () => {
    const base = await start(fakeRuntime(), false);
    expect((await fetch(`${base}/`)).status).toBe(404);
    expect((await fetch(`${base}/api/web/roster`)).status).toBe(404);
  });
});

describe('the web chat against hostile pages', () => {
  it('refuses a Host that is not this machine (DNS rebinding) with 421 on every web chat route', async () => {
    const base = await start(fakeRuntime({ schedule: fixed(roster) }));
    for (const [method, path] of [
      ['GET', '/'],
      ['GET', '/web/chat.js'],
      ['GET', '/api/web/roster'],
      ['POST', '/api/web/ask'],
    ] as const) {
      const res = await rawRequest(`${base}${path}`, {
        method,
        headers: { host: 'rebound.attacker.example:3978', 'content-type': 'application/json' },
        body: method === 'POST' ? '{"text":"hi"}' : undefined,
      });
      expect(res.status, path).toBe(421);
      expect(res.body).not.toContain('@');
    }
    for (const host of ['localhost:3978', '127.0.0.1', '[::1]:3978']) {
      const res = await rawRequest(`${base}/api/web/roster`, { headers: { host } });
      expect(res.status, host).toBe(200);
    }
    // Not a web chat route: probes behind a load balancer carry its name.
    expect((await rawRequest(`${base}/healthz`, { headers: { host: 'rotabot.internal' } })).status).toBe(200);
  });

  it('sends no-referrer and nosniff on every response, errors included', async () => {
    const base = await start(fakeRuntime({ schedule: fixed(roster) }));
    for (const path of ['/', '/api/web/roster', '/healthz', '/no-such-route', '/calendar/not-a-token.ics']) {
      const res = await fetch(`${base}${path}`);
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });
});
