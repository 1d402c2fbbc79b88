import type { types } from '@slack/bolt';
import type { Answer, Suggestion } from '../../src/core/types.js';
import { findDates, formatDate } from '../../src/time/format-date.js';
import { fitPage, moreLabel, type Page, pageNote } from '../paging.js';

export type KnownBlock = types.KnownBlock;
export type Button = types.Button;

/** Slack's Block Kit limits (https://api.slack.com/reference/block-kit). */
export const LIMITS = {
  sectionText: 3000,
  messageBlocks: 50,
  homeBlocks: 100,
  buttonText: 75,
  buttonValue: 2000,
  actionsElements: 25,
  contextText: 3000,
  /** Slack truncates `text` far later (40,000), but notifications and screen readers want it short. */
  fallbackText: 3900,
  /**
   * All the text of one message's blocks together: Slack refuses a message whose blocks hold much
   * more than ~12,000 characters (msg_too_long / invalid_blocks), whatever each block's own limit.
   */
  messageChars: 11_000,
} as const;

/** Suggestion buttons carry this prefix; a numeric suffix keeps action ids unique within a message. */
export const ASK_ACTION_PREFIX = 'rotabot_ask';
export const SHARE_ACTION_ID = 'rotabot_share';
/** The More button of a list shown in part: `rotabot_more_<first item to show>`, its value the question. */
export const MORE_ACTION_PREFIX = 'rotabot_more';
/** Said above the bot's own help and on App Home, so people learn every way to ask in Slack. */
export const SLACK_USAGE =
  'Ask me in a direct message, mention me in a channel (I answer in the thread), or type `/rotabot` and a question: only you see that answer until you share it.';
/** Suggestions beyond this are noise on a phone screen. */
const MAX_SUGGESTIONS = 5;

export interface SlackMessage {
  /** Plain-text fallback: notifications, screen readers, clients without blocks. */
  text: string;
  blocks: KnownBlock[];
}

/** The three characters mrkdwn treats as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Splits text into pieces of at most `max` characters, at a line break or space when it can. */
export function chunkText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max / 2) cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) cut = max;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

export function section(mrkdwn: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: mrkdwn } };
}

export function context(mrkdwn: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(mrkdwn, LIMITS.contextText) }] };
}

export function button(label: string, actionId: string, value: string): Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text: truncate(label, LIMITS.buttonText), emoji: true },
    action_id: actionId,
    value: value.slice(0, LIMITS.buttonValue),
  };
}

/** One button per suggestion; pressing one asks its question. */
export function suggestionButtons(suggestions: readonly Suggestion[] = []): Button[] {
  return suggestions
    .slice(0, MAX_SUGGESTIONS)
    .map((s, i) => button(s.label, `${ASK_ACTION_PREFIX}_${i}`, s.question));
}

export function actions(elements: Button[]): KnownBlock | undefined {
  if (!elements.length) return undefined;
  return { type: 'actions', elements: elements.slice(0, LIMITS.actionsElements) };
}

/**
 * mrkdwn for plain text: escaped, and with `locale`, each date the core wrote becomes Slack's
 * date token, which every reader sees in their own Slack's format, our text as the fallback.
 * Noon UTC is the same calendar day for readers from UTC−11 to UTC+11.
 */
export function toMrkdwn(text: string, locale?: string): string {
  if (!locale) return escapeMrkdwn(text);
  let out = '';
  let at = 0;
  for (const found of findDates(text, locale)) {
    const written = text.slice(found.start, found.end);
    const seconds =
      Date.UTC(+found.date.slice(0, 4), +found.date.slice(5, 7) - 1, +found.date.slice(8, 10), 12) / 1000;
    const format = formatDate(found.date, locale) === written ? '{date_long}' : '{date}';
    out += `${escapeMrkdwn(text.slice(at, found.start))}<!date^${seconds}^${format}|${escapeMrkdwn(written)}>`;
    at = found.end;
  }
  return out + escapeMrkdwn(text.slice(at));
}

function paragraphBlocks(text: string, locale?: string): KnownBlock[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .flatMap((p) => chunkText(toMrkdwn(p, locale), LIMITS.sectionText).map(section));
}

/**
 * A page of items as bullet-list sections: from `from`, as many as fit in `maxBlocks` sections
 * and `maxChars` characters in all.
 */
export function itemBlocks(
  items: readonly string[],
  maxBlocks: number,
  maxChars: number = LIMITS.messageChars,
  from = 0,
  locale?: string,
): { blocks: KnownBlock[]; page: Page } {
  const sections: string[][] = [[]];
  let size = 0;
  let total = 0;
  const line = (item: string) => truncate(`• ${toMrkdwn(item, locale)}`, LIMITS.sectionText - 40);
  const page = fitPage(items, from, (item) => {
    const text = line(item);
    if (total + text.length + 1 > maxChars) return false;
    if (size + text.length + 1 > LIMITS.sectionText) {
      if (sections.length >= maxBlocks) return false;
      sections.push([]);
      size = 0;
    }
    sections.at(-1)!.push(text);
    size += text.length + 1;
    total += text.length + 1;
    return true;
  });
  if (maxBlocks <= 0) return { blocks: [], page: { ...page, shown: [], next: page.from } };
  return { blocks: sections.filter((s) => s.length).map((s) => section(s.join('\n'))), page };
}

