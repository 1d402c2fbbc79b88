import type { Answer } from '../../src/core/types.js';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for use in HTML content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

// Runs on already-escaped text, so a link can neither open a tag nor leave its attribute.
function linkify(escaped: string): string {
  return escaped.replace(/https?:\/\/[^\s<>"']+/g, (match) => {
    const url = match.replace(/[.,;:!?)]+$/, '');
    const rest = match.slice(url.length);
    return `<a href="${url}" target="_blank" rel="noopener noreferrer">${url}</a>${rest}`;
  });
}

function inline(text: string): string {
  return linkify(escapeHtml(text)).replace(/\n/g, '<br>');
}

/**
 * An Answer as the web chat shows it, laid out the way Slack shows it: paragraphs in plain
 * weight (bold only for the list's title), a bullet list, and follow-up buttons that ask their
 * question when clicked.
 */
export function renderAnswerHtml(answer: Answer): string {
  const parts: string[] = [];
  const paragraphs = answer.text.split(/\n\s*\n/).filter((p) => p.trim() !== '');
  for (const paragraph of paragraphs) parts.push(`<p>${inline(paragraph)}</p>`);
  if (answer.items?.length) {
    if (answer.itemsTitle)
      parts.push(`<p class="items-title"><strong>${inline(answer.itemsTitle)}</strong></p>`);
    parts.push(`<ul>${answer.items.map((item) => `<li>${inline(item)}</li>`).join('')}</ul>`);
  }
  if (answer.suggestions?.length) {
    const buttons = answer.suggestions.map(
      (s) =>
        `<button type="button" class="suggestion" data-question="${escapeHtml(s.question)}">${escapeHtml(s.label)}</button>`,
    );
    parts.push(`<div class="suggestions">${buttons.join('')}</div>`);
  }
  return parts.join('');
}
