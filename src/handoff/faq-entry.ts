import { MAX_PHRASE_TOKENS, stems } from '../core/text/phrase-index.js';
import type { Handoff } from './types.js';

/** Words an id is built from: at most this many, so ids stay readable. */
const ID_WORDS = 6;

function idFrom(question: string, taken: ReadonlySet<string>): string {
  const words = question
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9\s]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, ID_WORDS);
  const base = words.join('-') || 'coordinator-answer';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * The question as a resident would find it again: lower case, no closing punctuation, and no
 * longer than the bot matches a name (its leading words go first: "is there", "how do I").
 */
function aliasOf(question: string): string {
  let words = question
    .trim()
    .replace(/[?!.\s]+$/, '')
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean);
  while (words.length > 1 && stems(words.join(' ')).length > MAX_PHRASE_TOKENS) words = words.slice(1);
  return words.join(' ');
}

function asQuestion(question: string): string {
  const q = question.trim().replace(/\s+/g, ' ');
  const capital = q.charAt(0).toUpperCase() + q.slice(1);
  return /[?!.]$/.test(capital) ? capital : `${capital}?`;
}

/**
 * A ready-to-paste entry for the knowledge base's faq.yaml: the hand-off's question as its
 * question and alias, the coordinator's reply (the last one passed on) as the answer. The
 * lines are indented to go under `faq:`. `takenIds` avoids an id the knowledge base already has.
 * The YAML writer is loaded here, when a coordinator asks for an entry: a start never needs it.
 */
export async function faqEntry(
  handoff: Pick<Handoff, 'question' | 'replies'>,
  takenIds: ReadonlySet<string> = new Set(),
): Promise<string | null> {
  const reply =
    [...handoff.replies].reverse().find((r) => r.outcome === 'delivered') ?? handoff.replies.at(-1);
  if (!reply) return null;
  const entry = {
    id: idFrom(handoff.question, takenIds),
    question: asQuestion(handoff.question),
    aliases: [aliasOf(handoff.question)],
    answer: reply.text.trim(),
  };
  const { stringify } = await import('yaml');
  const yaml = stringify([entry], { lineWidth: 100 });
  return yaml
    .trimEnd()
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
