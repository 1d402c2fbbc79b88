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

export interface MentionedMember {
  id: string;
  aadObjectId?: string;
  /** As the text reads once `<at>` tags are removed. */
  name: string;
}

/** At most this many mentioned people are looked up per message. */
export const MAX_MENTIONS = 5;

/**
 * The people a message @-mentions other than the bot: their Teams id and the name as it reads
 * in the text (the mention entity's `<at>…</at>`), in order and once each.
 */
export function mentionsOf(activity: Partial<Activity>): MentionedMember[] {
  const botId = activity.recipient?.id;
  const seen = new Set<string>();
  const out: MentionedMember[] = [];
  for (const entity of activity.entities ?? []) {
    if (entity.type !== 'mention') continue;
    const mentioned = entity.mentioned as { id?: unknown; name?: unknown; aadObjectId?: unknown } | undefined;
    const id = typeof mentioned?.id === 'string' ? mentioned.id : '';
    if (!id || id === botId || seen.has(id)) continue;
    const written = typeof entity.text === 'string' ? entity.text.replace(/<\/?at>/gi, '') : '';
    const name = decodeEntities(
      written || (typeof mentioned?.name === 'string' ? mentioned.name : ''),
    ).trim();
    if (!name) continue;
    seen.add(id);
    const aad = typeof mentioned?.aadObjectId === 'string' ? mentioned.aadObjectId : undefined;
    out.push({ id, name, ...(aad ? { aadObjectId: aad } : {}) });
  }
  return out.slice(0, MAX_MENTIONS);
}

/** A message with attachments (a file, an image, a card) and no words. */
export function isAttachmentsOnly(activity: Partial<Activity>): boolean {
  const nonCard = (activity.attachments ?? []).filter((a) => a.contentType !== 'text/html');
  return nonCard.length > 0 && !questionOf(activity);
}
