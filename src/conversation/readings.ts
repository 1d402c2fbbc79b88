import { type DateRef, firstDayOf, lastDayOf } from '../core/dates.js';
import { foldText } from '../core/text/normalize.js';
import type { Understanding } from '../core/understand.js';
import type { Vocabulary } from '../core/vocabulary.js';
import type { Resident, Schedule } from '../schedule/types.js';
import { addMonths, type IsoDate, monthOf } from '../time/local-date.js';
import type { ContextFrame } from './context.js';

/* The reply to the bot's "which one do you mean?": which of the readings it offered the reply names. */

/** The residents a frame named, found again on today's schedule by name. */
export function residentsOf(names: string[], schedule: Schedule | undefined): Resident[] {
  if (!schedule) return [];
  return names.flatMap((n) => schedule.findByName(n).filter((r) => r.name === n));
}

/**
 * Picks the reading a reply to the bot's clarifying question means: the one that agrees best
 * with what the reply names (a person, a training year, a rotation, a date, yes/no).
 */
export function pickReading(
  u: Understanding,
  readings: ContextFrame[],
  env: { vocabulary: Vocabulary; schedule?: Schedule },
): ContextFrame | undefined {
  const said = new Set(u.people.flat().map((r) => r.name));
  const levels = new Set(u.refs.year.map((id) => env.vocabulary.years.get(id)?.level.toLowerCase() ?? id));
  const subjects = new Set(Object.entries(u.refs).flatMap(([k, ids]) => ids.map((id) => `${k}:${id}`)));
  // "the first one", "the second": the readings in the order they were offered.
  const ordinal = foldText(u.text)
    .split(/[^a-z0-9]+/)
    .map((t) => env.vocabulary.knowledge.language.follow_ups.ordinals[t])
    .find((n) => n !== undefined);
  if (ordinal !== undefined) return ordinal < 0 ? readings[readings.length + ordinal] : readings[ordinal - 1];
  const score = (f: ContextFrame) => {
    let n = 0;
    for (const names of f.people)
      for (const r of residentsOf(names, env.schedule)) {
        if (said.has(r.name)) n += 3;
        if (levels.has(r.level.toLowerCase())) n += 3;
      }
    for (const s of f.subjects) if (subjects.has(`${s.kind}:${s.id}`) && s.kind !== 'program') n += 2;
    // "September", "the one in May": the reading at the time the reply names.
    // A month named without its year ("September") is the reading in that month of any year.
    const times = f.time as DateRef[];
    if (times.some((t) => u.dates.some((d) => overlaps(t, d)))) n += 3;
    else if (times.some((t) => u.dates.some((d) => d.kind === 'month' && sameMonthOfYear(t, d.month))))
      n += 2;
    if (u.yesNo && f.yesNo) n += 1;
    return n;
  };
  const scored = readings.map((f) => ({ f, n: score(f) })).sort((a, b) => b.n - a.n);
  const [best, second] = scored;
  if (!best || best.n === 0 || (second && second.n === best.n)) return undefined;
  return best.f;
}

/** A time that touches the month `month` names in some year ("September" → September 2026). */
function sameMonthOfYear(t: DateRef, month: string): boolean {
  const far = '9999-12-31' as IsoDate;
  let m = monthOf(firstDayOf(t, far));
  const last = monthOf(lastDayOf(t));
  for (let i = 0; m <= last && i < 24; i++, m = addMonths(m, 1))
    if (m.slice(5) === month.slice(5)) return true;
  return false;
}

/** Two times share a day. */
function overlaps(a: DateRef, b: DateRef): boolean {
  const far = '9999-12-31' as IsoDate;
  return firstDayOf(a, far) <= lastDayOf(b) && firstDayOf(b, far) <= lastDayOf(a);
}
