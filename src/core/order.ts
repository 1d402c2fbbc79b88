import type { FollowUpWords } from '../knowledge/language.js';
import type { Order } from './frame.js';
import type { EntityKind, PhraseMatch } from './text/phrase-index.js';

/** The kinds a schedule block is named by: a rotation, its group, its site. */
const SCHEDULE_KINDS: ReadonlySet<EntityKind> = new Set<EntityKind>()
  .add('rotation')
  .add('group')
  .add('site');

/*
 * A comparison in time, from the language file's words that move or compare (follow_ups: later,
 * earlier, units): "is that before or after ICU?" (the time of the last answer beside ICU), or on
 * its own, "is my ICU before my VA month?" (the first subject's blocks beside the second's).
 */

type OrderWords = Pick<FollowUpWords, 'earlier' | 'later' | 'units'>;

/**
 * The positions of the words that compare: "before"/"after" not beside a unit ("the month after"
 * moves the time). A unit that ends a name ("my ICU month before research") is the name's, not a move.
 */
function orderWordsAt(
  tokens: readonly string[],
  words: OrderWords,
  list: readonly string[],
  named: (i: number) => boolean,
): number[] {
  const unit = (i: number) => tokens[i] !== undefined && tokens[i]! in words.units;
  const beside = (i: number) => (unit(i - 1) && !named(i - 2)) || unit(i + 1);
  return tokens.flatMap((t, i) => (list.includes(t) && !beside(i) ? [i] : []));
}

/** Both said ask which ("before or after"); one asks yes or no. */
export function orderOf(
  tokens: readonly string[],
  words: OrderWords,
  named: (i: number) => boolean = () => false,
): Order | undefined {
  const before = orderWordsAt(tokens, words, words.earlier, named).length > 0;
  const after = orderWordsAt(tokens, words, words.later, named).length > 0;
  return before && after ? 'before-or-after' : before ? 'before' : after ? 'after' : undefined;
}

/**
 * "Is my ICU before my VA month?": a rotation or site named before the comparing word and another
 * after it. The matches named first are the ones compared (their blocks are placed beside the
 * others'). With `timed` (the question names a date), "is my ICU before March?": the blocks named
 * placed beside that time. Undefined when the words compare nothing named on both sides.
 */
export function comparisonIn(
  tokens: readonly string[],
  matches: readonly PhraseMatch[],
  words: OrderWords,
  timed = false,
): { order: Order; compared: PhraseMatch[] } | undefined {
  const named = (i: number) =>
    matches.some((m) => (m.positions ?? []).includes(i) || (m.start <= i && i < m.end));
  const order = orderOf(tokens, words, named);
  if (!order) return undefined;
  const at = [
    ...orderWordsAt(tokens, words, words.earlier, named),
    ...orderWordsAt(tokens, words, words.later, named),
  ].sort((a, b) => a - b);
  const first = at[0]!;
  const last = at[at.length - 1]!;
  const scheduled = matches.filter((m) => m.refs.some((r) => SCHEDULE_KINDS.has(r.kind)));
  const compared = scheduled.filter((m) => m.end <= first);
  const withWhat = scheduled.filter((m) => m.start > last);
  if (!compared.length) return undefined;
  if (withWhat.length) return { order, compared };
  // Against the time, the answer places the time's block beside the blocks named: "is my ICU
  // before March?" is "is March after my ICU?".
  const turned: Record<Order, Order> = {
    before: 'after',
    after: 'before',
    'before-or-after': 'before-or-after',
  };
  return timed ? { order: turned[order], compared } : undefined;
}
