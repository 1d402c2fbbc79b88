import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { ALICE, nockMethod, postEvent, useSlackServer, waitFor } from './helpers.js';
import { eventCallback } from './payloads.js';

const server = useSlackServer({ store: createMemoryStore() });

const homeOpened = (tab: 'home' | 'messages') =>
  eventCallback({ type: 'app_home_opened', user: ALICE.slackId, channel: 'D0ALICE', tab });

describe('App Home', () => {
  it('the first open welcomes the resident in their DM with question buttons; later opens do not', async () => {
    const welcome = nockMethod('chat.postMessage');
    const home = nockMethod('views.publish');
    expect((await postEvent(server.url, homeOpened('home'))).status).toBe(200);
    await waitFor(() => welcome.scope.isDone() && home.scope.isDone(), 'welcome and home');
    expect(welcome.bodies[0]!.channel).toBe(ALICE.slackId);
    expect(welcome.bodies[0]!.text).toMatch(
      /^Hi! I'm rotabot\. I answer questions about Duke Interventional Radiology/,
    );
    const buttons = JSON.parse(welcome.bodies[0]!.blocks!).at(-1).elements as { value: string }[];
    expect(buttons.map((b) => b.value)).toContain('What is my next rotation?');

    // The Home tab offers the calendar subscription, answered in the DM like every Home button.
    const view = JSON.parse(home.bodies[0]!.view!);
    const all = JSON.stringify(view.blocks);
    expect(all).toContain('Your rotations in your calendar');
    expect(all).toContain('How do I subscribe to my schedule in my calendar?');

    const again = nockMethod('views.publish');
    const second = nockMethod('chat.postMessage');
    await postEvent(server.url, homeOpened('messages'));
    await postEvent(server.url, homeOpened('home'));
    await waitFor(() => again.scope.isDone(), 'home again');
    expect(second.scope.isDone()).toBe(false);
  });
});
