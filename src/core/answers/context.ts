import type { Knowledge } from '../../knowledge/schema.js';
import type { Resident, Schedule } from '../../schedule/types.js';
import type { IsoDate } from '../../time/local-date.js';
import { says } from '../cues.js';
import type { Quantifier } from '../frame.js';
import type { Lexicon } from '../lexicon.js';
import { foldText } from '../text/normalize.js';
import type { Answer, ConversationKind, Platform, Suggestion, Verdict } from '../types.js';
import type { Understanding } from '../understand.js';
import type { Vocabulary } from '../vocabulary.js';

/** Everything a handler may read: pure data, time passed in, no I/O. */
export interface AnswerContext {
  vocabulary: Vocabulary;
  knowledge: Knowledge;
  schedule?: Schedule;
  /** The asker's email, when the platform knows it. */
  askerEmail?: string;
  /** The asker as the schedule knows them. */
  resident?: Resident;
  conversation: ConversationKind;
  /** Where the question was asked, for advice that differs by place ("pick who you are above"). */
  platform?: Platform;
  now: Date;
  today: IsoDate;
  /** The asker's own calendar link, resolved by the bot for calendar questions in private. */
  calendarUrl?: string;
}

export type Handler = (u: Understanding, ctx: AnswerContext) => Answer;

