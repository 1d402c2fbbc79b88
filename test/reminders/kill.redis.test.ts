import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildAnnouncement } from '../../src/reminders/content.js';
import { deleteKeysUnder, testKeyPrefix } from '../support/redis-keys.js';
import { type Cue, type FakeSlack, startFakeSlack } from './fake-slack.js';
import { decemberResidents, scheduleOf, shippedKnowledge } from './fixtures.js';

/**
 * A replica process killed with SIGKILL at each step of a send, then a fresh process finishing
 * the run: real processes, real Redis, a local Slack. Exactly one post per recipient, nobody missed.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const RESIDENTS = 6;
const prefixes: string[] = [];
afterAll(async () => {
  for (const prefix of prefixes) await deleteKeysUnder(prefix);
});

interface Replica {
  child: ChildProcess;
  /** The report it printed, or null when it was killed first. */
  finished: Promise<{ status: string; problems: unknown[] } | null>;
}

function startReplica(slack: FakeSlack, prefix: string, job: 'announce' | 'remind'): Replica {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/reminders/send-process.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      SLACK_API_URL: slack.url,
      REDIS_PREFIX: prefix,
      JOB: job,
      PERIOD: job === 'announce' ? '2026-12' : '2026-11-30',
      RESIDENTS: String(RESIDENTS),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (chunk) => {
    out += chunk;
  });
  const finished = new Promise<{ status: string; problems: unknown[] } | null>((resolve) =>
    child.once('exit', (code, signal) =>
      resolve(
        signal ? null : out ? JSON.parse(out) : { status: `exited ${code} without a report`, problems: [] },
      ),
    ),
  );
  return { child, finished };
}

/** Kills `victim` with SIGKILL the nth time `method` reaches `phase`. */
function killAt(
  slack: FakeSlack,
  method: string,
  phase: Parameters<Cue>[1],
  nth: number,
  victim: () => ChildProcess,
) {
  let seen = 0;
  let killed = false;
  slack.onCue((m, p) => {
    if (m === method && p === phase && ++seen === nth && !killed) {
      killed = true;
      victim().kill('SIGKILL');
    }
  });
  return () => killed;
}

function dmCounts(slack: FakeSlack): number[] {
  const counts: Record<string, number> = {};
  for (const m of slack.postsTo().filter((m) => m.channel.startsWith('D')))
    counts[m.channel] = (counts[m.channel] ?? 0) + 1;
  return Object.values(counts);
}

const remindSteps: Array<[string, string, Parameters<Cue>[1]]> = [
  ['before the DM is opened', 'conversations.open', 'request'],
  ['after the DM was opened', 'conversations.open', 'replied'],
  ['after the post was recorded, before its reply', 'chat.postMessage', 'recorded'],
  ['after the reply, before done is written', 'chat.postMessage', 'replied'],
];

const announceSteps: Array<[string, string, Parameters<Cue>[1]]> = [
  ['before the post', 'chat.postMessage', 'request'],
  ['after the post was recorded, before its reply', 'chat.postMessage', 'recorded'],
  ['after the reply, before done is written', 'chat.postMessage', 'replied'],
];

describe('kill -9 at each step of a send, then a fresh process (real processes and Redis)', {
  timeout: 120_000,
}, () => {
  it.each(remindSteps)('reminders, killed %s: one DM per resident', async (_step, method, phase) => {
    const slack = await startFakeSlack();
    const prefix = testKeyPrefix('kill');
    prefixes.push(prefix);
    try {
      const first = startReplica(slack, prefix, 'remind');
      const killed = killAt(slack, method, phase, 3, () => first.child);
      expect(await first.finished).toBeNull();
      expect(killed()).toBe(true);
      const fresh = startReplica(slack, prefix, 'remind');
      expect(await fresh.finished).toMatchObject({ status: 'done', problems: [] });
      expect(dmCounts(slack)).toEqual(Array(RESIDENTS).fill(1));
    } finally {
      await slack.close();
    }
  });

  it.each(announceSteps)('the announcement, killed %s: posted once', async (_step, method, phase) => {
    const slack = await startFakeSlack();
    const prefix = testKeyPrefix('kill');
    prefixes.push(prefix);
    try {
      const first = startReplica(slack, prefix, 'announce');
      killAt(slack, method, phase, 1, () => first.child);
      expect(await first.finished).toBeNull();
      const fresh = startReplica(slack, prefix, 'announce');
      expect(await fresh.finished).toMatchObject({ status: 'done' });
      const parts = buildAnnouncement(
        await shippedKnowledge(),
        scheduleOf(decemberResidents(RESIDENTS)),
        '2026-12',
      );
      expect(slack.postsTo('C-ANNOUNCE').map((m) => m.text.split('\n')[0])).toEqual(parts.map((p) => p.text));
    } finally {
      await slack.close();
    }
  });

  it('three replica processes racing, one killed mid-send and replies lost: one DM each', async () => {
    const slack = await startFakeSlack();
    const prefix = testKeyPrefix('kill');
    prefixes.push(prefix);
    try {
      slack.fault('chat.postMessage', 'record-then-500', { nth: 2 });
      slack.fault('chat.postMessage', 'record-then-reset', { nth: 5 });
      const replicas = [1, 2, 3].map(() => startReplica(slack, prefix, 'remind'));
      killAt(slack, 'chat.postMessage', 'recorded', 3, () => replicas[0]!.child);
      const reports = await Promise.all(replicas.map((r) => r.finished));
      // Whoever was killed printed nothing; every survivor saw the run done.
      expect(reports.filter(Boolean).length).toBeGreaterThanOrEqual(2);
      for (const report of reports.filter(Boolean)) expect(report!.status).toMatch(/^(done|already-done)$/);
      expect(dmCounts(slack)).toEqual(Array(RESIDENTS).fill(1));
    } finally {
      await slack.close();
    }
  });
});
