import { ALICE, BOT_USER, HOOKS_HOST, NOW_SECONDS } from './helpers.js';

/** Real-shaped Slack payloads: Events API envelopes, slash commands, block_actions. */

let counter = 0;
export const nextId = (prefix = 'Ev') => `${prefix}${String(++counter).padStart(10, '0')}`;

/** An Events API envelope, as Slack delivers it. */
export function eventCallback(event: Record<string, unknown>, eventId = nextId()) {
  return {
    token: 'legacy-verification-token',
    team_id: 'T0TEAM',
    api_app_id: 'A0APP',
    event: { event_ts: '1764342000.000100', ...event },
    type: 'event_callback',
    event_id: eventId,
    event_time: NOW_SECONDS,
    authorizations: [
      {
        enterprise_id: null,
        team_id: 'T0TEAM',
        user_id: BOT_USER,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
    event_context: '4-eyJldCI6Im1lc3NhZ2UifQ',
  };
}

/** Alice writing to the bot in her DM with it. */
export function dmEvent(text: string, extra: Record<string, unknown> = {}) {
  return eventCallback({
    type: 'message',
    channel: 'D0ALICE',
    channel_type: 'im',
    user: ALICE.slackId,
    text,
    ts: '1764342000.000100',
    ...extra,
  });
}

export function slashCommand(text: string, responsePath = `/commands/T0TEAM/${nextId('')}/xyz`) {
  return {
    token: 'legacy-verification-token',
    team_id: 'T0TEAM',
    team_domain: 'duke-ir',
    channel_id: 'C0GENERAL',
    channel_name: 'ir-residents',
    user_id: BOB_SLACK,
    user_name: 'bob.diaz',
    command: '/rotabot',
    text,
    api_app_id: 'A0APP',
    is_enterprise_install: 'false',
    response_url: `${HOOKS_HOST}${responsePath}`,
    trigger_id: `${nextId('')}.1234.abcd`,
  };
}

/** Bob's Slack id is not in the schedule: he is found through users.info. */
export const BOB_SLACK = 'UBOB0002';

export function blockActions(args: {
  actionId: string;
  value: string;
  user?: string;
  container: Record<string, unknown>;
  channel?: string;
  message?: Record<string, unknown>;
  responsePath?: string;
}) {
  return {
    type: 'block_actions',
    user: { id: args.user ?? BOB_SLACK, username: 'bob.diaz', name: 'bob.diaz', team_id: 'T0TEAM' },
    api_app_id: 'A0APP',
    token: 'legacy-verification-token',
    container: args.container,
    trigger_id: `${nextId('')}.1234.abcd`,
    team: { id: 'T0TEAM', domain: 'duke-ir' },
    enterprise: null,
    is_enterprise_install: false,
    ...(args.channel ? { channel: { id: args.channel, name: 'ir-residents' } } : {}),
    ...(args.message ? { message: args.message } : {}),
    response_url: `${HOOKS_HOST}${args.responsePath ?? `/actions/T0TEAM/${nextId('')}/xyz`}`,
    actions: [
      {
        action_id: args.actionId,
        block_id: 'b1',
        text: { type: 'plain_text', text: 'Button', emoji: true },
        value: args.value,
        type: 'button',
        action_ts: '1764342000.123456',
      },
    ],
  };
}
