import { describe, expect, it } from 'vitest';
import {
  ALICE,
  capturingLogger,
  fakeBot,
  nockMethod,
  nockResponseUrl,
  nockUsersInfo,
  postEvent,
  postForm,
  useSlackServer,
  waitFor,
} from './helpers.js';
import { BOB_SLACK, dmEvent, slashCommand } from './payloads.js';

const { logger, lines } = capturingLogger();
const bot = fakeBot();
const server = useSlackServer({ logger, bot });

describe('Slack bad input and privacy', () => {
  it('refuses a signed body larger than any Slack payload with 413, never asking the bot', async () => {
    const res = await postEvent(server.url, dmEvent(`where am I ${'x'.repeat(600 * 1024)}`));
    expect(res.status).toBe(413);
    expect(bot.asked).toHaveLength(0);
  });

  it('never logs what a DM or a slash command said above debug', async () => {
    const dm = nockMethod('chat.postMessage');
    expect((await postEvent(server.url, dmEvent('private words alpha'))).status).toBe(200);
    await waitFor(() => dm.scope.isDone(), 'chat.postMessage');

    nockUsersInfo(BOB_SLACK, 'bob.diaz@example.edu');
    const reply = nockResponseUrl('/commands/1/private');
    const res = await postForm(server.url, slashCommand('private words beta', '/commands/1/private'));
    expect(res.status).toBe(200);
    await waitFor(() => reply.scope.isDone(), 'ephemeral answer');

    expect(bot.asked.map((m) => m.text)).toEqual(['private words alpha', 'private words beta']);
    // Debug lines may carry the text (that is what debug is for); nothing at info or above may.
    expect(lines.some((l) => JSON.stringify(l).includes('private words'))).toBe(true);
    const loud = lines.filter((l) => Number(l.level) >= 30).map((l) => JSON.stringify(l));
    expect(loud.length).toBeGreaterThan(0);
    expect(loud.filter((l) => l.includes('private words'))).toEqual([]);
    expect(loud.filter((l) => l.includes(ALICE.email) || l.includes('bob.diaz@'))).toEqual([]);
  });
});
