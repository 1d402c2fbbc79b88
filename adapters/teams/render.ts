import { type Activity, type Attachment, CardFactory } from 'botbuilder';
import type { Answer } from '../../src/core/types.js';
import type { OutgoingPost } from '../../src/reminders/messenger.js';
import { fitPage, moreLabel, type Page, pageNote } from '../paging.js';

/** Teams shows at most six card actions before folding the rest away. */
const MAX_ACTIONS = 6;

/**
 * Teams refuses a message over 100 KB and is only reliably safe under ~28 KB, JSON included: the
 * card's body is kept under BODY_BYTES and the plain-text fallbacks (sent twice: the activity's
 * summary and the card's fallbackText) under FALLBACK_CHARS each.
 */
export const LIMITS = { bodyBytes: 20_000, fallbackChars: 1_500, questionChars: 2_000 } as const;

/** What a More button sends back: the question again, and the first item not yet shown. */
export interface MoreData extends SuggestionData {
  from: number;
}

/** What a card button sends back: Teams posts `text` as the user's message, the Emulator sends `value`. */
export interface SuggestionData {
  question: string;
  msteams: { type: 'messageBack'; text: string; displayText: string };
}

type CardElement = Record<string, unknown>;

function textBlock(text: string, spacing?: string): CardElement {
  return { type: 'TextBlock', text, wrap: true, ...(spacing ? { spacing } : {}) };
}

function bytes(element: unknown): number {
  return Buffer.byteLength(JSON.stringify(element)) + 1;
}

/** Paragraphs within `budget` bytes (at least the first, cut to fit). */
function paragraphs(text: string, budget: number): CardElement[] {
  const out: CardElement[] = [];
  let used = 0;
  for (const p of text
    .split(/\n\s*\n/)
    .map((x) => x.trim())
    .filter(Boolean)) {
    const block = textBlock(out.length ? p : p.slice(0, budget / 2), out.length ? 'Medium' : undefined);
    const size = bytes(block);
    if (out.length && used + size > budget) break;
    out.push(block);
    used += size;
  }
  return out;
}

function itemList(post: OutgoingPost, budget: number, from: number): { elements: CardElement[]; page: Page } {
  const items = post.items ?? [];
  let used = post.itemsTitle ? bytes(textBlock(post.itemsTitle)) + 60 : 60;
  const page = fitPage(items, from, (item) => {
    const size = bytes(textBlock(`• ${item}`, 'None'));
    if (used + size > budget) return false;
    used += size;
    return true;
  });
  if (!page.shown.length) return { elements: [], page };
  const list: CardElement = {
    type: 'Container',
    spacing: post.itemsTitle ? 'Small' : 'Medium',
    items: page.shown.map((item) => textBlock(`• ${item}`, 'None')),
  };
  if (!post.itemsTitle) return { elements: [list], page };
  return {
    elements: [
      { type: 'TextBlock', text: post.itemsTitle, weight: 'Bolder', wrap: true, spacing: 'Medium' },
      list,
    ],
    page,
  };
}

/** The plain-text version: notifications, screen readers and clients that cannot show cards. */
export function fallbackText(post: OutgoingPost, max: number = LIMITS.fallbackChars): string {
  const parts = [post.text.trim()];
  const items = post.items ?? [];
  if (items.length) {
    const lines: string[] = [];
    let size = parts[0]!.length + (post.itemsTitle?.length ?? 0);
    for (const item of items) {
      if (size + item.length + 3 > max - 24) break;
      lines.push(`- ${item}`);
      size += item.length + 3;
    }
    if (lines.length < items.length) lines.push(`…and ${items.length - lines.length} more`);
    const list = lines.join('\n');
    parts.push(post.itemsTitle ? `${post.itemsTitle}\n${list}` : list);
  }
  const text = parts.filter(Boolean).join('\n\n');
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export interface CardOptions {
  /** The first item to show: a More press shows the items after the ones already seen. */
  itemsFrom?: number;
  /** The question answered: a list shown in part then gets a More button asking it again for the rest. */
  question?: string;
}

function submit(title: string, question: string, extra: Record<string, unknown> = {}): CardElement {
  return {
    type: 'Action.Submit',
    title,
    data: {
      question,
      ...extra,
      msteams: { type: 'messageBack', text: question, displayText: question },
    } satisfies SuggestionData,
  };
}

/**
 * An Adaptive Card (schema 1.5) for an answer or a scheduled post, within Teams' limits at any
 * size: paragraphs, as many items as fit, and — for a list shown in part — which items these are
 * with the answer's summary of the whole list and a More button; suggestions become buttons.
 */
export function renderCard(
  post: OutgoingPost & Pick<Answer, 'itemsSummary'>,
  suggestions: Answer['suggestions'] = [],
  extraActions: CardElement[] = [],
  options: CardOptions = {},
): Record<string, unknown> {
  const from = Math.max(0, options.itemsFrom ?? 0);
  const text = paragraphs(post.text, LIMITS.bodyBytes / (post.items?.length ? 2 : 1));
  const used = text.reduce((n, e) => n + bytes(e), 0);
  const { elements: list, page } = itemList(post, LIMITS.bodyBytes - used - 600, from);
  const note = pageNote(page, post.itemsSummary);
  const question = options.question?.trim();
  const more =
    page.next !== undefined && question && question.length <= LIMITS.questionChars
      ? [submit(moreLabel(page), question, { from: page.next })]
      : [];
  // More and the feedback actions are kept; suggestions take the room that is left.
  const room = Math.max(0, MAX_ACTIONS - more.length - extraActions.length);
  const actions = [
    ...more,
    ...suggestions.slice(0, room).map((s) => submit(s.label, s.question)),
    ...extraActions,
  ];
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: fallbackText({ ...post, items: post.items?.slice(from) }),
    body: [...text, ...list, ...(note ? [{ ...textBlock(note, 'Small'), isSubtle: true }] : [])],
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
export function renderAnswer(
  answer: Answer,
  extraActions: CardElement[] = [],
  options: CardOptions = {},
): Partial<Activity> {
  return {
    type: 'message',
    summary: fallbackText({ ...answer, items: answer.items?.slice(options.itemsFrom ?? 0) }),
    attachments: [cardAttachment(renderCard(answer, answer.suggestions, extraActions, options))],
  };
}

export function renderPost(post: OutgoingPost): Partial<Activity> {
  return { type: 'message', summary: fallbackText(post), attachments: [cardAttachment(renderCard(post))] };
}

/** The item a More press asks to start from, when the activity is one (its value carries `from`). */
export function moreFrom(activity: Partial<Activity>): number | undefined {
  const from = (activity.value as { from?: unknown } | undefined)?.from;
  return typeof from === 'number' && Number.isInteger(from) && from > 0 ? from : undefined;
}
