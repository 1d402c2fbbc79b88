import type { ConversationContext } from '../conversation/context.js';
import { type Completion, completeFollowUp } from '../conversation/follow-up.js';
import { clarifyingAnswer, withAssumption } from '../conversation/in-context.js';
import { withQuestion } from '../conversation/remember.js';
import type { Knowledge } from '../knowledge/schema.js';
import type { Schedule } from '../schedule/types.js';
import { localDate } from '../time/local-date.js';
import { type AnswerContext, capitalize, type Handler, isDecided, whomToAsk } from './answers/context.js';
import { calendar, fallback, greeting, help, thanks } from './answers/conversation.js';
import { categoryList, doesIrDo, unknownProcedure, whoDoes } from './answers/procedures.js';
import {
  contact,
  faq,
  overview,
  patients,
  rotationInfo,
  rotationList,
  site,
  volume,
} from './answers/program.js';
import { mine, person } from './answers/schedule-mine.js';
import { whoIsOn } from './answers/schedule-who.js';
import { training } from './answers/training.js';
import { splitQuestions } from './clauses.js';
import { coverageOf } from './coverage.js';
import { says } from './cues.js';
import { frameOf } from './frame-of.js';
import { markMentions } from './mentions.js';
import type { Answer, ConversationKind, Mention, Platform, Verdict } from './types.js';
import { type Intent, type UnderstandContext, type Understanding, understand } from './understand.js';
import { vocabularyOf } from './vocabulary.js';

/** One handler per intent: adding an intent means a knowledge entry, a handler here, and a test. */
const HANDLERS: Record<Intent, Handler> = {
  greeting,
  thanks,
  help,
  'calendar.link': calendar,
  'schedule.mine': mine,
  'schedule.person': person,
  'schedule.who': whoIsOn,
  'procedure.does': doesIrDo,
  'procedure.who': whoDoes,
  'procedure.unknown': unknownProcedure,
  'category.list': categoryList,
  'program.overview': overview,
  'program.patients': patients,
  'program.volume': volume,
  'program.site': site,
  'program.contact': contact,
  training,
  'rotation.info': rotationInfo,
  'rotation.list': rotationList,
  faq,
  fallback,
};

export interface QuestionInput {
  text: string;
  knowledge: Knowledge;
  schedule?: Schedule;
  askerEmail?: string;
  conversation: ConversationKind;
  now: Date;
  calendarUrl?: string;
  /** The conversation so far, for follow-ups; absent → the question stands alone. */
  context?: ConversationContext;
  /** People the platform says the question mentions (not the bot). */
  mentions?: readonly Mention[];
  platform?: Platform;
}

export interface Prepared {
  understanding: Understanding;
  ctx: AnswerContext;
  /** How the conversation so far completed the question (standalone when it needed nothing). */
  followUp: Completion;
}

/** Understands a question and builds what its handler will read (no I/O). */
export function prepare(input: QuestionInput): Prepared {
  const vocabulary = vocabularyOf(input.knowledge);
  const today = localDate(input.now, input.knowledge.program.time_zone);
  const marked = markMentions(input.text, input.mentions ?? [], input.schedule);
  const uctx = { vocabulary, schedule: input.schedule, today, mentions: marked.mentions };
  // A follow-up ("and April?") is completed from the conversation's last frames; a question that
  // stands alone is answered as itself. Every question of the message is, each in turn.
  const env = { vocabulary, schedule: input.schedule, today };
  const { understanding, followUp } = understandMessage(marked.text, uctx, input.context, (u, context) =>
    completeFollowUp(u, context, env),
  );
  if (!understanding.also?.length) understanding.text = input.text;
  const ctx: AnswerContext = {
    vocabulary,
    knowledge: input.knowledge,
    schedule: input.schedule,
    askerEmail: input.askerEmail,
    resident: input.askerEmail ? input.schedule?.byEmail(input.askerEmail) : undefined,
    conversation: input.conversation,
    platform: input.platform,
    now: input.now,
    today,
    calendarUrl: input.calendarUrl,
  };
  return { understanding, ctx, followUp };
}

