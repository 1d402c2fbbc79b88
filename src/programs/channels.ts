import type { IncomingMessage } from '../core/types.js';
import type { ProgramRuntime } from '../runtime.js';

/**
 * Whether a conversation id belongs to a bound channel: the channel itself, a thread in it
 * (Slack "C0123:1700000000.1", Teams "19:…@thread.tacv2;messageid=…"), or a slash command in it.
 */
export function inChannel(conversationId: string, channel: string): boolean {
  const id = conversationId.startsWith('slack-command:')
    ? conversationId.slice('slack-command:'.length)
    : conversationId;
  return id === channel || id.startsWith(`${channel}:`) || id.startsWith(`${channel};`);
}

/** The program a message's channel is bound to (PROGRAM_SLACK_CHANNELS / PROGRAM_TEAMS_CONVERSATIONS). */
export function boundProgram(
  m: IncomingMessage,
  programs: readonly ProgramRuntime[],
): ProgramRuntime | undefined {
  const id = m.conversationId;
  if (!id || m.conversation === 'private') return undefined;
  const channelsOf = (p: ProgramRuntime) =>
    m.platform === 'slack' ? p.slackChannels : m.platform === 'teams' ? p.teamsConversations : [];
  return programs.find((p) => channelsOf(p).some((c) => inChannel(id, c)));
}
