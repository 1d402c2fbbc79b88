import { describe, expect, it } from 'vitest';
import { capturingLogger, fakeBot, postForm, postSigned, useSlackServer } from './helpers.js';

const { logger, lines } = capturingLogger();
const bot = fakeBot();
const server = useSlackServer({ logger, bot, authTest: false });

describe('POST /slack/events — odd but correctly signed bodies', () => {
  it.each([
    ['null', 'null'],
    ['an array', '[]'],
    ['a string', '"hello"'],
    ['a number', '42'],
    ['an event callback without its event', '{"type":"event_callback","event":null}'],
    ['an event that is a string', '{"type":"event_callback","event":"message"}'],
    ['an object without a type', '{"event":null}'],
  ])('answers %s with 400 at once, never asking the bot', async (_name, body) => {
    const res = await postSigned(server.url, body, 'application/json');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'bad_request' });
    expect(bot.asked).toHaveLength(0);
    expect(lines.filter((l) => l.level === 50)).toEqual([]);
  });

  it.each([
    ['an interaction payload that is not JSON', { payload: '{oops' }],
    ['an interaction payload that is null', { payload: 'null' }],
    ['an interaction payload without a type', { payload: '{"actions":[]}' }],
  ])('answers %s with 400', async (_name, fields) => {
    const res = await postForm(server.url, fields);
    expect(res.status).toBe(400);
    expect(bot.asked).toHaveLength(0);
  });
});