/** Answers a prepared question: a clarifying question when a follow-up reads two ways, and what was assumed. */
export function answerPrepared({ understanding, ctx, followUp }: Prepared): Answer {
  if (followUp.kind === 'clarify') {
    const asking = render(clarifyingAnswer(followUp), understanding);
    if (!followUp.among) return asking;
    // The other questions of the message answered, and this one asked back, in the order asked.
    const { before, after } = followUp.among;
    const one = (u: Understanding) => respondOne(u, ctx);
    const all = [...before, understanding, ...after];
    return combined(
      [...before.map(one), asking, ...after.map(one)],
      all.map((u) => u === understanding || twoWays(u)),
    );
  }
  const answer = respond(understanding, ctx);
  return followUp.kind === 'completed' ? withAssumption(answer, followUp.assumed) : answer;
}

const CONVERSATIONAL = new Set<Intent>(['greeting', 'thanks', 'help']);

/** A question that asks back which one was meant: a name several residents have. */
const twoWays = (u: Understanding) => u.intent === 'schedule.person' && (u.people[0]?.length ?? 0) > 1;

/**
 * A message of several questions is understood question by question, each completed from the
 * conversation and the questions before it ("what is Casey on in March? and in April?"): the first
 * carries the others in `also`. A greeting or thanks beside one question stays part of that question.
 */
function understandMessage(
  text: string,
  uctx: UnderstandContext,
  before: ConversationContext | undefined,
  complete: (u: Understanding, context: ConversationContext | undefined) => Completion,
): { understanding: Understanding; followUp: Completion } {
  const alone = () => {
    const whole = understand(text, uctx);
    const followUp = complete(whole, before);
    return { understanding: followUp.kind === 'completed' ? followUp.understanding : whole, followUp };
  };
  const clauses = splitQuestions(text, uctx.vocabulary.words);
  if (clauses.length < 2) return alone();
  let context = before;
  const done = clauses.map((clause) => {
    const own = understand(clause, uctx);
    const followUp = complete(own, context);
    // One question that reads two ways is taken as asked for the questions after it.
    const u = followUp.kind === 'completed' ? followUp.understanding : own;
    context = withQuestion(context, u);
    return { u, followUp };
  });
  const asked = done.filter(
    ({ u, followUp }) =>
      !CONVERSATIONAL.has(u.intent) &&
      (u.intent !== 'fallback' || u.unknownWords.length > 0 || followUp.kind === 'completed'),
  );
  if (asked.length < 2) return alone();
  // One that reads two ways is asked back; the others are answered beside it.
  const unclear = asked.findIndex((a) => a.followUp.kind === 'clarify');
  const asking = asked[unclear]?.followUp;
  if (asking?.kind === 'clarify') {
    const among = {
      before: asked.slice(0, unclear).map((a) => a.u),
      after: asked.slice(unclear + 1).map((a) => a.u),
    };
    return { understanding: asked[unclear]!.u, followUp: { ...asking, among } };
  }
  const assumed = asked.flatMap(({ followUp }) => (followUp.kind === 'completed' ? followUp.assumed : []));
  const understanding = { ...asked[0]!.u, also: asked.slice(1).map((a) => a.u) };
  return {
    understanding,
    followUp:
      assumed.length || asked.some((a) => a.followUp.kind === 'completed')
        ? { kind: 'completed', understanding, assumed }
        : { kind: 'standalone' },
  };
}

/** Each question of the message answered, one paragraph each, in the order asked. */
export function respond(understanding: Understanding, ctx: AnswerContext): Answer {
  const times = eachTime(understanding);
  if (times) {
    // "or": one that holds is the answer, so it comes first.
    const answers = times.map((u) => respondOne(u, ctx));
    const either = says(understanding, 'or_words') && understanding.yesNo;
    const order = either
      ? [...answers].sort((a, b) => Number(b.verdict === 'yes') - Number(a.verdict === 'yes'))
      : answers;
    return combined(
      order,
      order.map(() => false),
      either,
    );
  }
  if (!understanding.also?.length) return respondOne(understanding, ctx);
  const all = [understanding, ...understanding.also];
  return combined(
    all.map((u) => respondOne(u, ctx)),
    all.map((u) => twoWays(u)),
  );
}

