import { rolesOf } from '../knowledge/roles.js';
import type { Knowledge } from '../knowledge/schema.js';
import type { Answer, Suggestion } from './types.js';

/**
 * The short welcome a platform shows when someone first meets the bot: what it answers, how
 * to ask, and a few questions one tap away. `where` says whether it is read by one person (a
 * personal chat, Slack's App Home) or by a team (a Teams team or channel).
 */

/** Adds the asker's rotations to their own calendar (answered in private only). */
export const CALENDAR_QUESTION: Suggestion = {
  label: 'Add my rotations to my calendar',
  question: 'How do I subscribe to my schedule in my calendar?',
};

const FIRST_QUESTIONS: Suggestion[] = [
  { label: 'My next rotation', question: 'What is my next rotation?' },
  { label: 'Who is on what this month?', question: 'Who is on what this month?' },
];

export function buildWelcome(knowledge: Knowledge, where: 'personal' | 'team'): Answer {
  const program = knowledge.program;
  const { short, example } = rolesOf(knowledge);
  const procedures = knowledge.procedures.length ? `, and which procedures ${short} does` : '';
  const what = `I answer questions about ${program.name}: your rotations and schedule, who is on a rotation${procedures ? ', ' : ' and '}what each rotation and training year involves${procedures}.`;
  const site = example.site ?? program.sites.at(-1)!.name;
  const rotation = example.group ?? 'a rotation';
  const how =
    where === 'personal'
      ? `Ask me in plain words, for example “What am I on next month?” or “Who is at ${site} in March?”.`
      : `Mention me with a question (for example “@rotabot who is on ${rotation} this month?”) and I answer in the thread. Your own schedule and calendar link are personal: ask for those in a chat with me.`;
  return {
    intent: 'welcome',
    text: `Hi! I'm rotabot. ${what}\n\n${how}`,
    factIds: [],
    suggestions: where === 'personal' ? [...FIRST_QUESTIONS, CALENDAR_QUESTION] : FIRST_QUESTIONS.slice(1),
  };
}
