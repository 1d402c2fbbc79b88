import { loadConfig } from '../../src/config.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import type { Knowledge } from '../../src/knowledge/schema.js';
import { silentLogger } from '../../src/logger.js';
import {
  type Destination,
  type Messenger,
  type OutgoingPost,
  PostNotSentError,
  type PostTag,
  RecipientUnreachableError,
} from '../../src/reminders/messenger.js';
import { noMetrics, type Runtime } from '../../src/runtime.js';
import { createSchedule } from '../../src/schedule/index.js';
import type { Block, Resident, Schedule } from '../../src/schedule/types.js';
import type { Store } from '../../src/store/store.js';

/** A block from a label and its dates; rotationId is the lower-cased label unless given. */
export function block(label: string, start: string, end: string, extra: Partial<Block> = {}): Block {
  return { label, rotationId: label.toLowerCase(), start, end, source: 'test.csv:1', ...extra };
}

export function resident(
  name: string,
  level: string,
  blocks: Block[],
  extra: Partial<Resident> = {},
): Resident {
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.edu`;
  return { email, name, level, blocks, ...extra };
}

/** The real schedule index over hand-made residents. */
export function scheduleOf(residents: Resident[]): Schedule {
  return createSchedule(residents);
}

let knowledge: Promise<Knowledge> | undefined;
/** The shipped knowledge base (rotations ir, ir-va, dr-body, … with their reminder facts). */
export function shippedKnowledge(): Promise<Knowledge> {
  knowledge ??= loadKnowledge('knowledge');
  return knowledge;
}

/**
 * Residents changing rotation on Tuesday, December 1, 2026 (reminder Monday, November 30 with
 * lead 1), and one who stays on the same rotation (no reminder).
 */
export function decemberResidents(count = 6): Resident[] {
  const labels = ['IR', 'IR-VA', 'DR-Body', 'ICU', 'Research', 'DR-Chest'];
  const ids = ['ir-duke', 'ir-va', 'dr-body', 'icu', 'research', 'dr-chest'];
  const people = Array.from({ length: count }, (_, i) =>
    resident(
      `Resident${String.fromCharCode(65 + Math.floor(i / 26))}${String.fromCharCode(97 + (i % 26))} Test`,
      i % 2 ? 'R5' : 'R4',
      [
        block('Elective', '2026-11-01', '2026-11-30', { rotationId: null }),
        block(labels[i % labels.length]!, '2026-12-01', '2026-12-31', { rotationId: ids[i % ids.length]! }),
      ],
    ),
  );
  const stays = resident('Stay Same', 'R4', [
    block('IR', '2026-11-01', '2026-11-30', { rotationId: 'ir-duke' }),
    block('IR', '2026-12-01', '2026-12-31', { rotationId: 'ir-duke' }),
  ]);
  return [...people, stays];
}

export interface Sent {
  platform: 'slack' | 'teams';
  to: string;
  post: OutgoingPost;
  tag?: PostTag;
}

export interface FakeMessengerOptions {
  platform?: 'slack' | 'teams';
  /** Shared log of every post, across messengers (several "replicas"). */
  log?: Sent[];
  unreachable?: string[];
  /** Refuse (PostNotSentError) every send after this many successful ones. */
  failAfter?: number;
  /** Hang forever on the send after this many successful ones. */
  hangAfter?: number;
  /** Whether the runner can look for a post in the log, as in Slack's history (default: like the platform). */
  readsHistory?: boolean;
}

export function fakeMessenger(options: FakeMessengerOptions = {}): Messenger & { sent: Sent[] } {
  const platform = options.platform ?? 'slack';
  const sent = options.log ?? [];
  const readsHistory = options.readsHistory ?? platform === 'slack';
  let count = 0;
  async function send(to: string, post: OutgoingPost, tag?: PostTag): Promise<void> {
    if (options.hangAfter !== undefined && count >= options.hangAfter) return new Promise<void>(() => {});
    if (options.failAfter !== undefined && count >= options.failAfter)
      throw new PostNotSentError('platform_unavailable');
    // A real post takes a moment; lets concurrent replicas interleave.
    await new Promise((resolve) => setImmediate(resolve));
    count++;
    sent.push({ platform, to, post, tag });
  }
  const address = (to: Destination) => ('channel' in to ? to.channel : to.person.email);
  return {
    platform,
    sent,
    async prepare(to, post, tag) {
      const where = address(to);
      if (options.unreachable?.includes(where))
        throw new RecipientUnreachableError(`${where} unknown`, 'users_not_found');
      return {
        post: () => send(where, post, tag),
        ...(readsHistory && {
          find: async () =>
            sent.some(
              (s) => s.platform === platform && s.tag?.run === tag.run && s.tag.delivery === tag.delivery,
            ),
        }),
      };
    },
    postToChannel: (channel, post) => send(channel, post),
    postToPerson: (recipient, post) => send(recipient.email, post),
  };
}

export function testRuntime(parts: {
  store: Store;
  knowledge: Knowledge;
  schedule: Schedule;
  env?: Record<string, string>;
  now?: () => Date;
}): Runtime {
  return {
    config: loadConfig({ ANNOUNCE_SLACK_CHANNEL: 'C-ANNOUNCE', ...parts.env }),
    logger: silentLogger,
    store: parts.store,
    knowledge: { current: () => parts.knowledge, close: async () => {} },
    schedule: { current: () => parts.schedule, close: async () => {} },
    bot: { handle: async () => ({ intent: 'none', text: '', factIds: [] }) },
    metrics: noMetrics,
    clock: parts.now ?? (() => new Date('2026-11-30T13:00:00Z')),
  };
}

/** How many times each recipient got a post. */
export function countBy(sent: Sent[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of sent) counts[s.to] = (counts[s.to] ?? 0) + 1;
  return counts;
}