const SCHEDULE_INTENTS = new Set<Intent>(['schedule.mine', 'schedule.person', 'schedule.who']);

/**
 * "Am I at the VA in March or April?", "who is on IR in Feb and May?": a schedule question about
 * several months (or days), one question per time, each answered on its own.
 */
function eachTime(u: Understanding): Understanding[] | undefined {
  const d = u.dates;
  // A question about something the data does not hold is answered once, whatever the times.
  if (u.also?.length || d.length < 2 || !SCHEDULE_INTENTS.has(u.intent) || u.unknownWords.length)
    return undefined;
  if (!d.every((x) => x.kind === d[0]!.kind && x.kind !== 'range')) return undefined;
  return d.map((x) => ({ ...u, dates: [x] }));
}

/**
 * The answers to the questions of one message as one answer; the buttons of a question asked back
 * ("which one do you mean?") come first.
 */
function combined(answers: Answer[], askingBack: boolean[], either = false): Answer {
  const back = answers.filter((_, i) => askingBack[i]);
  const rest = answers.filter((_, i) => !askingBack[i]);
  const listed = answers.filter((a) => a.items?.length);
  // One list is shown under the text; several go inline, each under its own answer.
  const text = answers
    .map((a) =>
      listed.length > 1 && a.items?.length ? `${a.text}\n${a.items.map((i) => `• ${i}`).join('\n')}` : a.text,
    )
    .join('\n\n');
  const verdicts = answers.map((a) => a.verdict ?? 'none');
  const decided = verdicts.filter((v) => v !== 'none');
  // "… in March or April?": Yes when one holds, No when none does.
  const verdict: Verdict = either
    ? decided.includes('yes')
      ? 'yes'
      : decided.length === answers.length && decided.every((v) => v === 'no')
        ? 'no'
        : 'unknown'
    : decided.length === 0
      ? 'none'
      : decided.every((v) => v === decided[0])
        ? decided[0]!
        : decided.includes('unknown')
          ? 'unknown'
          : 'partly';
  const one = listed.length === 1 ? listed[0]! : undefined;
  return {
    intent: answers[0]!.intent,
    text,
    ...(one ? { items: one.items, itemsTitle: one.itemsTitle, itemsSummary: one.itemsSummary } : {}),
    suggestions: [...back, ...rest]
      .flatMap((a) => a.suggestions ?? [])
      .slice(0, Math.max(4, ...back.map((a) => a.suggestions?.length ?? 0))),
    factIds: [...new Set(answers.flatMap((a) => a.factIds))],
    ...(answers.some((a) => a.unanswered) ? { unanswered: true } : {}),
    ...(answers.some((a) => a.private) ? { private: true } : {}),
    verdict,
    // What the last question's answer named: a follow-up's "that" points at it.
    ...(answers[answers.length - 1]!.about ? { about: answers[answers.length - 1]!.about } : {}),
    frames: answers.flatMap((a) => a.frames ?? []),
  };
}

/**
 * "Do I have more IR months than Casey?", "is Blair at the VA at the same time as me?", "ICU and
 * Surg Onc back to back?": a schedule set beside another's or beside itself, which no schedule
 * answer checks (a count stated is checked: "more than once"). Its facts, without the verdict.
 */
function uncompared(raw: Answer, u: Understanding): Answer {
  const compared = says(u, 'schedule_compared') || (says(u, 'comparative') && says(u, 'than'));
  if (!SCHEDULE_INTENTS.has(u.intent) || !u.yesNo || !compared || u.countClaimed) return raw;
  const { verdict: _, ...facts } = raw;
  return facts;
}

function respondOne(understanding: Understanding, ctx: AnswerContext): Answer {
  // "What am I on 4/31?": say the date does not exist rather than answer about another day.
  if (understanding.impossibleDate) {
    const text = `“${understanding.impossibleDate}” is not a date on the calendar (dates read month/day, as in 1/10 for January 10). Which day did you mean?`;
    return render({ intent: 'fallback', text, factIds: [], unanswered: true }, understanding);
  }
  const beyond = levelBeyond(understanding, ctx);
  if (beyond) return render(beyond, understanding);
  const coverage = coverageOf(understanding, ctx.vocabulary.words);
  if (coverage.kind === 'uncovered') return render(notCovered(coverage.phrase, ctx), understanding);
  const raw = uncompared(HANDLERS[understanding.intent](understanding, ctx), understanding);
  if (coverage.kind === 'covered') return render(raw, understanding);
  // The subject is not in the data, the rest is: say so, then what the data does say, undecided.
  const missing = notCovered(coverage.phrase, ctx);
  return render(
    {
      ...raw,
      text: `${missing.text}\n\nWhat I can tell you: ${raw.text}`,
      verdict: 'unknown',
      unanswered: true,
    },
    understanding,
  );
}

