import type { Part, Parts } from './intent.js';
import type { Intent } from './understand.js';

/**
 * The intent table: which kind of question a frame is, by the parts it has. A row is
 * [intent, parts it needs, parts that rule it out]; rows are tried from the top and the first
 * whose needs are all present and whose exclusions are all absent wins, so a more specific row
 * sits above a more general one. The parts are computed in intent.ts from the frame's entities,
 * dates and cue words (language.yaml).
 */
type Row = readonly [Intent, readonly Part[], (readonly Part[])?];

export const INTENT_TABLE: readonly Row[] = [
  ['help', ['empty']],
  ['thanks', ['farewell']],
  ['thanks', ['nothingAsked', 'thanked']],
  ['greeting', ['nothingAsked']],
  ['help', ['asksHelp']],
  ['calendar.link', ['calendar']],
  ['program.contact', ['contactAsked']],
  ['rotation.info', ['rotationExists'], ['asksWho', 'procedure']],
  ['schedule.person', ['person'], ['personal']],
  ['program.site', ['directions'], ['dated', 'person']],
  ['schedule.mine', ['ordered'], ['person']],
  ['schedule.mine', ['levelOfResident', 'personal']],
  ['procedure.who', ['procedure', 'asksWhoOrWhere']],
  ['procedure.does', ['procedure']],
  ['procedure.unknown', ['unlistedAsked']],
  ['schedule.who', ['asksWho', 'personal', 'others', 'scheduleTarget']],
  [
    'rotation.info',
    ['describe', 'rotationTalk'],
    ['personal', 'dated', 'asksWho', 'person', 'year', 'afterRotation'],
  ],
  ['rotation.info', ['yesNo', 'rotationAtSite'], ['asksWho', 'year', 'others']],
  ['schedule.who', ['everyone']],
  ['program.volume', ['volumeNumber']],
  ['rotation.list', ['rotationsListed'], ['personal', 'dated', 'scheduleTarget']],
  ['schedule.mine', ['personal', 'my', 'year'], ['dated']],
  ['schedule.mine', ['personal', 'levelAsked'], ['person']],
  ['training', ['whichYear', 'rotationNamed'], ['dated', 'personal']],
  ['schedule.person', ['strangersSchedule']],
  ['schedule.mine', ['aboutAsker', 'scheduleAsked'], ['trainingQuestion']],
  ['schedule.person', ['person']],
  ['schedule.who', ['asksWho', 'scheduleTarget'], ['coverageFact']],
  ['schedule.mine', ['left', 'scheduleTarget'], ['year']],
  ['schedule.who', ['dated', 'scheduleTarget'], ['personal']],
  // "What are the R4s on next month?": a level at a time is who of that level is on what then;
  // "what are the R1s on?" asks it of now, and "how many R4s are there?" counts them.
  ['schedule.who', ['dated', 'year'], ['personal', 'person']],
  ['schedule.who', ['levelOn'], ['personal', 'person']],
  ['schedule.who', ['levelCounted'], ['personal', 'person']],
  ['procedure.unknown', ['faqWeak', 'unplaced', 'perform']],
  ['faq', ['faqStrong']],
  ['program.patients', ['patientsTopic'], ['whereSite']],
  ['category.list', ['howMany', 'listCount', 'category']],
  ['program.overview', ['howMany', 'listCount']],
  ['program.volume', ['volumeAsked']],
  ['category.list', ['category']],
  ['program.site', ['siteNamed', 'siteAsked']],
  ['program.site', ['programSites']],
  ['training', ['rotationOrGroup', 'howMany']],
  ['schedule.who', ['asksWho', 'year'], ['scheduleTarget', 'personal', 'person', 'howMany']],
  ['schedule.who', ['residentsCounted'], ['personal', 'person']],
  ['training', ['trainingShape']],
  ['schedule.who', ['dated', 'scheduleTarget']],
  ['procedure.who', ['division']],
  ['training', ['trainingOfResidents']],
  ['training', ['groupResidents'], ['personal']],
  ['procedure.unknown', ['yesNo', 'program', 'perform', 'rotationNamed'], ['scheduleCue']],
  ['training', ['yesNo', 'rotationNamed'], ['scheduleCue']],
  ['rotation.info', ['rotationOrGroup'], ['program']],
  ['faq', ['faqNamed']],
  ['training', ['trainingTalk'], ['program']],
  ['procedure.unknown', ['unplaced', 'perform', 'aboutIrOrWho']],
  ['program.patients', ['program', 'separate']],
  ['program.overview', ['overviewAsked']],
  ['help', ['shortHelp']],
  ['schedule.person', ['unknownName']],
];

/** The first row of the table the parts satisfy; 'fallback' when none does. */
export function intentOf(parts: Parts): Intent {
  // Plain loops: this runs for every question, row by row, and a row's test should make no garbage.
  rows: for (const row of INTENT_TABLE) {
    for (const p of row[1]) if (!parts[p]) continue rows;
    const unless = row[2];
    if (unless) for (const p of unless) if (parts[p]) continue rows;
    return row[0];
  }
  return 'fallback';
}
