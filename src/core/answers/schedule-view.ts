import { describeRotation, resolveSite } from '../../knowledge/rotation-names.js';
import type { Block, Resident } from '../../schedule/types.js';
import { formatMonth, formatSpan } from '../../time/format-date.js';
import { type IsoDate, type IsoMonth, monthOf } from '../../time/local-date.js';
import type { Answer, AnswerBlock } from '../types.js';
import type { Understanding } from '../understand.js';
import { type AnswerContext, answer, isDecided } from './context.js';

/** What a schedule question is about: rotations, rotation groups ("IR" = both sites) and sites ("VA"). */
export interface Targets {
  rotations: string[];
  groups: string[];
  sites: string[];
  /** Sites named only as part of a rotation's own name ("VA" is the site and the IR-VA rotation). */
  impliedSites: string[];
  /** What the question rules out ("non-IR", "except the VA"): a block matching it never matches. */
  except?: Targets;
}

export function targetsOf(u: Understanding): Targets {
  const impliedSites = u.matches
    .filter(
      (m) =>
        m.refs.some((r) => r.kind === 'rotation' && u.refs.rotation.includes(r.id)) &&
        m.refs.some((r) => r.kind === 'site'),
    )
    .flatMap((m) => m.refs.filter((r) => r.kind === 'site').map((r) => r.id));
  const x = u.excluded;
  const except = { rotations: x.rotation, groups: x.group, sites: x.site, impliedSites: [] };
  return {
    rotations: u.refs.rotation,
    groups: u.refs.group,
    sites: u.refs.site,
    impliedSites,
    ...(hasTargets(except) ? { except } : {}),
  };
}

export function hasTargets(t: Targets): boolean {
  return t.rotations.length + t.groups.length + t.sites.length > 0;
}

/**
 * A block matches when its rotation (or the rotation's group) is asked about AND, when a site is named
 * too, it is at that site: "IR at Duke" is IR at Duke only; "the VA" alone is anything at the VA.
 */
export function blockMatches(ctx: AnswerContext, block: Block, t: Targets): boolean {
  if (t.except && blockMatches(ctx, block, t.except)) return false;
  if (!hasTargets(t)) return true;
  const rotation = block.rotationId ? ctx.vocabulary.rotations.get(block.rotationId) : undefined;
  const site = siteOfBlock(ctx, block);
  const what = t.rotations.length + t.groups.length > 0;
  const rotationOk =
    !what ||
    (block.rotationId !== null && t.rotations.includes(block.rotationId)) ||
    (rotation !== undefined && t.groups.includes(rotation.group));
  // A site implied by a named rotation ("VA" is the site and the IR-VA rotation) is no extra condition.
  const siteOk = site !== undefined && t.sites.includes(site);
  if (!t.sites.length) return rotationOk;
  if (!what) return siteOk;
  return namedApart(t) ? rotationOk && siteOk : rotationOk || siteOk;
}

/** The site id of a block: its own site column (long format), else its rotation's site. */
export function siteOfBlock(ctx: AnswerContext, block: Block): string | undefined {
  if (block.site) return resolveSite(ctx.knowledge, block.site)?.id;
  return block.rotationId ? ctx.vocabulary.rotations.get(block.rotationId)?.site : undefined;
}

function namedApart(t: Targets): boolean {
  return t.sites.some((s) => !t.impliedSites.includes(s));
}

/** "ICU", "Interventional Radiology at the Durham VA or Duke" — how the question's targets read back. */
export function targetName(ctx: AnswerContext, t: Targets): string {
  const rotations = [
    ...t.groups.map((g) => ctx.vocabulary.groups.get(g)?.name ?? g),
    ...t.rotations
      .filter((r) => !t.groups.includes(ctx.vocabulary.rotations.get(r)?.group ?? ''))
      .map((r) => describeRotation(ctx.knowledge, { rotationId: r, label: r }).text),
  ];
  const sites = t.sites
    .filter((s) => !t.rotations.some((r) => ctx.vocabulary.rotations.get(r)?.site === s) || namedApart(t))
    .map((s) => ctx.vocabulary.sites.get(s)?.name ?? s);
  const what = [...new Set(rotations)].join(' or ');
  const named =
    what && sites.length && namedApart(t)
      ? `${what} at ${[...new Set(sites)].join(' or ')}`
      : [...new Set([...rotations, ...sites])].join(' or ');
  // What was ruled out is said back, so the filter is visible: "Interventional Radiology other than Durham VA".
  if (!t.except) return named;
  return `${named || 'rotations'} other than ${targetName(ctx, t.except)}`;
}

