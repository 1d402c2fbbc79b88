import type { ConversationKind } from '../../src/core/types.js';

/**
 * Slack's message text, read as a person wrote it: the bot's own mention removed, other
 * mentions, channels and links as their labels, and mrkdwn's escapes undone.
 */
export function plainText(text: string, botUserId?: string): string {
  return text
    .replace(/<@([UW][A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, name?: string) =>
      id === botUserId ? ' ' : name ? `@${name}` : '',
    )
    .replace(/<#[CG][A-Z0-9]+(?:\|([^>]*))?>/g, (_m, name?: string) => (name ? `#${name}` : ''))
    .replace(/<!(?:here|channel|everyone)(?:\|[^>]*)?>/g, '')
    .replace(/<(?:mailto:)?([^>|]+)\|([^>]+)>/g, '$2')
    .replace(/<([^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The fields of a Slack message event that decide whether we answer it. */
export interface MessageEventLike {
  type?: string;
  subtype?: string;
  bot_id?: string;
  bot_profile?: unknown;
  user?: string;
  text?: string;
  channel?: string;
  channel_type?: string;
}

/**
 * Why a message event is not a question for us, or null when it is. Edits, deletions, joins
 * and every other subtype are not questions; neither is anything a bot (us included) wrote.
 */
export function ignoreReason(event: MessageEventLike, botUserId?: string): string | null {
  if (event.subtype) return `subtype ${event.subtype}`;
  if (event.bot_id || event.bot_profile) return 'from a bot';
  if (!event.user) return 'no user';
  if (botUserId && event.user === botUserId) return 'our own message';
  if (!event.text?.trim()) return 'no text';
  return null;
}

/** D… ids are direct messages with the bot: private; everything else is seen by others. */
export function conversationKind(channelId: string | undefined): ConversationKind {
  return channelId?.startsWith('D') ? 'private' : 'channel';
}

/** An empty question or "help" shows the help. */
export function isHelpRequest(text: string): boolean {
  return /^(help|\?|)$/i.test(text.trim());
}

/**
 * Which conversation a Slack question belongs to, for follow-ups: a DM (or a thread in it), a
 * channel thread (a mention at the top of a channel starts the thread its answer goes to), or,
 * for the slash command, which has no thread, the channel it was typed in (the asker is part of
 * every context key, so people never share one).
 */
export function slackConversationId(
  where: { channel: string; threadTs?: string; ts?: string } | { command: string },
): string {
  if ('command' in where) return `slack-command:${where.command}`;
  if (where.channel.startsWith('D'))
    return where.threadTs ? `${where.channel}:${where.threadTs}` : where.channel;
  const thread = where.threadTs ?? where.ts;
  return thread ? `${where.channel}:${thread}` : where.channel;
}
