import type { Handoff, HandoffCard } from './types.js';

/** The bot's answer on a card is a reminder of what was said, not the whole of it. */
const ANSWER_ON_CARD = 600;

function shorten(text: string, max: number): string {
  const flat = text.trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

export function askerLine(handoff: Pick<Handoff, 'asker'>): string {
  return handoff.asker.level ? `${handoff.asker.name} (${handoff.asker.level})` : handoff.asker.name;
}

function statusOf(handoff: Handoff): string {
  const delivered = handoff.replies.filter((r) => r.outcome === 'delivered');
  const last = handoff.replies.at(-1);
  if (last && last.outcome !== 'delivered') {
    const why = last.reason ? `: ${last.reason}` : '';
    return last.outcome === 'unreachable'
      ? `Could not reach ${handoff.asker.name} with the reply from ${last.by}${why}. Please contact them directly.`
      : `The reply from ${last.by} could not be passed on${why}. Please contact ${handoff.asker.name} directly.`;
  }
  if (delivered.length) {
    const names = [...new Set(delivered.map((r) => r.by))].join(', ');
    return `Answered by ${names}: passed on to ${handoff.asker.name}.`;
  }
  return `Waiting for a reply. Reply in this thread and rotabot passes it on to ${handoff.asker.name}.`;
}

/** What coordinators see: the question, who asked (name and level, never the email), where, what the bot said. */
export function cardOf(handoff: Handoff): HandoffCard {
  return {
    handoffId: handoff.id,
    title: 'A resident asked a question rotabot could not answer',
    fields: [
      { label: 'Question', value: handoff.question },
      { label: 'Asked by', value: askerLine(handoff) },
      { label: 'Where', value: handoff.where },
      { label: 'rotabot answered', value: shorten(handoff.answerText, ANSWER_ON_CARD) },
    ],
    status: statusOf(handoff),
    replies: handoff.replies
      .filter((r) => r.outcome === 'delivered')
      .map((r) => ({ by: r.by, text: r.text })),
  };
}

/** The coordinator's reply as the resident receives it: attributed, with the question it answers. */
export function relayText(handoff: Pick<Handoff, 'question'>, by: string, text: string): string {
  return `${by} (program coordinator) answered your question “${shorten(handoff.question, 200)}”:\n\n${text.trim()}`;
}