export function blockName(ctx: AnswerContext, block: Block): string {
  return describeRotation(ctx.knowledge, block).text;
}

/** "December 2026", "December 1 – 14, 2026", "December 15, 2026 – January 10, 2027" (en-US) */
export function span(ctx: AnswerContext, block: Block): string {
  return formatSpan(block.start, block.end, ctx.knowledge.program.locale);
}

/** How a sentence names the person asked about: "you are" / "Avery Lee (R4) is". */
export interface Subject {
  you: boolean;
  resident: Resident;
  name: string;
  is: string;
  was: string;
  has: string;
  possessive: string;
}

export function subjectFor(resident: Resident, you: boolean): Subject {
  const name = `${resident.name} (${resident.level})`;
  return you
    ? { you, resident, name: 'you', is: 'you are', was: 'you were', has: 'you have', possessive: 'your' }
    : {
        you,
        resident,
        name,
        is: `${name} is`,
        was: `${name} was`,
        has: `${resident.name} has`,
        possessive: `${resident.name}'s`,
      };
}

export function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Months a block touches. */
export function monthsTouched(block: Block): IsoMonth[] {
  const out: IsoMonth[] = [];
  let m = monthOf(block.start);
  const last = monthOf(block.end);
  while (m <= last) {
    out.push(m);
    const y = Number(m.slice(0, 4));
    const mo = Number(m.slice(5, 7));
    m = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
  }
  return out;
}

/** The schedule's last day, for "the schedule runs through …" */
export function coverageNote(ctx: AnswerContext): string {
  const c = ctx.schedule?.coverage;
  return c
    ? ` The schedule runs from ${formatMonth(monthOf(c.first), ctx.knowledge.program.locale)} through ${formatMonth(monthOf(c.last), ctx.knowledge.program.locale)}.`
    : '';
}

/** A date the schedule does not cover: "not scheduled yet", or before the schedule starts. */
export function notScheduledYet(ctx: AnswerContext, label: string, when?: IsoDate): string {
  const first = ctx.schedule?.coverage?.first;
  if (when && first && when < first)
    return `${label} is before the schedule starts (${formatMonth(monthOf(first), ctx.knowledge.program.locale)}).`;
  return `${label} is not scheduled yet.${coverageNote(ctx)}`;
}

/** Blocks of a resident overlapping [from, to]. */
export function blocksBetween(resident: Resident, from: IsoDate, to: IsoDate): Block[] {
  return resident.blocks.filter((b) => b.end >= from && b.start <= to);
}

/** Two blocks are the same rotation (and site) — a change is when this is false. */
export function sameRotation(a: Block, b: Block): boolean {
  return (a.rotationId ?? a.label) === (b.rotationId ?? b.label) && a.site === b.site;
}

const facts = (s: Subject, blocks: Block[]) => [
  `resident:${s.resident.level}`,
  ...blocks.map((b) => b.source),
];

export function reply(s: Subject, text: string, blocks: Block[], extra: Partial<Answer> = {}): Answer {
  // A text under a verdict continues "Yes — …" and keeps its own first letter.
  const body = isDecided(extra.verdict) ? text : cap(text);
  const about = blocks.slice(0, 12).map(aboutBlock);
  return answer(s.you ? 'schedule.mine' : 'schedule.person', body, facts(s, blocks), {
    ...(about.length ? { about } : {}),
    ...extra,
  });
}

function aboutBlock(b: Block): AnswerBlock {
  return {
    ...(b.rotationId ? { rotation: b.rotationId } : {}),
    ...(b.site ? { site: b.site } : {}),
    from: b.start,
    to: b.end,
  };
}
