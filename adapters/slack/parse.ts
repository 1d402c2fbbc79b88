import type { ConversationKind } from '../../src/core/types.js';

const USER_MENTION = /<@([UW][A-Z0-9]+)(?:\|([^>]*))?>/g;

/** At most this many people are looked up per message: a pasted list of mentions costs a bounded number of calls. */
export const MAX_MENTIONS = 5;

/** The users a message mentions, other than the bot, in order and once each. */
export function mentionedUsers(text: string, botUserId?: string): string[] {
  const ids = [...text.matchAll(USER_MENTION)].map((m) => m[1]!).filter((id) => id !== botUserId);
  return [...new Set(ids)].slice(0, MAX_MENTIONS);
}

/**
 * Slack's message text, read as a person wrote it: the bot's own mention removed, other
 * people by the name `names` gives (else their label), channels and links as their labels,
 * and mrkdwn's escapes undone.
 */
export function plainText(text: string, botUserId?: string, names?: ReadonlyMap<string, string>): string {
  return text
    .replace(USER_MENTION, (_m, id: string, label?: string) => {
      if (id === botUserId) return ' ';
      const name = names?.get(id);
      return name ? ` ${name} ` : label ? `@${label}` : '';
    })
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

/** A rich_text element: Slack's structured copy of the message (user mentions as `user` elements). */
interface RichTextElement {
  type?: string;
  text?: string;
  user_id?: string;
  url?: string;
  name?: string;
  elements?: RichTextElement[];
}

/** The fields of a Slack message event that decide whether we answer it. */
export interface MessageEventLike {
  type?: string;
  subtype?: string;
  blocks?: RichTextElement[];
  files?: unknown[];
  bot_id?: string;
  bot_profile?: unknown;
  user?: string;
  text?: string;
  channel?: string;
  channel_type?: string;
}

/**
 * Subtypes a person sends as an ordinary message: with a file attached, and a thread reply
 * also sent to the channel. Edits, deletions, joins and the rest are not questions.
 */
const QUESTION_SUBTYPES = new Set(['file_share', 'thread_broadcast']);

/**
 * The message's text in Slack's wire format. `text` normally carries everything; when a client
 * sent only rich_text blocks, the text is rebuilt from them (user elements as `<@U…>`).
 */
export function messageText(event: MessageEventLike): string {
  if (event.text?.trim()) return event.text;
  const out: string[] = [];
  const walk = (elements: RichTextElement[] = []) => {
    for (const e of elements) {
      if (e.type === 'text') out.push(e.text ?? '');
      else if (e.type === 'user' && e.user_id) out.push(`<@${e.user_id}>`);
      else if (e.type === 'link') out.push(e.text ?? e.url ?? '');
      else if (e.type === 'emoji') out.push(' ');
      else walk(e.elements);
    }
  };
  walk(event.blocks?.filter((b) => b.type === 'rich_text'));
  return out.join('');
}

/**
 * Why a message event is not a question for us, or null when it is. Of the subtypes only a
 * file share and a thread broadcast are questions; nothing a bot (us included) wrote is.
 */
export function ignoreReason(event: MessageEventLike, botUserId?: string): string | null {
  if (event.subtype && !QUESTION_SUBTYPES.has(event.subtype)) return `subtype ${event.subtype}`;
  if (event.bot_id || event.bot_profile) return 'from a bot';
  if (!event.user) return 'no user';
  if (botUserId && event.user === botUserId) return 'our own message';
  if (!messageText(event).trim() && !event.files?.length) return 'no text';
  return null;
}

/** A message that is only a file or an image: there is no question to read. */
export function isFilesOnly(event: MessageEventLike, botUserId?: string): boolean {
  return Boolean(event.files?.length) && !plainText(messageText(event), botUserId);
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
