import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { registryOf } from '../../src/metrics.js';
import {
  ALICE,
  nockAuthTest,
  nockResponseUrl,
  postEvent,
  type SlackTestServer,
  waitFor,
} from '../slack/helpers.js';
import { dmEvent } from '../slack/payloads.js';
import {
  buttonsOf,
  COORDINATORS,
  handoffServer,
  press,
  recordSlack,
  textOf,
  threadReply,
} from './slack-helpers.js';

let server: SlackTestServer & Awaited<ReturnType<typeof handoffServer>>;
let slack: ReturnType<typeof recordSlack>;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  nockAuthTest();
  slack = recordSlack();
  server = await handoffServer({ env: { HANDOFF_PER_DAY: '2' } });
});
afterEach(() => {
  slack.posts.length = 0;
  slack.updates.length = 0;
});
afterAll(async () => {
  await server.close();
  nock.cleanAll();
  nock.enableNetConnect();
});

async function askInDm(text: string) {
  const before = slack.posts.length;
  await postEvent(server.url, dmEvent(text, { ts: `1764342000.${String(Math.random()).slice(2, 8)}` }));
  await waitFor(() => slack.posts.length > before, 'the answer');
  return slack.posts.at(-1)!;
}

function buttonValue(post: Record<string, string>, label: string): string {
  const found = buttonsOf(post).find((b) => (b.text as { text: string }).text === label);
  if (!found) throw new Error(`no ${label} button`);
  return String(found.value);
}

describe('feedback on Slack answers', () => {
  it('records a vote once per answer and asker, counts it by intent and fact in /metrics, keeps no text', async () => {
    const answer = await askInDm('does IR do TIPS?');
    const labels = buttonsOf(answer).map((b) => (b.text as { text: string }).text);
    expect(labels).toEqual(['Helpful', 'Not helpful']);
    const id = buttonValue(answer, 'Helpful');

    const first = nockResponseUrl('/vote/1');
    await press(server.url, 'rotabot_feedback_up', id, ALICE.slackId!, '/vote/1');
    await waitFor(() => first.scope.isDone(), 'the thanks');
    expect(first.bodies[0]).toMatchObject({ response_type: 'ephemeral', text: 'Thanks for the feedback!' });

    const again = nockResponseUrl('/vote/2');
    await press(server.url, 'rotabot_feedback_down', id, ALICE.slackId!, '/vote/2');
    await waitFor(() => again.scope.isDone(), 'the second press');
    expect(again.bodies[0]!.text).toMatch(/already gave feedback/);

    const metrics = await (await registryOf(server.runtime.metrics))!.metrics();
    expect(metrics).toContain('rotabot_feedback_total{vote="up",intent="procedure.does-ir"} 1');
    expect(metrics).toContain('rotabot_feedback_facts_total{vote="up",fact="tips"} 1');
    expect(metrics).not.toContain('vote="down"');
    const voteKeys = await server.runtime.store.keys('feedback:vote:');
    expect(voteKeys).toHaveLength(1);
    expect(await server.runtime.store.get(voteKeys[0]!)).toBe('up');
  });

  it('offers Ask a coordinator after a Not helpful vote', async () => {
    const answer = await askInDm('does IR do TIPS?');
    const reply = nockResponseUrl('/vote/3');
    await press(
      server.url,
      'rotabot_feedback_down',
      buttonValue(answer, 'Not helpful'),
      ALICE.slackId!,
      '/vote/3',
    );
    await waitFor(() => reply.scope.isDone(), 'the reply to the vote');
    expect(buttonsOf(reply.bodies[0] as Record<string, string>).map((b) => b.action_id)).toEqual([
      'rotabot_handoff',
    ]);
  });
});

