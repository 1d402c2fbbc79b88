import type { Answer } from '../../src/core/types.js';

/** An answer as the terminal shows it: the text, items as bullets, follow-ups to try. */
export function formatAnswer(answer: Answer): string {
  const lines = [answer.text];
  if (answer.items?.length) {
    if (answer.itemsTitle) lines.push('', `${answer.itemsTitle}:`);
    for (const item of answer.items) lines.push(`  • ${item}`);
  }
  if (answer.suggestions?.length) {
    lines.push('', `Try: ${answer.suggestions.map((s) => `“${s.question}”`).join(' · ')}`);
  }
  return `${lines.join('\n')}\n`;
}
