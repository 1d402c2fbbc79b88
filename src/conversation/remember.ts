import type { Answer } from '../core/types.js';
import type { Understanding } from '../core/understand.js';
import { DEFAULT_LOCALE } from '../time/format-date.js';
import { blockTime } from './answered.js';
import type { ContextFrame, ConversationContext } from './context.js';
import type { Completion } from './follow-up.js';

/** Small talk and failures leave the conversation's subject where it was. */
const NOT_A_SUBJECT = new Set(['greeting', 'thanks', 'help', 'fallback', 'calendar.link', 'error']);

/**
 * The parts of an understood question a follow-up may reuse: ids, dates and names, no text. The
 * time of "what am I on after ICU?" is the block its answer named, so that "and after that?" goes
 * on from there.
 */
export function contextFrameOf(u: Understanding, answer?: Answer, locale = DEFAULT_LOCALE): ContextFrame {
  const subjects = refList(u.refs);
  const steps = u.asks.after || u.cues.includes('before_words');
  const answered = steps && answer?.about?.length ? [blockTime(answer.about[0]!, locale)] : undefined;
  return {
    intent: u.intent,
    yesNo: u.yesNo,
    personal: u.personal,
    past: u.past,
    asks: { ...u.asks },
    subjects: subjects.slice(0, 32),
    named: u.matches.slice(0, 16).map((m) => m.refs.slice(0, 8).map((r) => ({ kind: r.kind, id: r.id }))),
    people: u.people.slice(0, 4).map((candidates) => candidates.slice(0, 8).map((r) => r.name)),
    time: answered ?? u.dates.slice(0, 8),
    ...(answer?.about?.length ? { found: answer.about.slice(0, 12) } : {}),
    ...(answer?.items?.length ? { count: answer.items.length } : {}),
    ...(u.order ? { order: u.order } : {}),
    ...(u.compared ? { compared: refList(u.compared).slice(0, 16) } : {}),
    ...(refList(u.excluded).length ? { excluded: refList(u.excluded).slice(0, 16) } : {}),
    ...(u.aspects.length ? { aspects: [...u.aspects] } : {}),
    ...(u.others ? { others: true } : {}),
    ...(u.besides?.length ? { besides: u.besides.slice(0, 8).map((r) => r.name) } : {}),
  };
}

function refList(refs: Understanding['refs']): ContextFrame['subjects'] {
  return Object.entries(refs).flatMap(([kind, ids]) => ids.map((id) => ({ kind, id })));
}

/**
 * The context after an answer: the question's frame added (unless it was small talk or not
 * understood), and the readings of a clarifying question kept for the reply.
 */
export function nextContext(
  previous: ConversationContext | undefined,
  understood: { understanding: Understanding; answer: Answer; followUp?: Completion; locale?: string },
  now: Date,
): ConversationContext {
  const { understanding, answer, followUp, locale } = understood;
  const frames = previous?.frames ?? [];
  const clarifying =
    followUp?.kind === 'clarify' ? followUp.readings.map((r) => r.frame) : nameReadings(understanding);
  const keep =
    !clarifying.length && !NOT_A_SUBJECT.has(understanding.intent) && !NOT_A_SUBJECT.has(answer.intent);
  // Every question of the message, in order; the answer's blocks are the last question's.
  const others = (understanding.also ?? []).filter((u) => !NOT_A_SUBJECT.has(u.intent));
  const asked = others.length
    ? [
        ...[understanding, ...others.slice(0, -1)].map((u) => contextFrameOf(u)),
        contextFrameOf(
          others[others.length - 1]!,
          answer.about ? { ...answer, items: undefined } : undefined,
          locale,
        ),
      ]
    : [contextFrameOf(understanding, answer, locale)];
  // Asked back among other questions: those are remembered, the reply picks the reading.
  const beside =
    followUp?.kind === 'clarify' && followUp.among
      ? [...followUp.among.before, ...followUp.among.after]
          .filter((u) => !NOT_A_SUBJECT.has(u.intent))
          .map((u) => contextFrameOf(u))
      : [];
  return {
    v: 1,
    at: now.toISOString(),
    frames: keep ? [...frames, ...asked] : [...frames, ...beside],
    ...(clarifying.length ? { clarifying } : {}),
  };
}

/**
 * The context with one more question of the same message: the next question of a message is
 * completed from the ones before it ("what is Casey on in March? and in April?").
 */
export function withQuestion(
  context: ConversationContext | undefined,
  u: Understanding,
): ConversationContext {
  const frames = context?.frames ?? [];
  return {
    v: 1,
    at: context?.at ?? new Date(0).toISOString(),
    frames: NOT_A_SUBJECT.has(u.intent) ? frames : [...frames, contextFrameOf(u)],
  };
}

/**
 * "What is Casey on?" with two Caseys: the bot asks which one; each candidate is a reading of the
 * reply. In a message of several questions, the first that names two residents.
 */
function nameReadings(understanding: Understanding): ContextFrame[] {
  const twoWays = (u: Understanding) => u.intent === 'schedule.person' && (u.people[0]?.length ?? 0) > 1;
  const u = [understanding, ...(understanding.also ?? [])].find(twoWays);
  if (!u) return [];
  const candidates = u.people[0]!;
  const frame = contextFrameOf(u);
  return candidates.slice(0, 12).map((r) => ({ ...frame, people: [[r.name]] }));
}
