import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { createServer } from '../../adapters/server/create-server.js';
import { createWebChatPlugin } from '../../adapters/web/plugin.js';
import type { Runtime } from '../../src/runtime.js';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** Says once per file why its browser tests are skipped. */
export function warnIfNoChromium(what: string): void {
  if (!hasChromium) console.warn(`${what} skipped: ${CHROMIUM} is not installed (apt-get install chromium)`);
}

/** Headless Chromium with a fresh profile each run (playwright passes it as --user-data-dir); close() removes it. */
export async function launchChromium(): Promise<{ browser: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'rotabot-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The real server with the web chat alone, on loopback. */
export async function startWebChat(runtime: Runtime): Promise<{ base: string; close(): Promise<void> }> {
  const server = await createServer(runtime, [createWebChatPlugin(runtime)]);
  const { port } = await server.listen(0, '127.0.0.1');
  return { base: `http://127.0.0.1:${port}`, close: () => server.close() };
}

/**
 * For a describe block (skipped without Chromium): the web chat of `makeRuntime()` and one
 * headless Chromium, started before its tests and stopped after them.
 */
export function useWebChatInChromium(makeRuntime: () => Runtime): {
  readonly base: string;
  readonly browser: BrowserContext;
} {
  let chat: Awaited<ReturnType<typeof startWebChat>> | undefined;
  let launched: Awaited<ReturnType<typeof launchChromium>> | undefined;
  beforeAll(async () => {
    chat = await startWebChat(makeRuntime());
    launched = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await launched?.close();
    await chat?.close();
  });
  return {
    get base() {
      return chat!.base;
    },
    get browser() {
      return launched!.browser;
    },
  };
}
