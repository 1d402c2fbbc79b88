import { intentOf } from './intent-table.js';
import { isOrdinaryEnglish } from './text/english.js';
import { foldText } from './text/normalize.js';
import type { EntityKind } from './text/phrase-index.js';
import { type Said, said } from './text/phrases.js';
import type { Intent, Understanding } from './understand.js';
import type { Vocabulary } from './vocabulary.js';

export type Facts = Omit<Understanding, 'intent' | 'ask'>;

/** The parts of a question the intent table reads: each true or false, computed once per question. */
export type Part = keyof ReturnType<typeof partsOf>;
export type Parts = Readonly<Record<Part, boolean>>;

/** Picks the intent: the parts of the question, looked up in the intent table (intent-table.ts). */
export function decideIntent(u: Facts, raw: string[], said: Said, vocabulary: Vocabulary): Intent {
  return intentOf(partsOf(u, raw, said, vocabulary));
}

/** The intent of facts completed from elsewhere (a follow-up), read against the message's own words. */
export function decideIntentForText(u: Facts, text: string, vocabulary: Vocabulary): Intent {
  const raw = foldText(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return decideIntent(u, raw, said(vocabulary.words.PHRASES, raw), vocabulary);
}

/**
 * What the question has, as named parts: entities found, dates, the asker, and cue words from the
 * language file. Grammar only: which words are cues is data.
 */
export function partsOf(u: Facts, raw: string[], heard: Said, vocabulary: Vocabulary) {
  const { refs } = u;
  const L = vocabulary.words;
  // Up to four kinds, named, not a rest list: this is asked some thirty times a question.
  const any = (a: EntityKind, b?: EntityKind, c?: EntityKind, d?: EntityKind): boolean =>
    refs[a].length > 0 ||
    (b !== undefined && refs[b].length > 0) ||
    (c !== undefined && refs[c].length > 0) ||
    (d !== undefined && refs[d].length > 0);
  const rawHas = (w: ReadonlySet<string>) => raw.some((x) => w.has(x));
  // The words of the message that ask something: not greetings, thanks, filler or a goodbye ("good night").
  const offset = heard.size - raw.length;
  const content = raw.filter(
    (w, i) =>
      !L.GREETING.has(w) && !L.THANKS.has(w) && !L.FILLER.has(w) && !heard.covers('farewell', i + offset),
  );
  const dated = u.dates.length > 0;
  // "Who is not on IR?": a rotation ruled out is still what the schedule question is about.
  const x = u.excluded;
  const scheduleTarget =
    any('rotation', 'group', 'site') || x.rotation.length + x.group.length + x.site.length > 0;
  const strongSchedule = rawHas(L.SCHEDULE_STRONG);
  const scheduleCue = dated || strongSchedule || raw.includes('on') || raw.includes('at') || u.asks.next;
  const trainingTalk = any('year') || rawHas(L.TRAINING_WORDS) || rawHas(L.OPTION_WORDS);
  // "Can I take two electives?" is about what the program allows, not the asker's schedule.
  const hypothetical = heard.has('hypothetical') && !dated;
  // "when does ICU end", "am I done with ICU": the end of the asker's block.
  // Not an end word before a figure: "over 500 procedures", "done 5 IR months".
  const endWord = raw.some(
    (w, i) =>
      L.END_WORDS.has(w) && !/^\d/.test(raw[i + 1] ?? '') && L.NUMBERS[raw[i + 1] ?? ''] === undefined,
  );
  const endQuestion =
    endWord && scheduleTarget && !any('year') && (u.asks.when || u.yesNo) && !heard.has('not_an_end');
  // A rotation named as itself: "IR" is also the program, so "IR" alone is not a rotation named.
  const rotationNamed = u.matches.some(
    (m) =>
      m.refs.some((r) => r.kind === 'rotation' || r.kind === 'group') &&
      !m.refs.some((r) => r.kind === 'program'),
  );
  // "What rotations are there?": the knowledge base's list, not anyone's schedule.
  const listAsked = heard.has('list_asked') || heard.opening('list_opening') > 0;
  // About the asker: "my", "I", or a bare schedule question with nobody else named ("current rotation?", "apr?").
  const onlyDate = dated && u.matches.length === 0 && !u.asks.who && u.unknownWords.length === 0;
  const bareSchedule = !u.asks.who && strongSchedule && !any('year', 'topic', 'faq', 'program');
  const coverageFact = (rawHas(L.COVERAGE) || heard.has('done_here')) && !dated && !raw.includes('now');
  // The division's sites: a rotation at a site asked about as coverage ("are VA IR procedures done by Duke").
  const siteRotation =
    rawHas(L.PERFORM) &&
    !scheduleCue &&
    u.matches.some(
      (m) =>
        !m.refs.some((r) => r.kind === 'program' || r.kind === 'group') &&
        m.refs.some((r) => r.kind === 'rotation' && vocabulary.rotations.get(r.id)?.site),
    );
  // "What is Jordan on?", "where is Casy next month": a name the schedule does not have.
  const asked = raw.slice(
    Math.max(
      0,
      raw.findIndex((w) => !L.GREETING.has(w) && !L.FILLER.has(w) && !L.OPENING_FILLER.has(w)),
    ),
  );
  const unknownName =
    L.NAME_QUESTION.has(asked[0] ?? '') &&
    asked.some((w, i) => {
      if (i === 0 || !u.unknownWords.includes(w) || !(L.BEFORE_NAME.has(asked[i - 1]!) || i === 1))
        return false;
      const after = asked[i + 1] === 's' ? asked[i + 2] : asked[i + 1];
      return after !== undefined && L.AFTER_NAME.has(after);
    });
  const volume = String(vocabulary.knowledge.program.volume.procedures_per_month);
  const afterRotation = u.asks.after && rotationNamed && !u.asks.who && u.people.length === 0;
  // "Do you do …", "does IR perform …": a procedure asked of the division.
  const askedOfDivision = rawHas(L.PERFORM) && rawHas(L.ABOUT_IR);
  return {
    empty: raw.length === 0,
    farewell: heard.whole('farewell'),
    nothingAsked: content.length === 0 && !dated,
    thanked: rawHas(L.THANKS) || heard.has('farewell'),
    asksHelp: said(L.PHRASES, content).whole('help_whole') || heard.has('help_question'),
    shortHelp: rawHas(L.HELP) && content.length <= 3,
    calendar: rawHas(L.CALENDAR),
    // "Who do I ask?" (not at a time: "who is the contact in March" is no one's); "can I switch ICU
    // to January?": a change of the schedule, which the coordinator makes.
    contactAsked: (refs.topic.includes('contact') && !dated) || (heard.has('change_asked') && dated),
    patientsTopic: refs.topic.includes('patients'),
    person: u.people.length > 0,
    personal: u.personal,
    my: raw.includes('my'),
    dated,
    yesNo: u.yesNo,
    asksWho: u.asks.who,
    asksWhoOrWhere: u.asks.who || u.asks.where,
    howMany: u.asks.howMany,
    // "Is my ICU before my VA month?": two things named on both sides of "before"/"after".
    ordered: u.compared !== undefined,
    left: u.asks.left,
    unplaced: u.unknownWords.length > 0,
    perform: rawHas(L.PERFORM),
    others: rawHas(L.OTHERS_WORDS),
    separate: rawHas(L.SEPARATE_WORDS),
    procedure: any('procedure', 'exclusion'),
    category: any('category'),
    division: any('division'),
    program: any('program'),
    year: any('year'),
    rotationOrGroup: any('rotation', 'group'),
    faqNamed: any('faq'),
    faqWeak: any('faq') && matchedWords(u, 'faq') <= 1,
    faqStrong: any('faq') && matchedWords(u, 'faq') >= 2,
    scheduleTarget,
    scheduleCue,
    rotationNamed,
    // "Is the ICU rotation at the VA?": where the rotation is, asked of no one's schedule.
    rotationAtSite:
      u.matches.some(
        (m) =>
          m.refs.some((r) => r.kind === 'rotation' || r.kind === 'group') &&
          !m.refs.some((r) => r.kind === 'site' || r.kind === 'program'),
      ) &&
      u.placeSites.length > 0 &&
      // "is that at Westridge?" points back at a block of a schedule, not at a rotation's site.
      !raw.some((w) => L.POINTS_BACK.has(w)) &&
      !u.personal &&
      !dated &&
      u.people.length === 0,
    // "How do I get to Children's?": the site's own description says where it is.
    directions: heard.has('directions_asked') && any('site'),
    // "Am I an R2?": the asker's level, not the year's shape.
    levelAsked: u.yesNo && any('year') && !dated && !any('rotation', 'group', 'site') && !u.asks.howMany,
    // "Where is Children's?": a site asked where, though its name is also a topic word.
    whereSite: u.asks.where && any('site'),
    // "What are the R1s on?", "what is the PGY-3 on": a level, and the question ends on "on".
    levelOn: any('year') && !any('rotation', 'group', 'site') && raw[raw.length - 1] === 'on',
    // "How many R4s are there?": a level's residents counted, nothing else named.
    levelCounted:
      u.asks.howMany &&
      any('year') &&
      !any('rotation', 'group', 'site', 'category') &&
      !any('procedure', 'faq', 'topic') &&
      !u.unknownWords.length &&
      (raw[raw.length - 1] === 'there' || heard.has('residents')),
    // "How many residents are there?": the schedule's residents counted.
    residentsCounted: u.asks.howMany && heard.has('residents') && !any('rotation', 'group', 'site', 'year'),
    // "What hospitals do we rotate at?": the program's sites.
    sitesAsked: heard.has('sites_asked') && !any('rotation', 'group', 'site'),
    rotationTalk: rotationNamed || (any('site') && heard.has('rotation_word')),
    // "What year am I?": the asker's level, not the year's shape ("what level is Harper?" is a
    // person's question already).
    levelOfResident:
      heard.has('level_asked') && !dated && !u.yesNo && !u.asks.when && !endQuestion && !scheduleTarget,
    // "Is there a peds rotation?", "do residents rotate on nucs?": whether the program has it.
    // "Is there a cardiology rotation?": a rotation the data does not name (not a resident's name).
    rotationExists:
      u.yesNo &&
      (rotationNamed || (heard.has('rotation_word') && u.unknownWords.some((w) => !isOrdinaryEnglish(w)))) &&
      ((heard.has('exists_asked') && heard.has('rotation_word')) || heard.has('rotate_asked')) &&
      !u.personal &&
      !dated &&
      !any('year') &&
      u.people.every((found) => found.length === 0),
    // "What is the ICU rotation like?", "tell me about the VA rotation": the rotation itself.
    describe: heard.has('describe') && !heard.has('whose'),
    // "Who's on what in December", "where's everyone next month": the whole month, no filter.
    everyone: heard.has('everyone'),
    // "Is 700 per month or per year?": the volume, named by its number.
    volumeNumber: raw.includes(volume),
    volumeAsked: refs.topic.includes('volume') || (u.asks.howMany && heard.has('cases')),
    rotationsListed: heard.has('rotations_word') && listAsked,
    // "Which year is the research block?": where it falls in training, not on the asker's schedule.
    whichYear: heard.has('which_year'),
    aboutAsker: u.personal || bareSchedule || onlyDate || endQuestion || afterRotation,
    // "What's after neuro?": what follows a rotation is a block of someone's schedule, the asker's.
    afterRotation,
    scheduleAsked: dated || scheduleTarget || scheduleCue || u.asks.howMany || u.asks.when || u.asks.left,
    trainingQuestion:
      (trainingTalk && !dated && !strongSchedule && !u.asks.left && !u.past) ||
      (hypothetical && (rawHas(L.OPTION_WORDS) || any('group'))),
    coverageFact,
    // "How many procedures are in oncologic therapies / how many categories" count the list, not the volume.
    listCount: any('category') || heard.has('category_word'),
    siteNamed: any('site') || siteRotation,
    siteAsked: coverageFact || !any('rotation', 'group') || rawHas(L.PERFORM),
    // "What hospitals do we rotate at?", "how many sites are there?", "are there two sites?".
    programSites:
      (any('program') && (heard.has('site_word') || (u.asks.where && rawHas(L.COVERAGE)))) ||
      heard.has('sites_asked') ||
      (heard.has('site_word') &&
        (u.asks.howMany || heard.has('exists_asked')) &&
        !any('site', 'rotation', 'group', 'year') &&
        u.people.length === 0),
    trainingTalk,
    trainingShape: any('year') || (trainingTalk && (any('group') || u.asks.howMany || heard.has('length'))),
    trainingOfResidents: trainingTalk && (heard.has('residency') || heard.has('residents') || any('group')),
    // "when do IR residents do research": where a rotation group falls in the training years.
    groupResidents: any('group') && heard.has('residents'),
    aboutIrOrWho: any('program') || rawHas(L.ABOUT_IR) || u.asks.who,
    overviewAsked: any('program', 'group') || (rawHas(L.PROCEDURE_LIST) && heard.has('overview_asked')),
    unknownName,
    // "Do you do celiac plexus blocks?": a name no list has, asked of the division.
    unlistedAsked:
      askedOfDivision &&
      u.unknownWords.some((w) => !isOrdinaryEnglish(w)) &&
      !dated &&
      !scheduleTarget &&
      !u.personal &&
      u.people.length === 0,
    // "whats jon's schedule": a schedule asked about a word nothing placed, with no "my" — someone
    // the schedule does not have, never the asker's own schedule.
    // An ordinary word ("the call schedule") is a topic the data may not cover, not a name.
    // "What are Jordan's blocks?"; not "do you do celiac plexus blocks?", a procedure asked of the division.
    strangersSchedule:
      !u.personal &&
      strongSchedule &&
      !askedOfDivision &&
      u.unknownWords.some((w) => !isOrdinaryEnglish(w)) &&
      !any('year', 'topic', 'faq', 'program'),
  };
}

function matchedWords(u: Facts, kind: EntityKind): number {
  return u.matches
    .filter((m) => m.refs.some((r) => r.kind === kind))
    .reduce((n, m) => n + (m.end - m.start), 0);
}