/** "the IR residency program coordinator (#ir-residents)", as written: capitalize at a sentence start. */
export function whomToAsk(knowledge: Knowledge): string {
  const c = knowledge.program.contact;
  const where = [c.email, c.channel].filter(Boolean).join(', ');
  return `${c.name}${where ? ` (${where})` : ''}`;
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const ask = (label: string, question = label): Suggestion => ({ label, question });

export function answer(intent: string, text: string, factIds: string[], extra: Partial<Answer> = {}): Answer {
  return { intent, text, factIds, ...extra };
}

/**
 * The verdict of a yes/no question whose facts decide it: `holds` says whether the thing asked is so.
 * Not a yes/no question: no verdict. Handlers never write "Yes — "; the answer step renders it.
 */
export function decide(yesNo: boolean, holds: boolean): Pick<Answer, 'verdict'> {
  return yesNo ? { verdict: holds ? 'yes' : 'no' } : {};
}

/** A yes/no question the facts do not decide: `unknown`; any other question, no verdict. */
export function undecided(yesNo: boolean): Pick<Answer, 'verdict'> {
  return yesNo ? { verdict: 'unknown' } : {};
}

/**
 * One verdict for several subjects asked together ("does IR do TIPS and biopsies?"): the same for
 * all, or `partly`; "both"/"all"/"each" claim every one (no unless all hold), "any"/"either" one.
 */
export function combineVerdicts(
  verdicts: readonly ('yes' | 'no')[],
  quantifier?: Quantifier,
): Verdict | undefined {
  if (!verdicts.length) return undefined;
  if (verdicts.every((v) => v === verdicts[0])) return verdicts[0];
  if (quantifier === 'both' || quantifier === 'all' || quantifier === 'each') return 'no';
  if (quantifier === 'any') return 'yes';
  return 'partly';
}

/** A verdict that is yes or no (a text rendered with "Yes — "/"No — " in front). */
export function isDecided(v: Verdict | undefined): v is 'yes' | 'no' | 'partly' {
  return v === 'yes' || v === 'no' || v === 'partly';
}

/** "a, b and c" */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "1 month", "5 months" */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A note on words read as something else, so a corrected typo is visible rather than silent. */
export function correctionNote(u: Understanding): string {
  if (!u.corrections.length) return '';
  const read = joinAnd(u.corrections.map((c) => `“${c.from}” as “${c.to}”`));
  // Two readings equally close: say which one was taken, and name the other.
  const others = u.corrections.flatMap((c) => c.alternatives.map((a) => `“${a}”`));
  return `\n\n(I read ${read}${others.length ? `; if you meant ${joinAnd(others).replace(/ and /g, ' or ')}, ask again with that word` : ''}.)`;
}

/** "I can't say for the Durham VA in particular": a site named as a place, where the data says nothing per site. */
export function notStatedForSites(ctx: AnswerContext, siteIds: readonly string[], what: string): string {
  const names = siteIds.map((id) => ctx.vocabulary.sites.get(id)?.name ?? id);
  return `I can't say for ${joinAnd(names)} in particular: the program description does not say ${what} at each site. What it does say:`;
}

/**
 * A figure the question states: in digits ("800", "8,400", "~700"), else in the language file's
 * number words when they make a figure of twenty or more ("a thousand", "seven hundred and fifty").
 */
export function statedFigure(text: string, L?: Pick<Lexicon, 'NUMBERS' | 'JOINERS'>): number | undefined {
  // Not a level's or a name's digits ("R4", "Y90"): a figure stands on its own.
  const m = /(?:^|[^\w.])(\d{1,3}(?:,\d{3})+|\d+)(?![\w/:])/.exec(text);
  if (m) return Number(m[1]!.replaceAll(',', ''));
  return L && figureInWords(foldText(text).split(/[^a-z]+/), L);
}

/**
 * The first run of number words that makes a figure of twenty or more: a hundred multiplies what
 * comes before it, a thousand or more closes a part ("two thousand five hundred" is 2,500).
 * A joiner inside a run is read through ("seven hundred and fifty").
 */
function figureInWords(
  words: readonly string[],
  L: Pick<Lexicon, 'NUMBERS' | 'JOINERS'>,
): number | undefined {
  const numbers = L.NUMBERS;
  let total = 0;
  let current = 0;
  let inRun = false;
  const close = () => {
    const figure = total + current;
    total = 0;
    current = 0;
    inRun = false;
    return figure >= 20 ? figure : undefined;
  };
  for (let i = 0; i <= words.length; i++) {
    const n = numbers[words[i] ?? ''];
    if (n === undefined) {
      if (inRun && L.JOINERS.has(words[i]!) && numbers[words[i + 1] ?? ''] !== undefined) continue;
      const figure = inRun ? close() : undefined;
      if (figure !== undefined) return figure;
      continue;
    }
    inRun = true;
    if (n === 100) current = Math.max(current, 1) * 100;
    else if (n >= 1000) {
      total += Math.max(current, 1) * n;
      current = 0;
    } else current += n;
  }
  return undefined;
}

/** "Will I do TIPS myself?": the question asks of the residents, not of the program or a division. */
export function residentsAsked(u: Understanding): boolean {
  return says(u, 'trainees') || (u.personal && !u.refs.program.length);
}

/** "I can't say for ICU: …": a rotation named as who does something, which the data does not say. */
export function notSaidOf(doers: readonly string[], what: string): string {
  return `I can't say for ${joinAnd(doers)}: the program description does not say ${what}. What it does say:`;
}

/** "Will I be primary operator for TIPS?": the part residents play, which the data does not say. */
export function partNotSaid(ctx: AnswerContext, what: string): string {
  return `I can't say yes or no: the program description does not say what part residents play in ${what}. ${capitalize(whomToAsk(ctx.knowledge))} will know. What it does say:`;
}

/** The rotations named, outside the program's own group, that no division stands for. */
export function otherDoers(u: Understanding, ctx: AnswerContext, specialty: string | undefined): string[] {
  const groups = u.refs.group.filter((g) => g !== specialty);
  const rotations = u.refs.rotation.filter((id) => {
    const group = ctx.vocabulary.rotations.get(id)?.group;
    return group !== specialty && !u.refs.group.includes(group ?? '');
  });
  return [
    ...groups.map((g) => ctx.vocabulary.groups.get(g)?.name ?? g),
    ...rotations.map((id) => ctx.vocabulary.rotations.get(id)?.name ?? id),
  ];
}
