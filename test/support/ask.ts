import { answerQuestion } from '../../src/core/answer.js';
import type { Answer } from '../../src/core/types.js';
import type { Understanding } from '../../src/core/understand.js';
import type { Knowledge } from '../../src/knowledge/schema.js';
import type { Schedule } from '../../src/schedule/types.js';

export interface AskOptions {
  as?: string;
  now?: Date;
  conversation?: 'private' | 'group' | 'channel';
  calendarUrl?: string;
}

export type Ask = (text: string, options?: AskOptions) => Answer & { understanding: Understanding };

/** Asks one program's bot core as a resident (or nobody), at `now` unless told otherwise: the answer and what was understood. */
export function askerOf(knowledge: Knowledge, schedule: Schedule, now: Date): Ask {
  return (text, options = {}) => {
    const { understanding, answer } = answerQuestion({
      text,
      knowledge,
      schedule,
      askerEmail: options.as,
      conversation: options.conversation ?? 'private',
      now: options.now ?? now,
      calendarUrl: options.calendarUrl,
    });
    return { ...answer, understanding };
  };
}
