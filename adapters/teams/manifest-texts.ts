import { rolesOf } from '../../src/knowledge/roles.js';
import type { Knowledge } from '../../src/knowledge/schema.js';

/**
 * The words of the Teams app (its publisher, names, descriptions and the example command) written
 * from the knowledge base: one program's names, or for a department serving several programs
 * (PROGRAMS_DIR with more than one folder) neutral names that favour none of them.
 */
export interface ManifestTexts {
  developerName: string;
  shortName: string;
  fullName: string;
  shortDescription: string;
  fullDescription: string;
  /** An example "who is on …" command for the command menu. */
  whoCommand: string;
}

/** The manifest's limits (schema v1.17: developer.name, name, description, a command's title). */
export const MANIFEST_LIMITS = {
  developerName: 32,
  shortName: 30,
  fullName: 100,
  shortDescription: 80,
  fullDescription: 4000,
  whoCommand: 32,
} as const satisfies Record<keyof ManifestTexts, number>;

const BOT = 'Rotabot';
const ELLIPSIS = '…';

/** The text cut to `max` characters at a word boundary, with an ellipsis when cut. */
export function fitText(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if ([...clean].length <= max) return clean;
  const room = [...clean].slice(0, max - 1).join('');
  const space = room.lastIndexOf(' ');
  const cut = space > max / 2 ? room.slice(0, space) : room;
  return `${cut.replace(/[\s,;:.\-–—]+$/, '')}${ELLIPSIS}`;
}

/** The first candidate that fits in `max`, else the first one cut to fit. */
function firstFitting(max: number, ...candidates: Array<string | undefined>): string {
  const given = candidates
    .filter((c): c is string => Boolean(c?.trim()))
    .map((c) => c.replace(/\s+/g, ' ').trim());
  return given.find((c) => [...c].length <= max) ?? fitText(given[0]!, max);
}

/** As many whole sentences of `text` as fit in `max` characters (at least a cut first one). */
function sentencesFitting(text: string, max: number): string {
  const sentences =
    text
      .replace(/\s+/g, ' ')
      .trim()
      .match(/[^.!?]+[.!?]+(\s|$)|[^.!?]+$/g) ?? [];
  let kept = '';
  for (const s of sentences) {
    const next = `${kept}${s}`.trim();
    if ([...next].length > max) break;
    kept = `${next} `;
  }
  return kept.trim() || fitText(text, max);
}

function list(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const WHERE =
  'Ask it in a personal chat, or @mention it in a channel or group chat. It also posts the monthly ' +
  'rotation announcement and reminds each resident before a rotation starts.';

/** The program's name with its specialty's name shortened ("Cedar Valley Diagnostic Radiology" → "Cedar Valley DR"). */
function abbreviated(knowledge: Knowledge): string | undefined {
  const group = rolesOf(knowledge).specialty;
  if (!group?.short_name) return undefined;
  const name = knowledge.program.name;
  const at = name.toLowerCase().indexOf(group.name.toLowerCase());
  return at < 0 ? undefined : `${name.slice(0, at)}${group.short_name}${name.slice(at + group.name.length)}`;
}

/** The texts for one program. */
function oneProgram(knowledge: Knowledge): ManifestTexts {
  const p = knowledge.program;
  const roles = rolesOf(knowledge);
  const short = roles.short;
  const hasProcedures = knowledge.procedures.length > 0;
  const topics = hasProcedures
    ? 'rotations, schedules and procedures'
    : 'rotations, schedules and training years';
  const what = [
    'who is on which rotation',
    'your own schedule',
    'what each rotation and training year involves',
    ...(hasProcedures ? [`which procedures ${short} does`] : []),
    'and whom to ask',
  ].join(', ');
  const intro = `${BOT} answers residents' questions about ${p.name} at ${p.institution}: ${what}.`;
  const fixed = `${intro}  ${WHERE}`;
  const room = MANIFEST_LIMITS.fullDescription - [...fixed].length - 1;
  const specialty = roles.specialty ? (roles.specialty.short_name ?? roles.specialty.name) : short;
  return {
    developerName: firstFitting(MANIFEST_LIMITS.developerName, p.name, abbreviated(knowledge), p.institution),
    shortName: firstFitting(MANIFEST_LIMITS.shortName, `${BOT} ${short}`, BOT),
    fullName: firstFitting(
      MANIFEST_LIMITS.fullName,
      `${BOT}: ${p.name} rotations assistant`,
      `${BOT}: ${short} rotations assistant`,
    ),
    shortDescription: firstFitting(
      MANIFEST_LIMITS.shortDescription,
      `Answers questions about ${p.name} ${topics}.`,
      `Answers questions about ${short} ${topics}.`,
      `Answers questions about ${topics}.`,
    ),
    fullDescription:
      room > 0
        ? `${intro} ${sentencesFitting(p.summary, room)} ${WHERE}`
        : fitText(fixed, MANIFEST_LIMITS.fullDescription),
    whoCommand: firstFitting(
      MANIFEST_LIMITS.whoCommand,
      `who is on ${specialty} this month`,
      'who is on what this month',
    ),
  };
}

/** The texts for a department: its programs named, none of them the app's name. */
function department(knowledges: readonly Knowledge[]): ManifestTexts {
  const programs = knowledges.map((k) => k.program);
  const institutions = [...new Set(programs.map((p) => p.institution))];
  const institution = institutions.length === 1 ? institutions[0] : undefined;
  const shorts = knowledges.map((k) => rolesOf(k).short);
  const intro =
    `${BOT} answers residents' questions about the residency programs it serves: who is on which ` +
    'rotation, your own schedule, what each rotation and training year involves, and whom to ask. Each resident is answered for their own program.';
  const named = `It serves ${list(programs.map((p) => `${p.name} (${p.institution})`))}.`;
  const room = MANIFEST_LIMITS.fullDescription - [...`${intro}  ${WHERE}`].length - 1;
  return {
    developerName: firstFitting(
      MANIFEST_LIMITS.developerName,
      institution,
      institution ? `${institution} residencies` : undefined,
      'Residency programs',
    ),
    shortName: BOT,
    fullName: firstFitting(
      MANIFEST_LIMITS.fullName,
      institution ? `${BOT}: ${institution} residency rotations assistant` : undefined,
      `${BOT}: residency rotations assistant`,
    ),
    shortDescription: firstFitting(
      MANIFEST_LIMITS.shortDescription,
      `Answers questions about ${list(shorts)} rotations and schedules.`,
      'Answers questions about residency rotations, schedules and training years.',
    ),
    fullDescription: `${intro} ${room > 0 ? `${fitText(named, room)} ` : ''}${WHERE}`,
    whoCommand: 'who is on what this month',
  };
}

/**
 * The texts for the programs a deployment serves: one program's own, or a department's when it
 * serves several. Every text fits the manifest's limits.
 */
export function manifestTexts(knowledges: readonly Knowledge[]): ManifestTexts {
  if (!knowledges.length) throw new Error('manifestTexts needs at least one program');
  return knowledges.length === 1 ? oneProgram(knowledges[0]!) : department(knowledges);
}