/**
 * "What does an R6 do?" in a five-year residency: a word written as the program's levels are
 * ("R" and a number) that is none of them. The years there are, and that this one is not.
 */
function levelBeyond(u: Understanding, ctx: AnswerContext): Answer | undefined {
  const years = ctx.knowledge.training.years;
  const shape = /^([a-z]+)-?(\d+)$/;
  const prefixes = new Set(years.map((y) => shape.exec(y.level.toLowerCase())?.[1]).filter(Boolean));
  const levels = new Set(years.map((y) => y.level.toLowerCase().replace('-', '')));
  const word = u.unknownWords.find((w) => {
    const m = shape.exec(w);
    return m !== null && prefixes.has(m[1]) && !levels.has(w.replace('-', ''));
  });
  if (!word || !years.length) return undefined;
  const text = `${ctx.knowledge.program.name} has ${years.length} training years, ${years[0]!.level} to ${years.at(-1)!.level}: there is no ${word.toUpperCase()}.`;
  return { intent: 'training', text, factIds: ['training'], ...(u.yesNo ? { verdict: 'no' as const } : {}) };
}

/** "I don't have information about the dress code": the user's words, and whom to ask. */
function notCovered(phrase: string, ctx: AnswerContext): Answer {
  return {
    intent: 'fallback',
    text: `I don't have information about “${phrase}”: it is not in what I know about ${ctx.knowledge.program.name} (the program description, its knowledge base and the schedule). ${capitalize(whomToAsk(ctx.knowledge))} will know.`,
    factIds: ['program-contact'],
    unanswered: true,
    verdict: 'unknown',
    suggestions: [{ label: 'What can I ask?', question: 'help' }],
  };
}

const SAY: Record<'yes' | 'no' | 'partly', string> = { yes: 'Yes — ', no: 'No — ', partly: 'Partly. ' };
const UNDECIDED = "I can't say yes or no from what I know. What it says:";

/**
 * The one place a verdict becomes words: "Yes — "/"No — " in front of the handler's text. A yes/no
 * question the facts did not decide gets `unknown`; any other question `none`. A negated claim
 * asked back ("IR doesn't do kids, right?") holds exactly when the positive answer is No.
 */
export function render(raw: Answer, understanding: Understanding): Answer {
  const frames = [frameOf(understanding, understanding.text)];
  let verdict: Verdict = raw.verdict ?? (understanding.yesNo ? 'unknown' : 'none');
  if (understanding.negatedClaim && (verdict === 'yes' || verdict === 'no'))
    verdict = verdict === 'yes' ? 'no' : 'yes';
  // Every answer starts with a capital, whatever sentence a handler put first.
  // "Yes — " and "No — " run on into the sentence; "Partly." ends one.
  const body = verdict === 'partly' ? capitalize(raw.text) : raw.text;
  // A yes/no question the handler answered with facts but no verdict: say that the facts do not decide it.
  // (An FAQ entry is the coordinator's own answer, said as written.)
  const undecided =
    verdict === 'unknown' && raw.verdict === undefined && !raw.unanswered && raw.intent !== 'faq';
  const text = isDecided(verdict)
    ? SAY[verdict] + body
    : undecided
      ? `${UNDECIDED} ${capitalize(raw.text)}`
      : capitalize(raw.text);
  return { ...raw, text, verdict, frames };
}

/** Understands a question and answers it: pure, deterministic, no I/O. */
export function answerQuestion(input: QuestionInput): { understanding: Understanding; answer: Answer } {
  const prepared = prepare(input);
  return { understanding: prepared.understanding, answer: answerPrepared(prepared) };
}
