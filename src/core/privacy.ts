import type { Answer, ConversationKind } from './types.js';

/** What is said instead of a private answer where others could read it. */
export const PRIVATE_ELSEWHERE: Answer = {
  intent: 'private.withheld',
  text: 'That answer is only for you, so I give it only in a private conversation: send me a direct message and ask again.',
  factIds: [],
};

/**
 * The answer an adapter may post in `conversation`: a private answer (Answer.private) only
 * ever goes to a one-to-one conversation; anywhere else the asker is told where to ask.
 */
export function withholdPrivate(answer: Answer, conversation: ConversationKind): Answer {
  return answer.private && conversation !== 'private' ? PRIVATE_ELSEWHERE : answer;
}
