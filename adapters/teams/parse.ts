import { type Activity, TurnContext } from 'botbuilder';
import type { ConversationKind } from '../../src/core/types.js';

export function conversationKind(activity: Partial<Activity>): ConversationKind {
  switch (activity.conversation?.conversationType) {
    case 'channel':
      return 'channel';
    case 'groupChat':
      return 'group';
    default:
      // 'personal', and the Emulator, which sends no conversation type.
      return 'private';
  }
}

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#\d+|#x[\da-f]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * The question in a message activity: the text without the bot's @mention (found through the
 * mention entity), other people's mentions kept as their names, or, for a card button, the
 * question the button carries.
 */
export function questionOf(activity: Partial<Activity>): string {
  let text = activity.text ?? '';
  if (text && activity.recipient?.id) text = TurnContext.removeRecipientMention(activity) ?? text;
  text = decodeEntities(
    text.replace(/<at>([^<]*)<\/at>/gi, '$1').replace(/<\/?[a-z][a-z0-9]*(\s[^>]*)?\/?>/gi, ' '),
  );
  text = text.replace(/\s+/g, ' ').trim();
  if (text) return text;
  const value = activity.value as { question?: unknown } | undefined;
  return typeof value?.question === 'string' ? value.question.trim() : '';
}
