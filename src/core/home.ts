import { rolesOf } from '../knowledge/roles.js';
import { describeRotation } from '../knowledge/rotation-names.js';
import type { Knowledge } from '../knowledge/schema.js';
import { isChange, nextReminderFor } from '../reminders/due.js';
import type { Block, Resident, Schedule } from '../schedule/types.js';
import { type IsoDate, localDate } from '../time/local-date.js';
import { ask } from './answers/context.js';
import { examples } from './answers/examples.js';
import type { Suggestion } from './types.js';

/**
 * What a resident sees on a platform's home screen (Slack's App Home): where they are now,
 * what comes next, when the bot will remind them, and questions one tap away. No platform types.
 */
export interface HomeSummary {
  /** True when the asker is a resident in the schedule. */
  known: boolean;
  /** The current rotation as answers name it ("Interventional Radiology at the Durham VA"). */
  current?: string;
  /** The next change of rotation after today. */
  next?: { text: string; starts: IsoDate };
  /** The day the next personal reminder goes out. */
  nextReminder?: IsoDate;
  quickQuestions: Suggestion[];
}

export interface HomeSummaryArgs {
  knowledge: Knowledge;
  schedule: Schedule;
  email?: string;
  now: Date;
  leadWeekdays: number;
}

const PERSONAL_QUESTIONS: Suggestion[] = [
  { label: 'My next rotation', question: 'What is my next rotation?' },
  { label: 'My schedule', question: 'What is my schedule?' },
];

/** Questions about the program, named from its knowledge base ("What does IR do?", "The R4 year"). */
function generalQuestions(knowledge: Knowledge): Suggestion[] {
  const year = rolesOf(knowledge).example.year;
  const referral = knowledge.exclusions[0];
  return [
    ...examples(knowledge, 'overview'),
    { label: `The ${year} year`, question: `What does the ${year} year look like?` },
    ...(referral ? [ask(`Who does ${referral.name.toLowerCase()}?`)] : []),
  ];
}

/** The first block after today that starts something new (a two-month block is one rotation). */
function nextChange(resident: Resident, today: IsoDate): Block | undefined {
  return resident.blocks.find((b) => b.start > today && isChange(resident, b));
}

export function buildHomeSummary(args: HomeSummaryArgs): HomeSummary {
  const { knowledge, schedule, email, now, leadWeekdays } = args;
  const resident = email ? schedule.byEmail(email) : undefined;
  if (!resident) return { known: false, quickQuestions: generalQuestions(knowledge) };

  const today = localDate(now, knowledge.program.time_zone);
  const summary: HomeSummary = {
    known: true,
    quickQuestions: [...PERSONAL_QUESTIONS, ...generalQuestions(knowledge)],
  };
  const current = schedule.blockOn(resident, today);
  if (current) summary.current = describeRotation(knowledge, current).text;
  const next = nextChange(resident, today);
  if (next) summary.next = { text: describeRotation(knowledge, next).text, starts: next.start };
  const reminder = nextReminderFor(resident, today, { leadWeekdays });
  if (reminder) summary.nextReminder = reminder.date;
  return summary;
}
