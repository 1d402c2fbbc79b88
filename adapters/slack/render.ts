import type { types } from '@slack/bolt';
import type { Answer, Suggestion } from '../../src/core/types.js';
import { findDates, formatDate } from '../../src/time/format-date.js';

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
} as const;

/** Suggestion buttons carry this prefix; a numeric suffix keeps action ids unique within a message. */
export const ASK_ACTION_PREFIX = 'rotabot_ask';
export const SHARE_ACTION_ID = 'rotabot_share';
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
 * Items as bullet-list sections using at most `maxBlocks` blocks; what does not fit is
 * summarised as "and N more" on the last line.
 */
export function itemBlocks(items: readonly string[], maxBlocks: number, locale?: string): KnownBlock[] {
  if (!items.length || maxBlocks <= 0) return [];
  const lines = items.map((item) => truncate(`• ${toMrkdwn(item, locale)}`, LIMITS.sectionText - 40));
  const sections: string[][] = [[]];
  let size = 0;
  let shown = 0;
  for (const line of lines) {
    if (size + line.length + 1 > LIMITS.sectionText) {
      if (sections.length === maxBlocks) break;
      sections.push([]);
      size = 0;
    }
    sections.at(-1)!.push(line);
    size += line.length + 1;
    shown++;
  }
  const hidden = items.length - shown;
  if (hidden > 0) {
    const last = sections.at(-1)!;
    const more = `…and ${hidden} more`;
    // Make room for the summary line inside the last section's limit.
    while (last.length > 1 && last.join('\n').length + more.length + 1 > LIMITS.sectionText) {
      last.pop();
    }
    last.push(`…and ${items.length - sections.flat().length} more`);
  }
  return sections.filter((s) => s.length).map((s) => section(s.join('\n')));
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
}

/** An answer (or a scheduled post) as a Slack message: paragraphs, a bulleted list, buttons. */
export function renderAnswer(
  answer: Pick<Answer, 'text' | 'items' | 'itemsTitle' | 'suggestions'>,
  options: RenderOptions = {},
): SlackMessage {
  const maxBlocks = options.maxBlocks ?? LIMITS.messageBlocks;
  const head = options.header ? [context(options.header)] : [];
  const buttons = [
    ...(options.withSuggestions === false ? [] : suggestionButtons(answer.suggestions)),
    ...(options.extraButtons ?? []),
  ];
  const tail = buttons.length ? [actions(buttons)!] : [];
  const title =
    answer.items?.length && answer.itemsTitle ? [section(`*${escapeMrkdwn(answer.itemsTitle)}*`)] : [];
  // Paragraphs first, the list takes what is left; a paragraph never pushes the buttons out.
  const room = maxBlocks - head.length - tail.length - title.length - 1;
  const paragraphs = paragraphBlocks(answer.text, options.locale).slice(0, Math.max(1, room));
  const list = itemBlocks(answer.items ?? [], room + 1 - paragraphs.length, options.locale);
  const blocks = [...head, ...paragraphs, ...(list.length ? title : []), ...list, ...tail];
  return { text: fallbackText(answer), blocks };
}
