import { says } from './cues.js';
import type { Lexicon } from './lexicon.js';
import { range } from './question-shape.js';
import { isOrdinaryEnglish } from './text/english.js';
import { foldText } from './text/normalize.js';
import { type Intent, READ_BY, type Understanding } from './understand.js';

/*
 * Coverage decides honesty. Every content word of a question is accounted for by an entity, a cue,
 * a date or known filler (the language file); what is left is `unplaced`. When the question's
 * subject is among the unplaced words, the data does not cover it: the answer says so in the
 * user's words and names whom to ask, never the nearest topic.
 */

/** Answers that describe a whole topic: given unplaced words, they would be the nearest topic, not the answer. */
const SUMMARIES = new Set<Intent>([
  'help',
  'training',
  'program.overview',
  'program.site',
  'rotation.info',
  'rotation.list',
  'fallback',
]);

const SCHEDULE = new Set<Intent>(['schedule.mine', 'schedule.person', 'schedule.who']);

export type Coverage =
  /** Everything asked is in the data. */
  | { kind: 'covered' }
  /** The subject is not in the data: say so, naming it. */
  | { kind: 'uncovered'; phrase: string }
  /** The subject is not in the data, but the rest of the question is: say so, then answer the rest. */
  | { kind: 'partial'; phrase: string };

/** What the question asks about that the data does not hold, if anything. */
export function coverageOf(asked: Understanding, L: Lexicon): Coverage {
  // A word only some answers read is unplaced in any other: "am I supervised on IR?".
  const unread = (asked.heldBy ?? [])
    .filter((h) => !h.lists.some((list) => READ_BY[list]?.includes(asked.intent)))
    .map((h) => h.word);
  const u = unread.length ? { ...asked, unknownWords: [...asked.unknownWords, ...unread] } : asked;
  // "Who is the attending on IR this week?", "which fellows are at the VA?": the people asked
  // about are not the schedule's residents, even where a phrase places the word ("faculty" of a
  // site's coverage). The answer says so before saying which residents are there.
  const others =
    u.intent === 'schedule.who' ? wordsAndCommas(u.text).tokens.filter((w) => L.ORDINARY_NOUNS.has(w)) : [];
  if (others.length) return { kind: 'partial', phrase: phraseOf(u.text, others, L) };
  const unplaced = u.unknownWords;
  if (!unplaced.length || u.corrections.some((c) => c.alternatives.length)) return { kind: 'covered' };
  // "What is Jordan on?": a name the schedule does not have is answered as a person not found;
  // "what's Avery's phone number?" names someone it has, and asks what it does not hold.
  const found = u.people.some((p) => p.length > 0);
  if ((u.people.length && !found) || (u.intent === 'schedule.person' && !found)) return { kind: 'covered' };
  const phrase = phraseOf(u.text, unplaced, L);
  const targets = u.refs.rotation.length + u.refs.group.length + u.refs.site.length > 0;
  if (SUMMARIES.has(u.intent)) {
    // "Do IR fellows cover the VA?": the VA is covered and "fellows" only qualifies it, so the
    // answer says what is not known, then what the data says of the VA.
    const qualifierOnly = unplaced.every((w) => L.ORDINARY_NOUNS.has(w)) && targets;
    return { kind: qualifierOnly ? 'partial' : 'uncovered', phrase };
  }
  // "How much vacation do we get", "does IR have a journal club": having or getting, not doing a procedure.
  if (u.intent === 'procedure.unknown' && says(u, 'have_words')) return { kind: 'uncovered', phrase };
  // "Do we do TIPS and BRTO?": a name the data does not have beside one it has; the rest is answered.
  if (u.intent === 'procedure.does' && unlistedBeside(u, L)) return { kind: 'partial', phrase };
  // "Do residents do percutaneous biliary drainage?" where only drainages are listed, as an area
  // of work: a word no ordinary English explains, right against the area's name, makes it one
  // procedure, which the data may not list. (Against a procedure's own name such a word only
  // describes it: "hepatic chemoembolisation".)
  if ((u.intent === 'procedure.does' || u.intent === 'category.list') && u.yesNo && qualifiesArea(u)) {
    const named = u.matches.flatMap((m) => m.text.split(' '));
    return { kind: 'partial', phrase: phraseOf(u.text, [...unplaced, ...named], L) };
  }
  // "What's the mortality of TIPS?", "side effects of Y90?": something asked of a procedure beyond
  // whether the division does it; "should I give heparin before a TIPS?": clinical advice. The
  // data holds neither: say so, then what it does say of the procedure.
  if (u.intent === 'procedure.does' && (!u.yesNo || says(u, 'advice_asked')))
    return { kind: 'partial', phrase };
  if (SCHEDULE.has(u.intent)) {
    // "Am I on call tonight?", "what's the call schedule like": what is asked about is not a
    // rotation, site or year the schedule has; with a time, the rest is still answered.
    // "Can I park in the Duke garage?": a yes/no about something that is no part of a schedule.
    if (u.yesNo) return { kind: 'partial', phrase };
    if (!targets && !u.refs.year.length && !u.dates.length) return { kind: 'uncovered', phrase };
    // "Who is working on call in March?": the whole month, qualified by what the schedule has not.
    if (u.intent === 'schedule.who' && !targets && !u.refs.year.length) return { kind: 'partial', phrase };
    // "Where do I park at the VA?": a rotation or site named, but neither when nor what is asked of it.
    const timed = u.dates.length > 0 || u.asks.when || u.asks.next || u.asks.left || u.asks.howMany || u.past;
    if (targets && !timed && !u.yesNo) return { kind: 'uncovered', phrase };
  }
  return { kind: 'covered' };
}

