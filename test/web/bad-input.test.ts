import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type RotabotServer } from '../../adapters/server/create-server.js';
import { createWebChatPlugin } from '../../adapters/web/plugin.js';
import { createLogger } from '../../src/logger.js';
import { createTestRuntime, recordingBot } from '../support/runtime.js';

const logLines: string[] = [];
let failNext = false;
const bot = recordingBot((message) => ({ text: `You asked: ${message.text} <script>x</script>` }));
const handle = bot.handle.bind(bot);
bot.handle = async (message) => {
  if (failNext) {
    failNext = false;
    throw new Error('the core broke');
  }
  return handle(message);
};
const runtime = createTestRuntime({
  // Info level, as in production: nothing the person typed may appear.
  logger: createLogger('info', { write: (line: string) => void logLines.push(line) }),
  bot,
});

let server: RotabotServer;
let base: string;
beforeAll(async () => {
  server = await createServer(runtime, [createWebChatPlugin(runtime)]);
  const { port } = await server.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await server.close();
});

const ask = (body: string) =>
  fetch(`${base}/api/web/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('POST /api/web/ask', () => {
  it('answers, escaping the answer in its HTML', async () => {
    const res = await ask(JSON.stringify({ text: 'secret question one' }));
    expect(res.status).toBe(200);
    const { answer, html } = (await res.json()) as { answer: { text: string }; html: string };
    expect(answer.text).toContain('You asked: secret question one');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });

  it.each([
    ['malformed JSON', '{"text": '],
    ['no text', JSON.stringify({ as: 'ann@example.edu' })],
    ['text that is not a string', JSON.stringify({ text: 42 })],
  ])('refuses %s with 400 and never asks the bot', async (_name, body) => {
    const before = bot.asked.length;
    const res = await ask(body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('bad_request');
    expect(bot.asked).toHaveLength(before);
  });

  it('refuses an oversize body with 413 and never asks the bot', async () => {
    const before = bot.asked.length;
    const res = await ask(JSON.stringify({ text: 'x'.repeat(20 * 1024) }));
    expect(res.status).toBe(413);
    expect(bot.asked).toHaveLength(before);
  });

  it('answers a failure of the core with a JSON 500 that says nothing of it', async () => {
    failNext = true;
    const res = await ask(JSON.stringify({ text: 'secret question two' }));
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: 'internal', message: 'something went wrong on our side' });
  });

  it('never logs what was asked at info', () => {
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.join('\n')).not.toContain('secret question');
  });
});
