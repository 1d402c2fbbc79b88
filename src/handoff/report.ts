import type { Store } from '../store/store.js';
import type { UnansweredEntry } from '../unanswered.js';
import { askerLine } from './card.js';
import { faqEntry } from './faq-entry.js';
import { listHandoffs, type VoteCount, voteCounts } from './records.js';
import type { Handoff } from './types.js';

/** The coordinators' report: what the bot could not answer, the hand-offs, the answers voted Not helpful. */
export interface HandoffReport {
  themes: Array<{ intent: string; count: number }>;
  handoffs: Handoff[];
  notHelpful: VoteCount[];
  helpful: VoteCount[];
}

const SHOWN = 10;

export async function collectReport(store: Store, unanswered: UnansweredEntry[]): Promise<HandoffReport> {
  const byIntent = new Map<string, number>();
  for (const entry of unanswered) byIntent.set(entry.intent, (byIntent.get(entry.intent) ?? 0) + 1);
  const themes = [...byIntent]
    .map(([intent, count]) => ({ intent, count }))
    .sort((a, b) => b.count - a.count || a.intent.localeCompare(b.intent));
  const [handoffs, notHelpful, helpful] = await Promise.all([
    listHandoffs(store),
    voteCounts(store, 'down'),
    voteCounts(store, 'up'),
  ]);
  return { themes, handoffs, notHelpful, helpful };
}

function when(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

function handoffLine(h: Handoff): string {
  const replies = h.replies.filter((r) => r.outcome === 'delivered');
  const by = replies.length
    ? ` — ${replies.length} repl${replies.length === 1 ? 'y' : 'ies'} (${[...new Set(replies.map((r) => r.by))].join(', ')})`
    : '';
  return `${when(h.askedAt)}  ${h.state.padEnd(11)}  ${askerLine(h)}, ${h.platform}: ${JSON.stringify(h.question)}${by}`;
}

/** The report as plain-text sections (title, lines), for the terminal and the weekly post alike. */
export function reportSections(report: HandoffReport, keepDays: { unanswered: number; handoff: number }) {
  const votes = (counts: VoteCount[]) =>
    counts
      .slice(0, SHOWN)
      .map((c) => `${c.kind === 'intent' ? 'answers of kind' : 'answers using'} ${c.id}: ${c.count}`);
  const open = report.handoffs.filter((h) => h.state === 'open').length;
  return [
    {
      title: `Unanswered themes (last ${keepDays.unanswered} days)`,
      lines: report.themes.length
        ? report.themes.map((t) => `${t.intent}: ${t.count}`)
        : ['none: every question was answered'],
    },
    {
      title: `Hand-offs to coordinators (${report.handoffs.length}, ${open} open; kept ${keepDays.handoff} days)`,
      lines: report.handoffs.length ? report.handoffs.slice(0, 50).map(handoffLine) : ['none'],
    },
    {
      title: 'Most "Not helpful" votes',
      lines: report.notHelpful.length ? votes(report.notHelpful) : ['none'],
    },
  ];
}

export function reportText(sections: ReturnType<typeof reportSections>): string {
  return sections.map((s) => [s.title, ...s.lines.map((l) => `  ${l}`)].join('\n')).join('\n\n');
}

/** FAQ entries for every hand-off that has a reply, each headed by a comment saying where it came from. */
export async function faqEntries(handoffs: Handoff[], takenIds: ReadonlySet<string>): Promise<string[]> {
  const taken = new Set(takenIds);
  const entries: string[] = [];
  for (const h of handoffs) {
    const entry = await faqEntry(h, taken);
    if (!entry) continue;
    const id = /id: (\S+)/.exec(entry)?.[1];
    if (id) taken.add(id);
    const by = h.replies.at(-1)?.by ?? 'a coordinator';
    entries.push(`  # from a hand-off of ${when(h.askedAt)}, answered by ${by}\n${entry}`);
  }
  return entries;
}
