import { type DateContext, type DateRef, parseDates } from '../core/dates.js';
import { foldText } from '../core/text/normalize.js';
import type { Understanding } from '../core/understand.js';
import type { Vocabulary } from '../core/vocabulary.js';
import type { FollowUpWords } from '../knowledge/language.js';
import { siteShortName } from '../knowledge/roles.js';
import { resolveSite } from '../knowledge/rotation-names.js';
import { DEFAULT_LOCALE, formatMonth, formatSpan } from '../time/format-date.js';
import { addDays, type IsoDate, lastDayOfMonth, monthOf } from '../time/local-date.js';
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
  return b ? frameOfBlock(f, b, v, place, f.time.length > 0) : undefined;
}

/** One block the answer named, as the last question's subject (and, unless `keepTime`, its time). */
function frameOfBlock(
  f: ContextFrame,
  b: Found,
  v: Vocabulary,
  place: boolean,
  keepTime: boolean,
): ContextFrame | undefined {
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
  const { order: _order, compared: _compared, found: _found, count: _count, ...asked } = f;
  return { ...asked, subjects, named: [subjects], time: keepTime ? f.time : [blockTime(b, locale)] };
}

/** "Interventional Radiology at the VA (September 2026)": a block short enough for a button. */
function blockLabel(b: Found, v: Vocabulary, locale: string): string {
  const rotation = b.rotation ? v.knowledge.rotations.find((r) => r.id === b.rotation) : undefined;
  const site = resolveSite(v.knowledge, b.site ?? rotation?.site);
  const name = rotation?.name ?? b.rotation ?? '';
  const at = site && !name.includes(site.name) ? ` at ${siteShortName(site)}` : '';
  const from = monthOf(b.from as IsoDate);
  const to = monthOf(b.to as IsoDate);
  const months = b.from === `${from}-01` && b.to === lastDayOfMonth(to) && from !== to;
  const when = months
    ? `${formatMonth(from, locale)} – ${formatMonth(to, locale)}`
    : blockTime(b, locale).label;
  return `${name}${at} (${when})`;
}

/**
 * "That" after an answer that listed several blocks ("my rotations this year"): each of them, as
 * `frameOfAnswer` would read it, back-to-back months of one rotation as one. Empty when the
 * answer named one block or none.
 */
export function listedBlocks(
  f: ContextFrame,
  v: Vocabulary,
  place: boolean,
): Array<{ label: string; frame: ContextFrame }> {
  if (!f.found || f.found.length < 2 || mainBlock(f)) return [];
  const runs: Found[] = [];
  for (const b of f.found) {
    const last = runs[runs.length - 1];
    const same = last && last.rotation === b.rotation && last.site === b.site;
    if (same && addDays(last.to as IsoDate, 1) === b.from) last.to = b.to;
    else runs.push({ ...b });
  }
  const locale = v.knowledge.program.locale ?? DEFAULT_LOCALE;
  return runs.flatMap((b) => {
    const frame = frameOfBlock(f, b, v, place, false);
    if (!frame) return [];
    return [{ label: blockLabel(b, v, locale), frame }];
  });
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
