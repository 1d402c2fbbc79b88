/*
 * Clause grammar: where one message holds several questions. "Who is on ICU in March and who is
 * at the VA?", "Does IR do TIPS? Is the VA far?" — each question gets its own frame and answer.
 */

/** Words a question can start with; "and" or a comma before one of them starts a second question. */
const STARTS =
  'who|whos|what|whats|when|whens|where|wheres|which|how|is|are|am|do|does|did|can|could|will|would|should|has|have';
const POINTS_BACK = /\b(that|it|this|those|them|these|there|one|ones)\b/i;
const AFTER_END = /(?<=[?!])\s+(?=\S)/;
const JOINED = new RegExp(`\\s*(?:;|,?\\s+(?:and|also|plus)\\s+|,\\s+)(?=(?:${STARTS})\\b)`, 'i');

/** The questions of a message, in order; a message of one question is one clause. */
export function splitQuestions(text: string): string[] {
  const out: string[] = [];
  for (const sentence of text.split(AFTER_END)) {
    const parts = sentence.split(JOINED).map((p) => p.trim());
    // "Do I have ICU, and when?": a part of one or two words continues the question before it, and so
    // does a short one pointing back ("my patient needs a port, does IR do that").
    for (const p of parts) {
      const n = p.split(/\s+/).length;
      const continues = (n < 3 && parts.length > 1) || (n <= 6 && POINTS_BACK.test(p));
      if (out.length && continues) out[out.length - 1] += ` ${p}`;
      else if (p) out.push(p);
    }
  }
  return out.length ? out : [text];
}
