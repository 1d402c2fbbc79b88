import type { Resident, Schedule } from '../schedule/types.js';
import type { Mention } from './types.js';

/**
 * People a platform mention names ("<@U123>" in Slack, a Teams mention entity). Adapters resolve
 * the platform id to a name and an email; here the email finds the resident, and the mention
 * becomes one opaque word, so no later stage (dates, typos, vocabulary) can read a name as
 * something else: a resident called April is never a month.
 */

/** A mention as understanding reads it: the resident, or nobody on the schedule. */
export interface ResolvedMention {
  name: string;
  resident?: Resident;
}

const TOKEN = /^mentionedperson(\d+)$/;
const token = (i: number) => ` mentionedperson${i} `;

/** The mention's index when a word is one of the tokens `markMentions` wrote. */
export function mentionIndex(word: string): number | undefined {
  const m = TOKEN.exec(word);
  return m ? Number(m[1]) : undefined;
}

/** Replaces each mention's name in the text (in order) by its token, and finds its resident by email. */
export function markMentions(
  text: string,
  mentions: readonly Mention[],
  schedule: Schedule | undefined,
): { text: string; mentions: ResolvedMention[] } {
  const resolved: ResolvedMention[] = [];
  let out = text;
  let from = 0;
  for (const mention of mentions) {
    const at = out.indexOf(mention.name, from);
    if (!mention.name || at < 0) continue;
    const resident = mention.email ? schedule?.byEmail(mention.email.toLowerCase()) : undefined;
    const t = token(resolved.length);
    resolved.push({ name: resident?.name ?? mention.name, resident });
    out = out.slice(0, at) + t + out.slice(at + mention.name.length);
    from = at + t.length;
  }
  return { text: out, mentions: resolved };
}
