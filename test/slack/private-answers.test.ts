import { describe, expect, it } from 'vitest';
import {
  ALICE,
  BOT_USER,
  fakeBot,
  nockMethod,
  nockResponseUrl,
  postEvent,
  postForm,
  useSlackServer,
  waitFor,
} from './helpers.js';
import { eventCallback, slashCommand } from './payloads.js';

const LINK = 'https://rotabot.example.edu/calendar/secret-token.ics';
// As the core answers a calendar question: the asker's own link, marked private.
const bot = fakeBot(() => ({ intent: 'calendar.link', text: `Subscribe: ${LINK}`, private: true }));
const server = useSlackServer({ bot });

type Block = { type: string; elements?: Array<{ action_id?: string }> };

describe('a private answer (the calendar link) on Slack', () => {
  it('comes back to the slash command without a Share in channel button', async () => {
    const reply = nockResponseUrl('/commands/private/1');
    await postForm(server.url, slashCommand('my calendar link', '/commands/private/1'));
    await waitFor(() => reply.scope.isDone(), 'ephemeral answer');
    const body = reply.bodies[0]!;
    expect(body.response_type).toBe('ephemeral');
    expect(String(body.text)).toContain(LINK);
    const blocks = (typeof body.blocks === 'string' ? JSON.parse(body.blocks) : body.blocks) as Block[];
    const actions = blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);
    expect(actions.map((a) => a.action_id)).not.toContain('rotabot_share');
  });

  it('is never posted in a channel: a mention there gets where to ask instead', async () => {
    const posted = nockMethod('chat.postMessage');
    await postEvent(
      server.url,
      eventCallback({
        type: 'app_mention',
        channel: 'C0GENERAL',
        user: ALICE.slackId,
        text: `<@${BOT_USER}> my calendar link`,
        ts: '1764342000.000300',
      }),
    );
    await waitFor(() => posted.scope.isDone(), 'channel reply');
    const text = JSON.stringify(posted.bodies);
    expect(text).not.toContain('secret-token');
    expect(text).toContain('only for you');
  });
});
