import { signSlackRequest } from '../adapters/slack/verify.js';

/** The signing secret the benchmarks' servers are given, and their signed requests carry. */
export const BENCH_SIGNING_SECRET = 'bench-signing-secret';

/** Each delivery has its own ids: a server ignores one it has seen (Slack retries). */
let sequence = 0;

/** A resident's direct message as Slack's Events API delivers it, signed; one conversation per number. */
export function signedSlackMessage(
  conversation: number,
  text: string,
): { body: string; headers: Record<string, string> } {
  const n = ++sequence;
  const body = JSON.stringify({
    type: 'event_callback',
    team_id: 'T1',
    api_app_id: 'A1',
    event_id: `EvBench${n}-${conversation}`,
    event_time: Math.floor(Date.now() / 1000),
    event: {
      type: 'message',
      channel: `D${conversation}`,
      channel_type: 'im',
      user: `U${conversation}`,
      text,
      ts: `${1_700_000_000 + n}.${String(conversation).padStart(6, '0')}`,
    },
  });
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signSlackRequest(BENCH_SIGNING_SECRET, timestamp, body),
    },
  };
}

/** A resident's personal-chat message as the Teams service sends it; one conversation per user number. */
export function teamsMessage(serviceUrl: string, user: number, text: string) {
  return {
    type: 'message',
    id: `bench-${++sequence}`,
    serviceUrl,
    channelId: 'msteams',
    from: { id: `29:user-${user}`, aadObjectId: `aad-${user}`, name: 'Bench Resident' },
    conversation: { conversationType: 'personal', id: `a:bench-${user}` },
    recipient: { id: '28:bot', name: 'Rotabot' },
    text,
  };
}