/** The plain-text version of an answer, items as "- item" lines, cut short with "and N more". */
export function fallbackText(
  post: Pick<Answer, 'text' | 'items' | 'itemsTitle'>,
  max: number = LIMITS.fallbackText,
): string {
  let text = post.text.trim();
  const items = post.items ?? [];
  if (items.length) {
    const lines = post.itemsTitle ? [post.itemsTitle] : [];
    let size = text.length + (lines[0]?.length ?? 0) + 2;
    for (const item of items) {
      // Leave room for the "and N more" line.
      if (size + item.length + 3 > max - 24) break;
      lines.push(`- ${item}`);
      size += item.length + 3;
    }
    const shown = lines.length - (post.itemsTitle ? 1 : 0);
    if (shown < items.length) lines.push(`…and ${items.length - shown} more`);
    text = [text, lines.join('\n')].filter(Boolean).join('\n\n');
  }
  return truncate(text, max);
}

export interface RenderOptions {
  /** A mrkdwn line shown above the answer (who asked what, for shared and button answers). */
  header?: string;
  /** Extra buttons after the suggestions ("Share in channel"). */
  extraButtons?: Button[];
  /** Whether suggestion buttons are shown (not on a publicly shared copy). */
  withSuggestions?: boolean;
  maxBlocks?: number;
  /** The program's locale: dates in the text become Slack date tokens. */
  locale?: string;
  /** The first item to show: a More press shows the items after the ones already seen. */
  itemsFrom?: number;
  /** The question answered: a list shown in part then gets a More button asking it again for the rest. */
  question?: string;
}

function textLength(blocks: readonly KnownBlock[]): number {
  let n = 0;
  for (const b of blocks as unknown as Array<{
    text?: { text?: string };
    elements?: Array<{ text?: unknown }>;
  }>) {
    n += b.text?.text?.length ?? 0;
    for (const e of b.elements ?? []) {
      const t = e.text as string | { text?: string } | undefined;
      n += typeof t === 'string' ? t.length : (t?.text?.length ?? 0);
    }
  }
  return n;
}

/**
 * An answer (or a scheduled post) as a Slack message within Slack's limits at any size:
 * paragraphs, then as many items as fit, then — for a list shown in part — which items these
 * are with the answer's summary of the whole list and a More button; suggestion buttons last.
 */
export function renderAnswer(
  answer: Pick<Answer, 'text' | 'items' | 'itemsTitle' | 'itemsSummary' | 'suggestions'>,
  options: RenderOptions = {},
): SlackMessage {
  const maxBlocks = options.maxBlocks ?? LIMITS.messageBlocks;
  const head = options.header ? [context(options.header)] : [];
  const buttons = [
    ...(options.withSuggestions === false ? [] : suggestionButtons(answer.suggestions)),
    ...(options.extraButtons ?? []),
  ];
  const items = answer.items ?? [];
  const from = Math.max(0, options.itemsFrom ?? 0);
  const title = items.length && answer.itemsTitle ? [section(`*${escapeMrkdwn(answer.itemsTitle)}*`)] : [];
  // Room kept for the page note and the buttons (one more for a More button).
  const reserve = 1 + (items.length ? 1 : 0);
  const room = maxBlocks - head.length - reserve - title.length - 1;
  // Paragraphs first, within half the characters when there is a list; a paragraph never pushes the buttons out.
  const paragraphRoom = LIMITS.messageChars / (items.length ? 2 : 1) - 400;
  const paragraphs: KnownBlock[] = [];
  let used = textLength(head);
  for (const block of paragraphBlocks(answer.text, options.locale)) {
    const n = textLength([block]);
    if (paragraphs.length >= Math.max(1, room) || (paragraphs.length && used + n > paragraphRoom)) break;
    paragraphs.push(block);
    used += n;
  }
  const { blocks: list, page } = itemBlocks(
    items,
    room + 1 - paragraphs.length,
    LIMITS.messageChars - used - textLength(title) - 600,
    from,
    options.locale,
  );
  const note = pageNote(page, answer.itemsSummary);
  const more =
    page.next !== undefined && options.question && options.question.length <= LIMITS.buttonValue
      ? [button(moreLabel(page), `${MORE_ACTION_PREFIX}_${page.next}`, options.question)]
      : [];
  const allButtons = [...more, ...buttons];
  const tail = allButtons.length ? [actions(allButtons)!] : [];
  const blocks = [
    ...head,
    ...paragraphs,
    ...(list.length ? title : []),
    ...list,
    ...(note ? [context(escapeMrkdwn(note))] : []),
    ...tail,
  ];
  return { text: fallbackText({ ...answer, items: items.slice(from) }), blocks };
}