describe('a hand-off from Slack', () => {
  it('posts the card, relays a thread reply once, ignores one from outside, and offers the FAQ entry', async () => {
    const answer = await askInDm('is there parking at the VA?');
    const ask = buttonValue(answer, 'Ask a coordinator');

    const told = nockResponseUrl('/ask/1');
    await press(server.url, 'rotabot_handoff', ask, ALICE.slackId!, '/ask/1');
    await waitFor(() => told.scope.isDone(), 'the resident is told');
    expect(told.bodies[0]!.text).toMatch(
      /passed your question to the program coordinators.*within two working days/,
    );
    const card = slack.posts.find((p) => p.channel === COORDINATORS)!;
    const cardText = textOf(card);
    expect(cardText).toContain('is there parking at the VA?');
    expect(cardText).toContain('Alice Chen (R5)');
    expect(cardText).toContain('a Slack direct message');
    expect(cardText).toContain("I don't know about parking");
    expect(JSON.stringify(card)).not.toContain(ALICE.email);
    // The card's ts is what our fake Slack answered for that post.
    const ts = (await server.runtime.store.keys('handoff:card:slack:'))[0]!.split(':').at(-1)!;

    // Outside the coordinators' channel (same thread ts): not relayed.
    const before = slack.posts.length;
    await threadReply(server.url, {
      channel: 'C0OTHER',
      threadTs: ts,
      ts: '1764342500.000001',
      text: 'Park anywhere!',
    });
    await threadReply(server.url, {
      threadTs: ts,
      ts: '1764342500.000002',
      text: 'Yes: the deck on Fulton Street.',
    });
    await waitFor(() => slack.updates.length > 0, 'the card update');
    const relayed = slack.posts.slice(before);
    expect(relayed).toHaveLength(1);
    expect(relayed[0]).toMatchObject({ channel: 'D0ALICE' });
    expect(relayed[0]!.text).toContain('Carol Coordinator (program coordinator) answered your question');
    expect(relayed[0]!.text).toContain('Yes: the deck on Fulton Street.');
    expect(textOf(slack.updates[0]!)).toContain('Answered by Carol Coordinator');

    // The same reply delivered again (a retry with a new event id): not relayed twice.
    await threadReply(server.url, {
      threadTs: ts,
      ts: '1764342500.000002',
      text: 'Yes: the deck on Fulton Street.',
    });
    const faq = nockResponseUrl('/faq/1');
    await press(
      server.url,
      'rotabot_handoff_faq',
      buttonValue(slack.updates[0]!, 'Save as FAQ'),
      CAROL_ID,
      '/faq/1',
    );
    await waitFor(() => faq.scope.isDone(), 'the FAQ entry');
    expect(slack.posts.slice(before)).toHaveLength(1);
    expect(faq.bodies[0]!.text).toContain('question: Is there parking at the VA?');
    expect(faq.bodies[0]!.text).toContain('answer: "Yes: the deck on Fulton Street."');
    // Question and reply text never in the log above debug.
    const loud = server.lines.filter((l) => Number(l.level) >= 30).map((l) => JSON.stringify(l));
    expect(loud.length).toBeGreaterThan(0);
    expect(loud.filter((l) => /parking|Fulton/i.test(l))).toEqual([]);
  });

  it('limits hand-offs per resident per day', async () => {
    const outcomes: string[] = [];
    for (const n of [1, 2]) {
      const answer = await askInDm(`parking question ${n}`);
      const told = nockResponseUrl(`/ask/limit-${n}`);
      await press(
        server.url,
        'rotabot_handoff',
        buttonValue(answer, 'Ask a coordinator'),
        ALICE.slackId!,
        `/ask/limit-${n}`,
      );
      await waitFor(() => told.scope.isDone(), 'the resident is told');
      outcomes.push(String(told.bodies[0]!.text));
    }
    // The first test's hand-off counts too: HANDOFF_PER_DAY is 2.
    expect(outcomes[0]).toMatch(/passed your question/);
    expect(outcomes[1]).toMatch(/You have handed 2 questions/);
  });

  it('says so on the card when the resident cannot be reached', async () => {
    const answer = await askInDm('where is parking for nights?');
    const told = nockResponseUrl('/ask/unreach');
    await server.runtime.store.delete('handoff:rate:alice.chen@example.edu');
    await press(
      server.url,
      'rotabot_handoff',
      buttonValue(answer, 'Ask a coordinator'),
      ALICE.slackId!,
      '/ask/unreach',
    );
    await waitFor(() => told.scope.isDone(), 'the resident is told');
    const handoffs = await server.runtime.store.keys('handoff:card:slack:');
    const newest = handoffs.sort().at(-1)!.split(':').at(-1)!;
    slack.gone.add('D0ALICE');
    await threadReply(server.url, {
      threadTs: newest,
      ts: '1764342600.000001',
      text: 'Nights: the same deck.',
    });
    await waitFor(() => slack.updates.length > 0, 'the card update');
    expect(textOf(slack.updates[0]!)).toMatch(/Could not reach Alice Chen.*channel_not_found/);
    expect((await server.runtime.handoff!.get(await handoffIdOf(newest)))?.state).toBe('unreachable');
    slack.gone.clear();
  });
});

const CAROL_ID = 'UCAROL01';

async function handoffIdOf(cardTs: string): Promise<string> {
  return (await server.runtime.store.get(`handoff:card:slack:${COORDINATORS}:${cardTs}`))!;
}
