import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { Bot } from '../../src/core/types.js';
import { createRuntime } from '../../src/create-runtime.js';
import { silentLogger } from '../../src/logger.js';
import type { Runtime } from '../../src/runtime.js';
import { fakeRuntime, fixed, rosterSchedule } from '../server/fake-runtime.js';
import { hasChromium, startWebChat, useWebChatInChromium, warnIfNoChromium } from '../support/chromium.js';

warnIfNoChromium('browser test');

// A tiny bot whose answers depend on the question and the asker, so the page's wiring shows.
const bot: Bot = {
  async handle({ text, asker }) {
    if (text.startsWith('what-is-')) {
      return { intent: 'fallback', text: `I don't know “${text}”.`, factIds: [], unanswered: true };
    }
    if (/tips/i.test(text)) {
      return { intent: 'procedure.does-ir', text: 'Yes — IR does TIPS.', factIds: ['tips'] };
    }
    return {
      intent: 'schedule.mine',
      text: `${asker.email ?? 'unknown'} is on IR this month.\n\nNext month: ICU.`,
      itemsTitle: 'Your rotations',
      items: ['Nov 2026: IR', 'Dec 2026: ICU'],
      suggestions: [{ label: 'Does IR do TIPS?', question: 'does IR do TIPS' }],
      factIds: [],
    };
  },
};

describe.skipIf(!hasChromium)('the web chat in a real browser', () => {
  const chat = useWebChatInChromium(() =>
    fakeRuntime({
      bot,
      schedule: fixed(
        rosterSchedule([
          { email: 'jane.doe@duke.edu', name: 'Jane Doe', level: 'R4' },
          { email: 'sam.lee@duke.edu', name: 'Sam Lee', level: 'R5' },
        ]),
      ),
    }),
  );

  /** The web chat of the real runtime (shipped knowledge base, sample schedule), closed afterwards. */
  async function withRealWebChat(test: (base: string, runtime: Runtime) => Promise<void>): Promise<void> {
    const runtime = await createRuntime(loadConfig({ SCHEDULER: 'off' }), { logger: silentLogger });
    const real = await startWebChat(runtime);
    try {
      await test(real.base, runtime);
    } finally {
      // Its pages first: they poll the server every second.
      await Promise.all(
        chat.browser
          .pages()
          .filter((p) => p.url().startsWith(real.base))
          .map((p) => p.close()),
      );
      await real.close();
      await Promise.allSettled([runtime.knowledge.close(), runtime.schedule.close(), runtime.store.close()]);
    }
  }

  it('loads, lets you pick a resident, answers a typed question and a clicked follow-up', async () => {
    const page = await chat.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${chat.base}/`);
    await page.waitForSelector('body[data-ready="true"]');
    const options = await page.locator('#who option').allTextContents();
    expect(options).toEqual(['Jane Doe (R4)', 'Sam Lee (R5)', 'someone not on the schedule']);
    await page.selectOption('#who', { label: 'Sam Lee (R5)' });

    await page.fill('#question', 'what am I on?');
    await page.press('#question', 'Enter');
    const answer = page.locator('.message.bot').nth(1);
    await answer.waitFor();
    expect(await answer.locator('.content p').first().textContent()).toBe(
      'sam.lee@duke.edu is on IR this month.',
    );
    expect(await answer.locator('li').allTextContents()).toEqual(['Nov 2026: IR', 'Dec 2026: ICU']);
    expect(await page.locator('.message.user .content').first().textContent()).toBe('what am I on?');

    await answer.locator('button.suggestion').click();
    const followUp = page.locator('.message.bot').nth(2);
    await followUp.waitFor();
    expect(await followUp.textContent()).toContain('Yes — IR does TIPS.');
    expect(await page.locator('.message.user .content').nth(1).textContent()).toBe('does IR do TIPS');
    expect(errors).toEqual([]);
  }, 60_000);

  it('answers from the real knowledge base and sample schedule', async () => {
    await withRealWebChat(async (base, runtime) => {
      const page = await chat.browser.newPage();
      await page.goto(`${base}/`);
      await page.waitForSelector('body[data-ready="true"]');
      expect(await page.locator('#who option').count()).toBe(runtime.schedule.current().residents.length + 1);
      await page.fill('#question', 'does IR do TIPS?');
      await page.click('#send');
      const answer = page.locator('.message.bot').nth(1);
      await answer.waitFor();
      expect(await answer.locator('.content p').first().textContent()).toMatch(/^Yes\b.*TIPS/);
      await page.screenshot({ path: join(tmpdir(), 'rotabot-web-chat.png') });
    });
  }, 60_000);

  /** Widths that scroll sideways: the document wider than the window. */
  const overflow = (page: import('playwright-core').Page) =>
    page.evaluate<number>(
      // The page, and every message (a clipped message is as unreadable as a scrolling page).
      `Math.max(document.documentElement.scrollWidth - document.documentElement.clientWidth,
        ...[...document.querySelectorAll('.content')].map((el) => el.scrollWidth - el.clientWidth))`,
    );

  for (const [device, viewport] of [
    ['a phone', { width: 375, height: 740 }],
    ['a desktop', { width: 1280, height: 800 }],
  ] as const) {
    it(`on ${device}: no sideways scrolling for a long word, no bold body, the length limit said and enforced`, async () => {
      const page = await chat.browser.newPage();
      await page.setViewportSize(viewport);
      await page.goto(`${chat.base}/`);
      await page.waitForSelector('body[data-ready="true"]');
      expect(await overflow(page)).toBe(0);
      expect(await page.locator('#question').getAttribute('maxlength')).toBe('2000');
      expect(await page.locator('#limit').textContent()).toContain('up to 2,000 characters');
      // A 5,000-character paste is cut at the limit by the browser itself.
      await page.fill('#question', 'x'.repeat(5000));
      expect((await page.inputValue('#question')).length).toBe(2000);

      const word = `what-is-${'a'.repeat(300)}`;
      await page.fill('#question', word);
      await page.press('#question', 'Enter');
      const answer = page.locator('.message.bot').nth(1);
      await answer.waitFor();
      expect(await overflow(page)).toBe(0);
      expect(await answer.textContent()).toContain(word);
      const weight = await page.evaluate<string>(
        "getComputedStyle(document.querySelectorAll('.message.bot')[1].querySelector('.content p')).fontWeight",
      );
      expect(Number(weight)).toBeLessThan(600);
      // Only the list's title is bold, never the answer's paragraphs.
      expect(await answer.locator('.content p:not(.items-title) strong').count()).toBe(0);
    }, 60_000);
  }

  it('has a favicon', async () => {
    const res = await fetch(`${chat.base}/web/favicon.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/image\/svg\+xml/);
    const page = await chat.browser.newPage();
    await page.goto(`${chat.base}/`);
    expect(await page.locator('link[rel="icon"]').getAttribute('href')).toBe('/web/favicon.svg');
  });

  it('someone not on the schedule asking about their own schedule is told to pick who they are above', async () => {
    await withRealWebChat(async (base) => {
      const page = await chat.browser.newPage();
      await page.setViewportSize({ width: 375, height: 740 });
      await page.goto(`${base}/`);
      await page.waitForSelector('body[data-ready="true"]');
      await page.selectOption('#who', { label: 'someone not on the schedule' });
      await page.fill('#question', 'what am I on next month?');
      await page.press('#question', 'Enter');
      const answer = page.locator('.message.bot').nth(1);
      await answer.waitFor();
      expect(await answer.textContent()).toContain('Pick who you are above');
      expect(await answer.textContent()).not.toContain('Slack or Teams');
    });
  }, 60_000);
});
