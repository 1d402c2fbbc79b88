import { groupShortName, inSentence, rolesOf } from '../../knowledge/roles.js';
import type { Knowledge } from '../../knowledge/schema.js';
import type { Suggestion } from '../types.js';

/**
 * The suggested questions, worded from the program's own knowledge base: its short name, a
 * rotation group, a site, a procedure, a referral, a training year. A suggestion whose subject
 * the program does not have (no procedures, one site) is left out rather than asked about
 * something that is not there.
 */
export type ExampleName =
  | 'next-group'
  | 'who-at-site-march'
  | 'who-at-site-now'
  | 'does-procedure'
  | 'does-referral'
  | 'who-does-referral'
  | 'overview'
  | 'category'
  | 'year'
  | 'last-year'
  | 'volume'
  | 'children'
  | 'covers-site'
  | 'specialty-months'
  | 'research';

const suggestion = (label: string): Suggestion => ({ label, question: label });

export function example(knowledge: Knowledge, name: ExampleName): Suggestion | undefined {
  const { short, example: e, specialty } = rolesOf(knowledge);
  const hasProcedures = knowledge.procedures.length > 0;
  const text = ((): string | undefined => {
    switch (name) {
      case 'next-group':
        return e.group && `When is my next ${e.group} month?`;
      case 'who-at-site-march':
        return e.site && `Who is at ${e.site} in March?`;
      case 'who-at-site-now':
        return e.site && `Who is at ${e.site} this month?`;
      case 'does-procedure':
        return e.procedure && `Does ${short} do ${e.procedure}?`;
      case 'does-referral':
        return e.referral && `Does ${short} do ${e.referral}?`;
      case 'who-does-referral':
        return e.otherReferral && `Who does ${e.otherReferral}?`;
      case 'overview':
        return hasProcedures ? `What does ${short} do?` : undefined;
      case 'category':
        return e.category && `Which ${e.category} does ${short} do?`;
      case 'year':
        return `What is the ${e.year} year like?`;
      case 'last-year':
        return `What is the ${e.lastYear} year like?`;
      case 'volume':
        return `How many procedures does ${short} do?`;
      case 'children':
        return `Does ${short} treat children?`;
      case 'covers-site':
        return e.site && `Does ${short} cover ${e.site}?`;
      case 'specialty-months':
        return specialty && `How many ${groupShortName(specialty)} months are there in total?`;
      case 'research':
        return e.yearGroup && `Which year has ${inSentence(e.yearGroup)}?`;
    }
  })();
  return text ? suggestion(text) : undefined;
}

/** The suggestions named, those the program has, in order. */
export function examples(knowledge: Knowledge, ...names: ExampleName[]): Suggestion[] {
  return names.map((n) => example(knowledge, n)).filter((s): s is Suggestion => s !== undefined);
}
