import type { Answer } from './types.js';

/**
 * Replies every adapter gives the same way, for messages that never reach understanding.
 */

/** A message that is only a file, an image or a card: there is nothing to read. */
export const TEXT_ONLY: Answer = {
  intent: 'text-only',
  text: 'I read text only, so I cannot see files or images. Type your question and I will answer it.',
  factIds: [],
  unanswered: true,
};
