import type { ConversationContext } from '../conversation/context.js';
import type { Knowledge } from '../knowledge/schema.js';
import type { Schedule } from '../schedule/types.js';
import { localDate } from '../time/local-date.js';
import { type AnswerContext, capitalize, type Handler, isDecided } from './answers/context.js';
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
import { frameOf } from './frame-of.js';
import type { Answer, ConversationKind, Verdict } from './types.js';
import { type Intent, type Understanding, understand } from './understand.js';
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
}

/** Understands a question and builds what its handler will read (no I/O). */
export function prepare(input: QuestionInput): { understanding: Understanding; ctx: AnswerContext } {
  const vocabulary = vocabularyOf(input.knowledge);
  const today = localDate(input.now, input.knowledge.program.time_zone);
  const understanding = understand(input.text, { vocabulary, schedule: input.schedule, today });
  const ctx: AnswerContext = {
    vocabulary,
    knowledge: input.knowledge,
    schedule: input.schedule,
    askerEmail: input.askerEmail,
    resident: input.askerEmail ? input.schedule?.byEmail(input.askerEmail) : undefined,
    conversation: input.conversation,
    now: input.now,
    today,
    calendarUrl: input.calendarUrl,
  };
  return { understanding, ctx };
}

export function respond(understanding: Understanding, ctx: AnswerContext): Answer {
  // "What am I on 4/31?": say the date does not exist rather than answer about another day.
  if (understanding.impossibleDate) {
    const text = `“${understanding.impossibleDate}” is not a date on the calendar (dates read month/day, as in 1/10 for 10 January). Which day did you mean?`;
    return render({ intent: 'fallback', text, factIds: [], unanswered: true }, understanding);
  }
  return render(HANDLERS[understanding.intent](understanding, ctx), understanding);
}

const SAY: Record<'yes' | 'no' | 'partly', string> = { yes: 'Yes — ', no: 'No — ', partly: 'Partly. ' };

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
  const text = isDecided(verdict) ? SAY[verdict] + raw.text : capitalize(raw.text);
  return { ...raw, text, verdict, frames };
}

/** Understands a question and answers it: pure, deterministic, no I/O. */
export function answerQuestion(input: QuestionInput): { understanding: Understanding; answer: Answer } {
  const { understanding, ctx } = prepare(input);
  return { understanding, answer: respond(understanding, ctx) };
}
