import type { Answer } from '../core/types.js';

/** The buttons an answer can carry; each adapter lays them out (Slack buttons, card actions, HTML). */
export type FeedbackAction = 'helpful' | 'not-helpful' | 'ask-coordinator';

export const ACTION_LABELS: Record<FeedbackAction, string> = {
  helpful: 'Helpful',
  'not-helpful': 'Not helpful',
  'ask-coordinator': 'Ask a coordinator',
};

/** Answers about the bot itself (an apology, a limit, help) are not worth a vote or a hand-off. */
function aboutTheBot(answer: Pick<Answer, 'intent'>): boolean {
  return answer.intent === 'error' || answer.intent === 'help' || answer.intent.startsWith('limit.');
}

/**
 * Helpful / Not helpful on every real answer; Ask a coordinator on an honest "I don't know"
 * (and, after a Not helpful vote, on the reply to it) when a coordinators' place is set up.
 */
export function feedbackActions(
  answer: Pick<Answer, 'intent' | 'unanswered'>,
  canHandOff: boolean,
): FeedbackAction[] {
  if (aboutTheBot(answer)) return [];
  const actions: FeedbackAction[] = ['helpful', 'not-helpful'];
  if (answer.unanswered && canHandOff) actions.push('ask-coordinator');
  return actions;
}
