import type { HomeSummary } from '../../src/core/home.js';
import { CALENDAR_QUESTION } from '../../src/core/welcome.js';
import { formatDate } from '../../src/time/format-date.js';
import {
  ASK_ACTION_PREFIX,
  actions,
  button,
  context,
  escapeMrkdwn,
  type KnownBlock,
  LIMITS,
  SLACK_USAGE,
  section,
  suggestionButtons,
  toMrkdwn,
} from './render.js';

export interface HomeView {
  type: 'home';
  blocks: KnownBlock[];
}

const UNKNOWN =
  "I can't match your Slack account to the residents' schedule, so I can't show your rotations yet. " +
  'If you are a resident, ask the program coordinator to check that the schedule lists the email your Slack profile uses.';

/** The App Home tab: where the resident is now, what is next, their next reminder, and quick questions. */
export function renderHomeView(summary: HomeSummary | null, programName: string, locale: string): HomeView {
  const blocks: KnownBlock[] = [
    section(
      `*rotabot* answers questions about ${escapeMrkdwn(programName)}: rotations, schedules and procedures.`,
    ),
    { type: 'divider' },
  ];
  if (!summary) {
    blocks.push(
      section(
        "The schedule isn't available right now, so I can't show your rotations. Please try again later.",
      ),
    );
  } else if (!summary.known) {
    blocks.push(section(UNKNOWN));
  } else {
    const now = summary.current ? escapeMrkdwn(summary.current) : 'No rotation scheduled today';
    const next = summary.next
      ? `${escapeMrkdwn(summary.next.text)}, from ${toMrkdwn(formatDate(summary.next.starts, locale), locale)}`
      : 'Nothing scheduled after this yet';
    const reminder = summary.nextReminder
      ? `${toMrkdwn(formatDate(summary.nextReminder, locale), locale)} (a direct message before your rotation changes)`
      : 'None scheduled';
    blocks.push(section(`*Now:* ${now}\n*Next:* ${next}\n*Next reminder:* ${reminder}`));
    blocks.push(
      { type: 'divider' },
      section(
        '*Your rotations in your calendar*\nSubscribe once in Google Calendar, Outlook or Apple Calendar; it follows every change to the schedule. I send the link in our direct messages.',
      ),
      actions([
        button(CALENDAR_QUESTION.label, `${ASK_ACTION_PREFIX}_calendar`, CALENDAR_QUESTION.question),
      ])!,
    );
  }
  const quick = actions(suggestionButtons(summary?.quickQuestions ?? []));
  if (quick) blocks.push({ type: 'divider' }, section('*Ask me*'), quick);
  blocks.push(context(SLACK_USAGE));
  return { type: 'home', blocks: blocks.slice(0, LIMITS.homeBlocks) };
}