const MAX_WORDS = 6;

/**
 * The unplaced words as the user wrote them, with their article: "the dress code", "the program
 * director", "call". At most a few words: a long run of noise is cut.
 */
export function phraseOf(text: string, unplaced: readonly string[], L: Lexicon): string {
  const { DETERMINERS, LINKING_WORDS } = L;
  const tokens = foldText(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const wanted = new Set(unplaced);
  const first = tokens.findIndex((t) => wanted.has(t));
  if (first < 0) return unplaced.slice(0, MAX_WORDS).join(' ');
  let last = first;
  for (let i = first; i < tokens.length && i < first + MAX_WORDS; i++) if (wanted.has(tokens[i]!)) last = i;
  let start = first;
  // One word of the name before it, when an article comes before that: "the program director".
  if (DETERMINERS.has(tokens[first - 1] ?? '')) start = first - 1;
  else if (DETERMINERS.has(tokens[first - 2] ?? '') && !LINKING_WORDS.has(tokens[first - 1]!))
    start = first - 2;
  // The noun the unplaced words qualify, when it is one of the language file's topic heads: "the call schedule".
  if (L.TOPIC_HEADS.has(tokens[last + 1] ?? '')) last += 1;
  const words = tokens.slice(start, last + 1).map((w) => (w.length > 30 ? `${w.slice(0, 30)}…` : w));
  return words.join(' ');
}

/**
 * "Do we do TIPS and BRTO?", "PICC lines and TIPS?", "Y90, TACE and IVC filters?": a run of words
 * nothing placed, one of them no ordinary English word, joined by "and"/"or" to the rest of the
 * question: a procedure the data does not list, beside one it does.
 */
function unlistedBeside(u: Understanding, L: Lexicon): boolean {
  const { tokens, commaAfter } = wordsAndCommas(u.text);
  const unplaced = (t: string | undefined) => t !== undefined && u.unknownWords.includes(t);
  const joins = (t: string | undefined) => t !== undefined && (L.JOINERS.has(t) || L.OR_WORDS.has(t));
  // The token at i is an item of a comma list whose item before it is placed: "TIPS, PICCs".
  // A list ends with "and"/"or": "(ischemia, aneurysms)" gives examples, not a list of procedures asked.
  const listed = (i: number) =>
    i > 0 && commaAfter.has(i - 1) && !unplaced(tokens[i - 1]) && tokens.slice(i).some(joins);
  for (let start = 0; start < tokens.length; start++) {
    if (!unplaced(tokens[start]) || unplaced(tokens[start - 1])) continue;
    let end = start;
    while (unplaced(tokens[end + 1])) end++;
    const run = tokens.slice(start, end + 1);
    // Joined to something placed: "cirrhosis and ascites" is two words of a story, not a list of
    // procedures. In a list ("TIPS, PICCs or kyphoplasty") the names before the joiner are commas apart.
    const before =
      joins(tokens[start - 1]) && start > 1 && (!unplaced(tokens[start - 2]) || listed(start - 2));
    const after = joins(tokens[end + 1]) && end + 2 < tokens.length && !unplaced(tokens[end + 2]);
    if (run.some((t) => !isOrdinaryEnglish(t)) && (before || after || listed(start))) return true;
  }
  return false;
}

/** An unplaced word, not ordinary English, right before or after the name of an area of work. */
function qualifiesArea(u: Understanding): boolean {
  const areas = u.matches.filter((m) => m.refs.length > 0 && m.refs.every((r) => r.kind === 'category'));
  const taken = new Set(areas.flatMap((m) => m.positions ?? range(m.start, m.end)));
  return u.words.some(
    (w, i) => u.unknownWords.includes(w) && !isOrdinaryEnglish(w) && (taken.has(i - 1) || taken.has(i + 1)),
  );
}

/** The question's words, and the positions of those a comma follows ("TIPS, PICCs" → TIPS's). */
function wordsAndCommas(text: string): { tokens: string[]; commaAfter: Set<number> } {
  const tokens: string[] = [];
  const commaAfter = new Set<number>();
  for (const piece of foldText(text).split(/([^a-z0-9]+)/)) {
    if (/^[a-z0-9]+$/.test(piece)) tokens.push(piece);
    else if (piece.includes(',') && tokens.length) commaAfter.add(tokens.length - 1);
  }
  return { tokens, commaAfter };
}
