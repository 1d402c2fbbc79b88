/**
 * Long lists on platforms with message limits, written once for every adapter: each platform
 * shows as many items as fit its limits, says which ones it showed and what the whole list
 * holds (the answer's summary: counts by rotation or site), and offers a More button that asks
 * the same question again for the next items. Nothing is rejected and nothing is lost.
 */
import { formatCount } from '../src/core/text/numbers.js';

export interface Page {
  /** Index of the first item shown. */
  from: number;
  shown: string[];
  /** Index of the first item not shown; undefined when the list ends here. */
  next?: number;
  total: number;
}

/**
 * Items from `from` while `take` accepts them (it keeps its own count of blocks, bytes or
 * characters). At least one item is always shown when there is one, so paging always moves on.
 */
export function fitPage(items: readonly string[], from: number, take: (item: string) => boolean): Page {
  const start = Math.min(Math.max(0, Math.floor(from) || 0), items.length);
  const shown: string[] = [];
  let i = start;
  for (; i < items.length; i++) {
    if (!take(items[i]!) && shown.length > 0) break;
    shown.push(items[i]!);
  }
  return { from: start, shown, total: items.length, ...(i < items.length ? { next: i } : {}) };
}

/** "Showing 41–80 of 5,000. IR 3,100 · IR-VA 1,900." — only for a list shown in part. */
export function pageNote(page: Page, summary?: string): string | undefined {
  if (page.from === 0 && page.next === undefined) return undefined;
  const last = page.from + page.shown.length;
  const range = `Showing ${formatCount(page.from + 1)}–${formatCount(last)} of ${formatCount(page.total)}.`;
  return summary ? `${range} ${summary}` : range;
}

/** The More button's label: "More (4,920 left)". */
export function moreLabel(page: Page): string {
  return `More (${formatCount(page.total - (page.next ?? page.total))} left)`;
}
