import type { Answer } from '../core/types.js';
import type { Understanding } from '../core/understand.js';
import type { ContextFrame, ConversationContext } from './context.js';

/** Small talk and failures leave the conversation's subject where it was. */
const NOT_A_SUBJECT = new Set(['greeting', 'thanks', 'help', 'fallback', 'calendar.link', 'error']);

/** The parts of an understood question a follow-up may reuse: ids, dates and names, no text. */
export function contextFrameOf(u: Understanding, answer?: Answer): ContextFrame {
  const subjects: ContextFrame['subjects'] = [];
  for (const [kind, ids] of Object.entries(u.refs)) for (const id of ids) subjects.push({ kind, id });
  return {
    intent: u.intent,
    yesNo: u.yesNo,
    personal: u.personal,
    past: u.past,
    asks: { ...u.asks },
    subjects: subjects.slice(0, 32),
    people: u.people.slice(0, 4).map((candidates) => candidates.slice(0, 8).map((r) => r.name)),
    time: u.dates.slice(0, 8),
    ...(answer?.items?.length ? { count: answer.items.length } : {}),
  };
}

/**
 * The context after an answer: the question's frame added (unless it was small talk or not
 * understood), and the readings of a clarifying question kept for the reply.
 */
export function nextContext(
  previous: ConversationContext | undefined,
  understood: { understanding: Understanding; answer: Answer; clarifying?: ContextFrame[] },
  now: Date,
): ConversationContext {
  const { understanding, answer, clarifying } = understood;
  const frames = previous?.frames ?? [];
  const keep = !NOT_A_SUBJECT.has(understanding.intent) && !NOT_A_SUBJECT.has(answer.intent);
  return {
    v: 1,
    at: now.toISOString(),
    frames: keep ? [...frames, contextFrameOf(understanding, answer)] : frames,
    ...(clarifying?.length ? { clarifying } : {}),
  };
}
