/**
 * What Intl answers for a program's time zone and locale, worked out once and kept. A process's
 * first use of Intl costs 20–30 ms (V8 gathers every locale ICU knows), about a tenth of a
 * short command; yet a program asks the same few things of it: its zone's UTC offsets and its
 * locale's way of writing a date. So, where the knowledge base is cached (src/knowledge/cache.ts),
 * they are worked out with Intl when it is validated, checked against Intl date by date, and kept
 * beside it; a later run answers from them without touching Intl. Anything they do not cover (an
 * instant outside the years worked out, another Node's ICU or time-zone data, a locale whose
 * dates they cannot reproduce) goes to Intl as before: the text is the same either way.
 */

/** Where a date's part comes from when it is written. */
export type Field = 'weekday' | 'month' | 'day' | 'year';

/** A written date: literal text and fields, in the locale's order. */
export type Pattern = Array<{ literal: string } | { field: Field; from?: 'end' }>;

/** Date styles answers use (see format-date.ts), with the options Intl is given for each. */
export const STYLES = {
  long: { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' },
  'long-no-weekday': { year: 'numeric', month: 'long', day: 'numeric' },
  month: { year: 'numeric', month: 'long' },
  short: { month: 'short', day: 'numeric' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

export type Style = keyof typeof STYLES;

/** Styles written as ranges ("December 1 – 14, 2026"), by the largest part the two dates differ in. */
export const RANGE_STYLES = ['long-no-weekday', 'short'] as const;
export type RangeStyle = (typeof RANGE_STYLES)[number];
export type RangeShape = 'day' | 'month' | 'year';

export interface DatePatterns {
  locale: string;
  patterns: Record<Style, Pattern>;
  ranges: Record<RangeStyle, Record<RangeShape, Pattern>>;
  /** Month names (12) and weekday names (7, Sunday first) as each style writes them. */
  months: Record<Style, string[]>;
  weekdays: Record<Style, string[]>;
}

export interface ZoneOffsets {
  zone: string;
  /** The instants covered: [from, to), in ms. */
  from: number;
  to: number;
  /** Sorted instants (ms) from which `offsets[i]` (ms east of UTC) applies; `starts[0]` is `from`. */
  starts: number[];
  offsets: number[];
}

/** Everything kept for one program: valid only with the ICU and time-zone data it came from. */
export interface IntlMemo {
  icu: string;
  tz: string;
  dates?: DatePatterns;
  zone?: ZoneOffsets;
}

/** The ICU, CLDR and time-zone data this Node answers from: a memo is valid only with them. */
export const dataVersions = () => ({
  icu: `${process.versions.icu ?? ''}/${process.versions.cldr ?? ''}`,
  tz: process.versions.tz ?? '',
});

// ---------------------------------------------------------------------------------------------
// Using what is kept

const zones = new Map<string, ZoneOffsets>();
const dates = new Map<string, DatePatterns>();

/** Uses a kept memo from now on, when it belongs to this Node's ICU and time-zone data. */
export function rememberIntl(memo: IntlMemo | undefined): void {
  if (!memo) return;
  const here = dataVersions();
  if (memo.icu !== here.icu || memo.tz !== here.tz) return;
  if (memo.zone) zones.set(memo.zone.zone, memo.zone);
  if (memo.dates) dates.set(memo.dates.locale, memo.dates);
}

/** Forgets every memo (tests). */
export function forgetIntl(): void {
  zones.clear();
  dates.clear();
}

/** A zone's offset at an instant from what is kept, or undefined when nothing kept covers it. */
export function keptOffset(zone: string, instant: number): number | undefined {
  const z = zones.get(zone);
  return z ? offsetIn(z, instant) : undefined;
}

/** The offset a table gives an instant (binary search of its changes); undefined outside it. */
function offsetIn(z: ZoneOffsets, instant: number): number | undefined {
  if (instant < z.from || instant >= z.to) return undefined;
  let lo = 0;
  let hi = z.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (z.starts[mid]! <= instant) lo = mid;
    else hi = mid - 1;
  }
  return z.offsets[lo];
}

/** The patterns kept for a locale, if any. */
export function keptDates(locale: string): DatePatterns | undefined {
  return dates.get(locale);
}

/** The month and weekday names a style writes, as `writePattern` takes them. */
export const namesOf = (patterns: DatePatterns, style: Style) => ({
  months: patterns.months[style],
  weekdays: patterns.weekdays[style],
});

interface Ymd {
  year: number;
  month: number;
  day: number;
}

/** 0 = Sunday … 6 = Saturday. */
const weekdayOf = ({ year, month, day }: Ymd) => new Date(Date.UTC(year, month - 1, day)).getUTCDay();

/** Writes a pattern for one date, or for a range (`end` for the parts marked as the end's). */
export function writePattern(
  pattern: Pattern,
  names: { months: string[]; weekdays: string[] },
  start: Ymd,
  end = start,
): string {
  let out = '';
  for (const part of pattern) {
    if ('literal' in part) {
      out += part.literal;
      continue;
    }
    const d = part.from === 'end' ? end : start;
    if (part.field === 'year') out += String(d.year);
    else if (part.field === 'month') out += names.months[d.month - 1];
    else if (part.field === 'day') out += String(d.day);
    else out += names.weekdays[weekdayOf(d)];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Working it out with Intl

/** ICU puts thin and narrow no-break spaces around range dashes; plain spaces read the same everywhere. */
export const plainSpaces = (s: string) => s.replace(/[\u2009\u202f]/g, ' ');

const noon = ({ year, month, day }: Ymd) => new Date(Date.UTC(year, month - 1, day, 12));

/** A date's parts as a pattern (sources: a range's, which date each part is from). */
export function patternOf(
  parts: Intl.DateTimeFormatPart[],
  sources?: Array<string | undefined>,
): Pattern | undefined {
  const pattern: Pattern = [];
  for (const [i, part] of parts.entries()) {
    if (part.type === 'literal') pattern.push({ literal: plainSpaces(part.value) });
    else if (part.type === 'weekday' || part.type === 'month' || part.type === 'day' || part.type === 'year')
      pattern.push(sources?.[i] === 'endRange' ? { field: part.type, from: 'end' } : { field: part.type });
    // An era, a day period or a related year: not a pattern this can write.
    else return undefined;
  }
  return pattern;
}

/** The month names (12) and weekday names (7, Sunday first) a format writes. */
export function namesIn(format: Intl.DateTimeFormat): { months: string[]; weekdays: string[] } {
  const nameOf = (date: Date, type: 'month' | 'weekday') =>
    format.formatToParts(date).find((p) => p.type === type)?.value ?? '';
  return {
    months: Array.from({ length: 12 }, (_, i) => nameOf(noon({ year: 2027, month: i + 1, day: 1 }), 'month')),
    // 3 January 2027 is a Sunday.
    weekdays: Array.from({ length: 7 }, (_, i) =>
      nameOf(noon({ year: 2027, month: 1, day: 3 + i }), 'weekday'),
    ),
  };
}

/** Every day of an academic year, and ranges across it and its new year: what the patterns must write as Intl does. */
function sampleDays(): Ymd[] {
  const out: Ymd[] = [];
  for (let t = Date.UTC(2026, 6, 1); t < Date.UTC(2027, 6, 1); t += 86_400_000) {
    const d = new Date(t);
    out.push({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
  }
  return out;
}

/** The largest part two dates differ in (a range's pattern follows it); undefined for one date. */
export const shapeOf = (a: Ymd, b: Ymd): RangeShape | undefined =>
  a.year !== b.year ? 'year' : a.month !== b.month ? 'month' : a.day !== b.day ? 'day' : undefined;

/** A locale's date patterns, or undefined when they would not write every sample as Intl does. */
export function datePatternsOf(locale: string): DatePatterns | undefined {
  try {
    const sample: Ymd = { year: 2027, month: 1, day: 1 };
    const formats = {} as Record<Style, Intl.DateTimeFormat>;
    const result = { locale, patterns: {}, ranges: {}, months: {}, weekdays: {} } as DatePatterns;
    for (const style of Object.keys(STYLES) as Style[]) {
      const format = new Intl.DateTimeFormat(locale, { ...STYLES[style], timeZone: 'UTC' });
      formats[style] = format;
      const pattern = patternOf(format.formatToParts(noon(sample)));
      if (!pattern) return undefined;
      result.patterns[style] = pattern;
      ({ months: result.months[style], weekdays: result.weekdays[style] } = namesIn(format));
    }
    const examples: Record<RangeShape, [Ymd, Ymd]> = {
      day: [sample, { year: 2027, month: 1, day: 14 }],
      month: [
        { year: 2027, month: 1, day: 15 },
        { year: 2027, month: 3, day: 10 },
      ],
      year: [
        { year: 2026, month: 12, day: 15 },
        { year: 2027, month: 1, day: 10 },
      ],
    };
    for (const style of RANGE_STYLES) {
      const byShape = {} as Record<RangeShape, Pattern>;
      for (const shape of Object.keys(examples) as RangeShape[]) {
        const [a, b] = examples[shape];
        const parts = formats[style].formatRangeToParts(noon(a), noon(b));
        const pattern = patternOf(
          parts,
          parts.map((p) => p.source),
        );
        if (!pattern) return undefined;
        byShape[shape] = pattern;
      }
      result.ranges[style] = byShape;
    }
    // The check: every sample day in every style, and ranges of each shape, as Intl writes them.
    const days = sampleDays();
    const names = (style: Style) => namesOf(result, style);
    for (const style of Object.keys(STYLES) as Style[])
      for (const d of days)
        if (
          writePattern(result.patterns[style], names(style), d) !==
          plainSpaces(formats[style].format(noon(d)))
        )
          return undefined;
    for (const style of RANGE_STYLES)
      for (let i = 0; i < days.length; i += 7) {
        const a = days[i]!;
        for (const step of [1, 13, 40, 200]) {
          const b = days[(i + step) % days.length]!;
          const [from, to] = noon(a) < noon(b) ? [a, b] : [b, a];
          const shape = shapeOf(from, to)!;
          const kept = writePattern(result.ranges[style][shape], names(style), from, to);
          if (kept !== plainSpaces(formats[style].formatRange(noon(from), noon(to)))) return undefined;
        }
      }
    return result;
  } catch {
    return undefined;
  }
}

/** The zone's offset from UTC at an instant, in ms (New York in winter: −5 h), asked of Intl. */
export function intlOffset(instant: number, format: Intl.DateTimeFormat): number {
  const p: Record<string, string> = {};
  for (const x of format.formatToParts(new Date(instant))) p[x.type] = x.value;
  const wall = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!);
  return wall - Math.floor(instant / 1000) * 1000;
}

export function offsetFormat(zone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
}

const HOUR = 3_600_000;
const STEP = 24 * HOUR;

/**
 * A zone's offsets over [from, to), from Intl: sampled daily (no zone changes its clocks and
 * back within a day), each change found to the second, then checked a day apart at other times
 * of day and around every change. Undefined when the zone is unknown.
 */
export function zoneOffsetsOf(zone: string, from: number, to: number): ZoneOffsets | undefined {
  try {
    const format = offsetFormat(zone);
    const at = (t: number) => intlOffset(t, format);
    const starts = [from];
    const offsets = [at(from)];
    let before = from;
    for (let t = from + STEP; t < to + STEP; t += STEP) {
      const now = Math.min(t, to - 1000);
      const offset = at(now);
      if (offset !== offsets.at(-1)) {
        // The first second with the new offset lies in (before, now].
        let lo = before;
        let hi = now;
        while (hi - lo > 1000) {
          const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
          if (at(mid) === offset) hi = mid;
          else lo = mid;
        }
        starts.push(hi);
        offsets.push(offset);
      }
      before = now;
    }
    const zoneOffsets: ZoneOffsets = { zone, from, to, starts, offsets };
    // Checked through the same look-up the answers use.
    const kept = (t: number) => offsetIn(zoneOffsets, t);
    for (let t = from + 7 * HOUR; t < to; t += STEP + 1_234_567) if (kept(t) !== at(t)) return undefined;
    for (const s of starts.slice(1))
      for (const t of [s - 1000, s, s + 1000]) if (kept(t) !== at(t)) return undefined;
    return zoneOffsets;
  } catch {
    return undefined;
  }
}

/** The memo for a program: its zone from last year to five years ahead, its locale's dates. */
export function intlMemoOf(locale: string, zone: string, now = Date.now()): IntlMemo {
  const year = new Date(now).getUTCFullYear();
  const from = Date.UTC(year - 1, 0, 1);
  const to = Date.UTC(year + 5, 0, 1);
  return { ...dataVersions(), dates: datePatternsOf(locale), zone: zoneOffsetsOf(zone, from, to) };
}
