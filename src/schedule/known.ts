import type { Knowledge } from '../knowledge/schema.js';

const key = (text: string) => text.toLowerCase().replace(/[\s\-_.]+/g, '');

/**
 * The levels and sites a schedule may name, from the knowledge base: a training year's level
 * or any of its aliases ("R4", "PGY-5"), a site's id, name or alias. Spaces, dashes and case
 * do not matter ("pgy 5" is "PGY-5").
 */
export function knownScheduleValues(kb: Knowledge): {
  knownLevel: (level: string) => boolean;
  knownSite: (site: string) => boolean;
} {
  const levels = new Set(kb.training.years.flatMap((y) => [y.id, y.level, ...y.aliases]).map(key));
  const sites = new Set(kb.program.sites.flatMap((s) => [s.id, s.name, ...s.aliases]).map(key));
  return {
    // A knowledge base that lists no years yet cannot say a level is wrong.
    knownLevel: (level) => levels.size === 0 || levels.has(key(level)),
    knownSite: (site) => sites.has(key(site)),
  };
}
