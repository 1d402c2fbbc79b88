import { type DateContext, type DateRef, parseDates } from '../core/dates.js';
import { foldText } from '../core/text/normalize.js';
import type { Understanding } from '../core/understand.js';
import type { Vocabulary } from '../core/vocabulary.js';
import type { FollowUpWords } from '../knowledge/language.js';
import { resolveSite } from '../knowledge/rotation-names.js';
import { DEFAULT_LOCALE, formatMonth, formatSpan } from '../time/format-date.js';
import { type IsoDate, lastDayOfMonth, monthOf } from '../time/local-date.js';
import type { ContextFrame } from './context.js';

/*
 * What the last answer named, for a follow-up that points at it: "what am I on in March?" named
 * one block, so "is that at the VA?" asks about that block, and "is that before or after ICU?"
 * compares it with the asker's ICU. And a bare month that is also a word ("and May?").
 */

type Found = NonNullable<ContextFrame['found']>[number];

/** The block an answer was about: the only one it named, or the first of an answer that lists none. */
function mainBlock(f: ContextFrame): Found | undefined {
  if (!f.found?.length) return undefined;
  return f.found.length === 1 || f.count === undefined ? f.found[0] : undefined;
}

/** The time a block spans, as a question would name it (a whole month as that month). */
export function blockTime(b: Found, locale: string): DateRef {
  const month = monthOf(b.from as IsoDate);
  if (b.from === `${month}-01` && b.to === lastDayOfMonth(month))
    return { kind: 'month', month, label: formatMonth(month, locale) };
  return {
    kind: 'range',
    from: b.from,
    to: b.to,
    label: formatSpan(b.from as IsoDate, b.to as IsoDate, locale),
  };
}

/**
 * The last frame as if its question had named the block its answer was about: its rotation (and
 * the block's own site), or for "there" the block's site; its time, or the block's when it had
 * none. Undefined when the answer named no one block.
 */
export function frameOfAnswer(f: ContextFrame, v: Vocabulary, place: boolean): ContextFrame | undefined {
  const b = mainBlock(f);
  if (!b) return undefined;
  const ownSite = b.site ? resolveSite(v.knowledge, b.site)?.id : undefined;
  const site = ownSite ?? (b.rotation ? v.rotations.get(b.rotation)?.site : undefined);
  const subjects = place
    ? site
      ? [{ kind: 'site', id: site }]
      : []
    : [
        ...(b.rotation ? [{ kind: 'rotation', id: b.rotation }] : []),
        ...(ownSite ? [{ kind: 'site', id: ownSite }] : []),
      ];
  if (!subjects.length) return undefined;
  const locale = v.knowledge.program.locale ?? DEFAULT_LOCALE;
  // The block alone: a comparison that found it is not part of it.
  const { order: _order, compared: _compared, ...asked } = f;
  return { ...asked, subjects, named: [subjects], time: f.time.length ? f.time : [blockTime(b, locale)] };
}

/** The block "that" names and its time, for a comparison ("is that before or after ICU?"). */
export function answeredBlock(f: ContextFrame, v: Vocabulary): { time: DateRef } | undefined {
  const b = mainBlock(f);
  return b ? { time: blockTime(b, v.knowledge.program.locale ?? DEFAULT_LOCALE) } : undefined;
}

/**
 * "and May?", "May?", "what about may": after a schedule question, a message of nothing but an
 * opener and a month reads that month even when its name is also a verb. Undefined otherwise.
 */
export function bareMonth(
  u: Understanding,
  last: ContextFrame,
  words: FollowUpWords,
  dates: Omit<DateContext, 'monthAlone'>,
): Understanding | undefined {
  if (u.dates.length || u.people.length || u.matches.length) return undefined;
  if (!last.intent.startsWith('schedule.') && !last.time.length) return undefined;
  const { refs, rest } = parseDates(foldText(u.text), { ...dates, monthAlone: true });
  if (refs.length !== 1) return undefined;
  const left = rest.split(/[^a-z0-9]+/).filter(Boolean);
  const cue = new Set([...words.openers.flatMap((o) => o.split(' ')), ...words.connectors]);
  if (!left.every((w) => cue.has(w))) return undefined;
  return { ...u, dates: refs, words: left, unknownWords: [], corrections: [] };
}
