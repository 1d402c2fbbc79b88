import { rolesOf } from '../../knowledge/roles.js';
import type { Knowledge } from '../../knowledge/schema.js';
import { says } from '../cues.js';
import { answer, ask, capitalize, type Handler, joinAnd, whomToAsk } from './context.js';
import { examples as named } from './examples.js';

/** The program's example questions: the asker's schedule, a colleague's, a procedure, a year. */
const examples = (k: Knowledge) => [
  ask('What am I on next month?'),
  ...named(k, 'next-group', 'who-at-site-march', 'does-procedure', 'does-referral', 'year'),
];

/** What the help lists, from what the program has. */
function helpText(k: Knowledge): string {
  const { short, example: e } = rolesOf(k);
  const next = [e.group && `month of ${e.group}`, e.site && `at ${e.site}`].filter(Boolean);
  const lines = [
    `• your schedule — what you are on now, next month or on a date, ${next.length ? `your next ${next.join(' or ')}, ` : ''}the rest of the year`,
    '• who is on a rotation or at a site, and what a colleague is on',
    k.procedures.length || k.exclusions.length
      ? `• procedures — does ${short} do it, who does it, what is in a category`
      : '',
    `• the training years — ${e.firstYear === e.lastYear ? e.firstYear : `${e.firstYear} to ${e.lastYear}`}, what the ${e.year} year is like`,
  ];
  return `Ask me in your own words about ${k.program.name}:\n${lines.filter(Boolean).join('\n')}\nAnything I can't answer: ${whomToAsk(k)}.`;
}

export const greeting: Handler = (_u, ctx) =>
  answer(
    'greeting',
    `Hi! I answer questions about ${ctx.knowledge.program.name}: rotations and the schedule, procedures, and the training years.`,
    [],
    {
      suggestions: examples(ctx.knowledge).slice(0, 4),
    },
  );

export const thanks: Handler = (u, ctx) =>
  says(u, 'farewell')
    ? answer('thanks', 'Bye! Ask me any time.', [])
    : answer('thanks', "You're welcome!", [], { suggestions: examples(ctx.knowledge).slice(0, 2) });

export const help: Handler = (_u, ctx) =>
  answer('help', helpText(ctx.knowledge), [], { suggestions: examples(ctx.knowledge) });

/** Nothing understood: say so honestly and offer what the bot does know. */
export const fallback: Handler = (u, ctx) => {
  const alternatives = u.corrections.filter((c) => c.alternatives.length);
  if (alternatives.length) {
    const c = alternatives[0]!;
    const options = [c.to, ...c.alternatives];
    return answer(
      'fallback',
      `I'm not sure what “${c.from}” means here: did you mean ${joinAnd(options.map((o) => `“${o}”`)).replace(/ and /, ' or ')}?`,
      [],
      {
        unanswered: true,
        suggestions: options.slice(0, 3).map((o) => ask(o, withWord(u.text, c.from, o))),
      },
    );
  }
  return answer(
    'fallback',
    `Sorry, I don't know that one. I can answer questions about your schedule, the procedures ${ctx.knowledge.program.name} does, and the training years. For anything else, ask ${whomToAsk(ctx.knowledge)}.`,
    [],
    { unanswered: true, suggestions: examples(ctx.knowledge).slice(0, 4) },
  );
};

export const calendar: Handler = (_u, ctx) => {
  if (!ctx.askerEmail || !ctx.resident) {
    return answer(
      'calendar.link',
      `I can only make a calendar feed for a resident on the schedule, and I don't know you as one. ${capitalize(whomToAsk(ctx.knowledge))} can check that your email is on it.`,
      [],
      { unanswered: true },
    );
  }
  if (ctx.conversation !== 'private' || !ctx.calendarUrl) {
    return answer(
      'calendar.link',
      'Your calendar link is personal, so I only share it in a private conversation: send me a direct message and ask again.',
      [],
    );
  }
  return answer(
    'calendar.link',
    `Subscribe to this link in Google Calendar ("Other calendars → From URL"), Outlook ("Add calendar → Subscribe from web") or Apple Calendar ("New Calendar Subscription"):\n${ctx.calendarUrl}\nIt updates as the schedule changes. Keep it to yourself: anyone with the link can see your rotations.`,
    ['calendar'],
    { private: true },
  );
};

/** The question as written with one word in place of another: "did you mean …" asks it again. */
function withWord(text: string, from: string, to: string): string {
  const at = new RegExp(`(^|[^a-z0-9])${from.replace(/[^a-z0-9]/g, '')}(?=$|[^a-z0-9])`, 'i').exec(text);
  return at ? `${text.slice(0, at.index + at[1]!.length)}${to}${text.slice(at.index + at[0].length)}` : to;
}
