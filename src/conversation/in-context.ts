import { joinAnd } from '../core/answers/context.js';
import type { Answer } from '../core/types.js';
import type { Completion } from './follow-up.js';

/** The bot's clarifying question: each reading a button, the reply understood from the context. */
export function clarifyingAnswer(c: Extract<Completion, { kind: 'clarify' }>): Answer {
  return {
    intent: 'clarify',
    text: c.text,
    factIds: [],
    // A question back decides nothing.
    verdict: 'none',
    suggestions: c.readings.map((r) => ({ label: r.label, question: r.question })),
  };
}

/**
 * An answer built from context names what it took from before, unless its own words already
 * say it ("2 residents are on Interventional Radiology in April 2027" names both).
 */
export function withAssumption(answer: Answer, assumed: string[]): Answer {
  // The text first, then the lines one by one: a long list is not joined and lower-cased whole.
  const text = answer.text.toLowerCase();
  const says = (a: string) =>
    text.includes(a) || (answer.items ?? []).some((i) => i.toLowerCase().includes(a));
  const unsaid = [...new Set(assumed)].filter((a) => !says(a.toLowerCase()));
  if (!unsaid.length) return answer;
  return { ...answer, text: `${answer.text}\n\n(I took ${joinAnd(unsaid)} from your last question.)` };
}
