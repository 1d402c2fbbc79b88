import nock from 'nock';
import { describe, expect, it } from 'vitest';
import {
  ALICE,
  BOB,
  BOT_USER,
  nockMethod,
  nockUsersInfo,
  postEvent,
  SLACK_HOST,
  useSlackServer,
  waitFor,
} from './helpers.js';
import { BOB_SLACK, dmEvent, eventCallback } from './payloads.js';

/**
 * Mentions of colleagues, messages with files and thread broadcasts, replayed in the shapes
 * Slack's Events API delivers them, through the real HTTP entry point and the real core.
 */

const server = useSlackServer({ realCore: true });

const JORDAN = 'UJORDAN01';

/** users.info for someone whose profile email the schedule does not have. */
function nockStranger() {
  return nock(SLACK_HOST)
    .post('/api/users.info', (body) => body.user === JORDAN)
    .reply(200, {
      ok: true,
      user: {
        id: JORDAN,
        name: 'jordan.smith',
        real_name: 'Jordan Smith',
        profile: { real_name: 'Jordan Smith', display_name: 'jordan', email: 'jordan.smith@example.edu' },
      },
    });
}

/** The rich_text block Slack clients send beside `text`. */
function richText(...elements: Array<Record<string, unknown>>) {
  return [
    {
      type: 'rich_text',
      block_id: 'Xq9bK',
      elements: [{ type: 'rich_text_section', elements }],
    },
  ];
}

async function answerTo(payload: unknown): Promise<{ text: string; blocks: string; thread?: string }> {
  const { scope, bodies } = nockMethod('chat.postMessage');
  const res = await postEvent(server.url, payload);
  expect(res.status).toBe(200);
  await waitFor(() => scope.isDone(), 'chat.postMessage');
  return { text: bodies[0]!.text!, blocks: bodies[0]!.blocks!, thread: bodies[0]!.thread_ts };
}

describe('a colleague @-mentioned in Slack', () => {
  it('a DM "what is @Bob on?" answers with Bob’s schedule, not the asker’s', async () => {
    const lookup = nockUsersInfo(BOB_SLACK, BOB.email);
    const text = `what is <@${BOB_SLACK}> on this month?`;
    const { text: said } = await answerTo(
      dmEvent(text, {
        blocks: richText(
          { type: 'text', text: 'what is ' },
          { type: 'user', user_id: BOB_SLACK },
          { type: 'text', text: ' on this month?' },
        ),
      }),
    );
    expect(lookup.isDone()).toBe(true);
    expect(said).toContain('Bob Diaz');
    expect(said).toMatch(/Critical Care|ICU/i);
    // Alice (the asker) is on IR at Duke this month: her schedule must not be the answer.
    expect(said).not.toMatch(/you are/i);
    expect(said).not.toContain(BOB.email);
  });

  it('a channel mention of the bot and a colleague answers in the thread about the colleague', async () => {
    // Bob's profile may already be cached from an earlier answer; users.info is there if not.
    nockUsersInfo(BOB_SLACK, BOB.email);
    const payload = eventCallback({
      type: 'app_mention',
      channel: 'C0GENERAL',
      user: ALICE.slackId,
      text: `<@${BOT_USER}> what is <@${BOB_SLACK}> on in November?`,
      ts: '1764342005.000300',
    });
    const { text, thread } = await answerTo(payload);
    expect(thread).toBe('1764342005.000300');
    expect(text).toContain('Bob Diaz');
    expect(text).not.toMatch(/\byou\b/i);
  });

  it('someone who is not on the schedule is named as such, and the asker’s schedule is not given', async () => {
    const lookup = nockStranger();
    const { text } = await answerTo(dmEvent(`what is <@${JORDAN}> on in March?`));
    expect(lookup.isDone()).toBe(true);
    expect(text).toMatch(/Jordan Smith isn't on the residents' schedule/);
    expect(text).not.toMatch(/Interventional Radiology|you are/i);
    expect(text).not.toContain('jordan.smith@example.edu');
  });

  it('a mention sent only as a rich_text user element is read too', async () => {
    nockUsersInfo(BOB_SLACK, BOB.email);
    const { text } = await answerTo(
      dmEvent('', {
        blocks: richText(
          { type: 'text', text: 'where is ' },
          { type: 'user', user_id: BOB_SLACK },
          { type: 'text', text: ' this month' },
        ),
      }),
    );
    expect(text).toContain('Bob Diaz');
  });

  it('a failed profile lookup still does not answer about the asker', async () => {
    nock(SLACK_HOST).post('/api/users.info').reply(200, { ok: false, error: 'user_not_found' });
    const { text } = await answerTo(dmEvent('what is <@UGONE0001> on in March?'));
    expect(text).toMatch(/the person you mentioned isn't on the residents' schedule/i);
    expect(text).not.toMatch(/you are on/i);
  });
});

describe('messages with a file, thread broadcasts, and images', () => {
  const file = {
    id: 'F0FILE001',
    name: 'image.png',
    mimetype: 'image/png',
    filetype: 'png',
    url_private: 'https://files.slack.com/files-pri/T0TEAM-F0FILE001/image.png',
  };

  it('a question with a file attached (subtype file_share) is answered', async () => {
    const { text } = await answerTo(
      dmEvent('does IR do TIPS?', { subtype: 'file_share', files: [file], upload: false }),
    );
    expect(text).toMatch(/^Yes/);
  });

  it('a thread reply also sent to the channel (subtype thread_broadcast) is answered in its thread', async () => {
    const { text, thread } = await answerTo(
      dmEvent('does IR do TIPS?', {
        subtype: 'thread_broadcast',
        thread_ts: '1764341000.000100',
        root: { type: 'message', user: ALICE.slackId, text: 'a question', ts: '1764341000.000100' },
      }),
    );
    expect(text).toMatch(/^Yes/);
    expect(thread).toBe('1764341000.000100');
  });

  it('an image with no text gets "I read text only", not the help', async () => {
    const { text } = await answerTo(dmEvent('', { subtype: 'file_share', files: [file], upload: false }));
    expect(text).toMatch(/^I read text only/);
  });
});

describe('dates in Slack messages', () => {
  it('become Slack date tokens with the program-locale text as their fallback', async () => {
    const { text, blocks } = await answerTo(dmEvent('what is my next rotation?'));
    // Alice moves to the VA on Tuesday, December 1, 2026 (noon UTC is 1796126400).
    expect(text).toContain('Tuesday, December 1, 2026');
    expect(blocks).toContain('<!date^1796126400^{date_long}|Tuesday, December 1, 2026>');
  });
});
