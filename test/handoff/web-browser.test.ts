import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Bot } from '../../src/core/types.js';
import { createHandoffService } from '../../src/handoff/service.js';
import { fakeRuntime, fixed, rosterSchedule } from '../server/fake-runtime.js';
import { hasChromium, useWebChatInChromium, warnIfNoChromium } from '../support/chromium.js';

warnIfNoChromium('hand-off browser test');

const bot: Bot = {
  async handle({ text }) {
    return /parking/i.test(text)
      ? { intent: 'fallback', text: "I don't know about parking.", factIds: [], unanswered: true }
      : { intent: 'procedure.does-ir', text: 'Yes — IR does TIPS.', factIds: ['tips'] };
  },
};

describe.skipIf(!hasChromium)('the hand-off loop in the web chat, in a real browser', () => {
  const chat = useWebChatInChromium(() => {
    const runtime = fakeRuntime({
      bot,
      schedule: fixed(rosterSchedule([{ email: 'jane.doe@duke.edu', name: 'Jane Doe', level: 'R4' }])),
    });
    runtime.handoff = createHandoffService(runtime);
    return runtime;
  });

  it('Ask a coordinator shows the card in the second pane; a reply typed there comes back to the resident', async () => {
    const page = await chat.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${chat.base}/`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.selectOption('#who', { label: 'Jane Doe (R4)' });
    expect(await page.locator('#desk').isHidden()).toBe(true);

    await page.fill('#question', 'is there parking at the VA?');
    await page.press('#question', 'Enter');
    const answer = page.locator('.message.bot').nth(1);
    await answer.waitFor();
    expect(await answer.locator('button.feedback').allTextContents()).toEqual([
      'Helpful',
      'Not helpful',
      'Ask a coordinator',
    ]);
    await answer.locator('button.feedback', { hasText: 'Ask a coordinator' }).click();
    await page.locator('.message.bot').nth(2).waitFor();
    expect(await page.locator('.message.bot').nth(2).textContent()).toContain('passed your question');

    const card = page.locator('#desk article.handoff');
    await card.waitFor();
    const cardText = (await card.textContent()) ?? '';
    expect(cardText).toContain('is there parking at the VA?');
    expect(cardText).toContain('Jane Doe (R4)');
    expect(cardText).toContain("I don't know about parking.");
    expect(cardText).not.toContain('jane.doe@duke.edu');

    await page.fill('#coordinator-name', 'Carol Coordinator');
    await card.locator('textarea').fill('Yes: the deck on Fulton Street.');
    await card.locator('button[type="submit"]').click();
    const relayed = page.locator('.message.bot.relayed');
    await relayed.waitFor();
    expect(await relayed.textContent()).toContain(
      'Carol Coordinator (program coordinator) answered your question “is there parking at the VA?”',
    );
    expect(await relayed.textContent()).toContain('Yes: the deck on Fulton Street.');
    await page.locator('#desk .status', { hasText: 'Answered by Carol Coordinator' }).waitFor();

    await page.locator('#desk button.save-faq').click();
    await page.locator('#desk pre.faq:not([hidden])').waitFor();
    expect(await page.locator('#desk pre.faq').textContent()).toContain(
      'question: Is there parking at the VA?',
    );
    // Relayed once, however many times the page polls.
    await page.waitForTimeout(1500);
    expect(await page.locator('.message.bot.relayed').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(tmpdir(), 'rotabot-web-handoff.png'), fullPage: true });
  }, 60_000);
});
