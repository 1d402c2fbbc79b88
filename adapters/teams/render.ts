import { type Activity, type Attachment, CardFactory } from 'botbuilder';
import type { Answer } from '../../src/core/types.js';
import type { OutgoingPost } from '../../src/reminders/messenger.js';

/** Teams shows at most six card actions before folding the rest away. */
const MAX_ACTIONS = 6;

/** What a card button sends back: Teams posts `text` as the user's message, the Emulator sends `value`. */
export interface SuggestionData {
  question: string;
  msteams: { type: 'messageBack'; text: string; displayText: string };
}

type CardElement = Record<string, unknown>;

function paragraphs(text: string): CardElement[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p, i) => ({ type: 'TextBlock', text: p, wrap: true, ...(i > 0 ? { spacing: 'Medium' } : {}) }));
}

function itemList(post: OutgoingPost): CardElement[] {
  if (!post.items?.length) return [];
  const list: CardElement = {
    type: 'Container',
    spacing: post.itemsTitle ? 'Small' : 'Medium',
    items: post.items.map((item) => ({ type: 'TextBlock', text: `• ${item}`, wrap: true, spacing: 'None' })),
  };
  if (!post.itemsTitle) return [list];
  return [
    { type: 'TextBlock', text: post.itemsTitle, weight: 'Bolder', wrap: true, spacing: 'Medium' },
    list,
  ];
}

/** The plain-text version: notifications, screen readers and clients that cannot show cards. */
export function fallbackText(post: OutgoingPost): string {
  const parts = [post.text.trim()];
  if (post.items?.length) {
    const list = post.items.map((item) => `- ${item}`).join('\n');
    parts.push(post.itemsTitle ? `${post.itemsTitle}\n${list}` : list);
  }
  return parts.filter(Boolean).join('\n\n');
}

/** An Adaptive Card (schema 1.5) for an answer or a scheduled post; suggestions become buttons. */
export function renderCard(
  post: OutgoingPost,
  suggestions: Answer['suggestions'] = [],
  extraActions: CardElement[] = [],
): Record<string, unknown> {
  // Feedback actions are kept; suggestions take the room that is left.
  const room = Math.max(0, MAX_ACTIONS - extraActions.length);
  const suggested = suggestions.slice(0, room).map((s) => ({
    type: 'Action.Submit',
    title: s.label,
    data: {
      question: s.question,
      msteams: { type: 'messageBack', text: s.question, displayText: s.question },
    } satisfies SuggestionData,
  }));
  const actions = [...suggested, ...extraActions];
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: fallbackText(post),
    body: [...paragraphs(post.text), ...itemList(post)],
    ...(actions.length ? { actions } : {}),
  };
}

export function cardAttachment(card: Record<string, unknown>): Attachment {
  return CardFactory.adaptiveCard(card);
}

/**
 * The message activity for an answer. The fallback goes in `summary`, not `text`: Teams would show
 * a `text` above the card and repeat the answer.
 */
export function renderAnswer(answer: Answer, extraActions: CardElement[] = []): Partial<Activity> {
  return {
    type: 'message',
    summary: fallbackText(answer),
    attachments: [cardAttachment(renderCard(answer, answer.suggestions, extraActions))],
  };
}

export function renderPost(post: OutgoingPost): Partial<Activity> {
  return { type: 'message', summary: fallbackText(post), attachments: [cardAttachment(renderCard(post))] };
}
