import { intentOf } from './intent-table.js';
import type { EntityKind } from './text/phrase-index.js';
import type { Intent, Understanding } from './understand.js';
import type { Vocabulary } from './vocabulary.js';

export type Facts = Omit<Understanding, 'intent'>;

/** The parts of a question the intent table reads: each true or false, computed once per question. */
export type Part = keyof ReturnType<typeof partsOf>;
export type Parts = Readonly<Record<Part, boolean>>;

/** Picks the intent: the parts of the question, looked up in the intent table (intent-table.ts). */
export function decideIntent(u: Facts, raw: string[], folded: string, vocabulary: Vocabulary): Intent {
  return intentOf(partsOf(u, raw, folded, vocabulary));
}

/**
 * What the question has, as named parts: entities found, dates, the asker, and cue words from the
 * language file. Grammar only: which words are cues is data.
 */
export function partsOf(u: Facts, raw: string[], folded: string, vocabulary: Vocabulary) {
  const { refs } = u;
  const L = vocabulary.words;
  const any = (...kinds: EntityKind[]) => kinds.some((k) => refs[k].length > 0);
  const rawHas = (w: ReadonlySet<string>) => raw.some((x) => w.has(x));
  const content = raw.filter((w) => !L.GREETING.has(w) && !L.THANKS.has(w) && !L.FILLER.has(w));
  const dated = u.dates.length > 0;
  const scheduleTarget = any('rotation', 'group', 'site');
  const strongSchedule = rawHas(L.SCHEDULE_STRONG);
  const scheduleCue = dated || strongSchedule || raw.includes('on') || raw.includes('at') || u.asks.next;
  const trainingTalk = any('year') || rawHas(L.TRAINING_WORDS) || rawHas(L.OPTION_WORDS);
  // "Can I take two electives?" is about what the program allows, not the asker's schedule.
  const hypothetical = /\b(can|could|may|should) (i|we)\b|\bif i\b/.test(folded) && !dated;
  // "when does ICU end", "am I done with ICU": the end of the asker's block.
  const endQuestion =
    rawHas(L.END_WORDS) &&
    scheduleTarget &&
    !any('year') &&
    (u.asks.when || u.yesNo) &&
    !/\b(done|performed|carried out) by\b|\bover (at|to|in)\b/.test(folded);
  // A rotation named as itself: "IR" is also the program, so "IR" alone is not a rotation named.
  const rotationNamed = u.matches.some(
    (m) =>
      m.refs.some((r) => r.kind === 'rotation' || r.kind === 'group') &&
      !m.refs.some((r) => r.kind === 'program'),
  );
  // "What rotations are there?": the knowledge base's list, not anyone's schedule.
  const listAsked =
    /\b(list|all|kinds?|types?|are there|exist|available|options)\b/.test(folded) ||
    /^(what|which) rotations?\b/.test(folded);
  // About the asker: "my", "I", or a bare schedule question with nobody else named ("current rotation?", "apr?").
  const onlyDate = dated && u.matches.length === 0 && !u.asks.who && u.unknownWords.length === 0;
  const bareSchedule = !u.asks.who && strongSchedule && !any('year', 'topic', 'faq', 'program');
  const coverageFact =
    (rawHas(L.COVERAGE) || /\b(perform|performs|procedures)\b/.test(folded)) &&
    !dated &&
    !raw.includes('now');
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
  const start = raw.findIndex(
    (w) => !L.GREETING.has(w) && !L.FILLER.has(w) && w !== 'quick' && w !== 'question',
  );
  const named =
    /^(?:what|where|how)(?: is|s| s)? ([a-z]+)(?: s)? (?:on|doing|at|working|rotating|next|this|in)\b/.exec(
      raw.slice(Math.max(0, start)).join(' '),
    );
  const volume = String(vocabulary.knowledge.program.volume.procedures_per_month);
  return {
    empty: raw.length === 0,
    farewell: /^(see (ya|you)( later| soon)?|later|bye|good ?night|ttyl|cya)$/.test(raw.join(' ')),
    nothingAsked: content.length === 0 && !dated,
    thanked: rawHas(L.THANKS),
    asksHelp:
      /^(help|\?|commands|usage|menu|start|examples)$/.test(content.join(' ')) ||
      /\bwhat (can|do|should) (you|i) (do|ask|know)\b|\bhow (do|does|can|should) (i|you) (use|ask)\b/.test(
        folded,
      ),
    shortHelp: rawHas(L.HELP) && content.length <= 3,
    calendar: rawHas(L.CALENDAR),
    contactTopic: refs.topic.includes('contact'),
    patientsTopic: refs.topic.includes('patients'),
    person: u.people.length > 0,
    personal: u.personal,
    my: raw.includes('my'),
    dated,
    yesNo: u.yesNo,
    asksWho: u.asks.who,
    asksWhoOrWhere: u.asks.who || u.asks.where,
    howMany: u.asks.howMany,
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
    rotationTalk: rotationNamed || (any('site') && /\brotation\b/.test(folded)),
    // "What is the ICU rotation like?", "tell me about the VA rotation": the rotation itself.
    describe:
      /\b(what is|whats|what s|tell me about|describe|like)\b/.test(folded) &&
      !/\bwhat (is|s) (my|his|her)\b/.test(folded),
    // "Who's on what in December", "where's everyone next month": the whole month, no filter.
    everyone: /\b(everyone|everybody|all residents|all the residents|on what)\b/.test(folded),
    // "Is 700 per month or per year?": the volume, named by its number.
    volumeNumber: folded.split(/\D+/).includes(volume),
    volumeAsked: refs.topic.includes('volume') || (u.asks.howMany && /\b(procedures?|cases?)\b/.test(folded)),
    rotationsListed: /\brotations\b/.test(folded) && listAsked,
    // "Which year is the research block?": where it falls in training, not on the asker's schedule.
    whichYear: /\bwhich years?\b|\bwhat years?\b/.test(folded),
    aboutAsker: u.personal || bareSchedule || onlyDate || endQuestion,
    scheduleAsked: dated || scheduleTarget || scheduleCue || u.asks.howMany || u.asks.when || u.asks.left,
    trainingQuestion:
      (trainingTalk && !dated && !strongSchedule && !u.asks.left && !u.past) ||
      (hypothetical && (rawHas(L.OPTION_WORDS) || any('group'))),
    coverageFact,
    // "How many procedures are in oncologic therapies / how many categories" count the list, not the volume.
    listCount: any('category') || /\bcategor/.test(folded),
    siteNamed: any('site') || siteRotation,
    siteAsked: coverageFact || !any('rotation', 'group') || rawHas(L.PERFORM),
    programSites: any('program') && (raw.includes('sites') || (u.asks.where && rawHas(L.COVERAGE))),
    trainingTalk,
    trainingShape:
      any('year') || (trainingTalk && (any('group') || u.asks.howMany || /\b(long|length)\b/.test(folded))),
    trainingOfResidents:
      trainingTalk && (raw.some((w) => /^(residency|residents|resident|training)$/.test(w)) || any('group')),
    // "when do IR residents do research": where a rotation group falls in the training years.
    groupResidents: any('group') && /\bresidents?\b/.test(folded),
    aboutIrOrWho: any('program') || rawHas(L.ABOUT_IR) || u.asks.who,
    overviewAsked:
      any('program', 'group') ||
      (rawHas(L.PROCEDURE_LIST) && /\b(what|which|list|all|kinds?|types?)\b/.test(folded)),
    unknownName: named !== null && u.unknownWords.includes(named[1]!),
    // "whats jon's schedule": a schedule asked about a word nothing placed, with no "my" — someone
    // the schedule does not have, never the asker's own schedule.
    strangersSchedule:
      !u.personal && strongSchedule && u.unknownWords.length > 0 && !any('year', 'topic', 'faq', 'program'),
  };
}

function matchedWords(u: Facts, kind: EntityKind): number {
  return u.matches
    .filter((m) => m.refs.some((r) => r.kind === kind))
    .reduce((n, m) => n + (m.end - m.start), 0);
}
