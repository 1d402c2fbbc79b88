import type { AskOutcome, VoteOutcome } from './service.js';

/** What the resident is told after pressing a feedback button; the same words on every platform. */
export function voteOutcomeText(outcome: VoteOutcome): string {
  switch (outcome.status) {
    case 'recorded':
      if (outcome.vote === 'up') return 'Thanks for the feedback!';
      return outcome.offerHandoff
        ? 'Thanks, noted. If you still need an answer, a program coordinator can reply here.'
        : 'Thanks, noted: the coordinators will use it to improve my answers.';
    case 'already':
      return 'You already gave feedback on this answer. Thanks!';
    case 'expired':
      return 'That answer is too old for feedback now. Ask again and rate the new answer.';
    case 'unavailable':
      return 'Sorry, I could not record that just now. Please try again in a minute.';
  }
}

export function askOutcomeText(outcome: AskOutcome): string {
  switch (outcome.status) {
    case 'sent':
      return `I passed your question to the program coordinators. You should hear back ${outcome.replyTime}, right here.`;
    case 'already':
      return 'That question is already with the program coordinators: their reply will come here.';
    case 'rate-limited':
      return `You have handed ${outcome.perDay} questions to the coordinators today, the most I pass on in a day. Please write to the program coordinator directly, or try again tomorrow.`;
    case 'not-yours':
      return 'Only the person who asked can pass this question to a coordinator. Ask it yourself, and you can.';
    case 'expired':
      return 'That answer is too old to pass on now. Ask again, and you can hand the new answer to a coordinator.';
    case 'no-desk':
      return 'No coordinators\u2019 channel is set up for me here, so I cannot pass questions on. Please write to the program coordinator directly.';
    case 'unavailable':
    case 'failed':
      return 'Sorry, I could not reach the coordinators just now. Please try again in a minute, or write to the program coordinator directly.';
  }
}
