import type { EntityKind } from './text/phrase-index.js';
import type { Intent, Understanding } from './understand.js';
import type { Vocabulary } from './vocabulary.js';

export type Facts = Omit<Understanding, 'intent'>;

/**
 * Picks the intent from what was found. The order is the explanation: each rule says which
 * words and entities win when a question could be read two ways.
 */
export function decideIntent(u: Facts, raw: string[], folded: string, vocabulary: Vocabulary): Intent {
  const { refs } = u;
  const {
    ABOUT_IR,
    CALENDAR,
    COVERAGE,
    END_WORDS,
    FILLER,
    GREETING,
    HELP,
    OPTION_WORDS,
    OTHERS_WORDS,
    PERFORM,
    PROCEDURE_LIST,
    SCHEDULE_STRONG,
    SEPARATE_WORDS,
    THANKS,
    TRAINING_WORDS,
  } = vocabulary.words;
  const any = (...kinds: EntityKind[]) => kinds.some((k) => refs[k].length > 0);
  const rawHas = (w: ReadonlySet<string>) => raw.some((x) => w.has(x));
  const content = raw.filter((w) => !GREETING.has(w) && !THANKS.has(w) && !FILLER.has(w));

  if (raw.length === 0) return 'help';
  if (/^(see (ya|you)( later| soon)?|later|bye|good ?night|ttyl|cya)$/.test(raw.join(' '))) return 'thanks';
  if (content.length === 0 && !u.dates.length) return raw.some((w) => THANKS.has(w)) ? 'thanks' : 'greeting';
  if (
    /^(help|\?|commands|usage|menu|start|examples)$/.test(content.join(' ')) ||
    /\bwhat (can|do|should) (you|i) (do|ask|know)\b|\bhow (do|does|can|should) (i|you) (use|ask)\b/.test(
      folded,
    )
  ) {
    return 'help';
  }
  if (rawHas(CALENDAR)) return 'calendar.link';
  if (refs.topic.includes('contact') && !u.dates.length) return 'program.contact';
  if (u.people.length && !u.personal) return 'schedule.person';

  const procedureLike = any('procedure', 'exclusion');
  const scheduleTarget = any('rotation', 'group', 'site');
  const strongSchedule = rawHas(SCHEDULE_STRONG);
  const scheduleCue =
    u.dates.length > 0 || strongSchedule || raw.includes('on') || raw.includes('at') || u.asks.next;
  const trainingTalk = any('year') || rawHas(TRAINING_WORDS) || rawHas(OPTION_WORDS);
  // "Can I take two electives?" is about what the program allows, not the asker's schedule.
  const hypothetical = /\b(can|could|may|should) (i|we)\b|\bif i\b/.test(folded) && !u.dates.length;
  const trainingQuestion =
    (trainingTalk && !u.dates.length && !strongSchedule && !u.asks.left && !u.past) ||
    (hypothetical && (rawHas(OPTION_WORDS) || any('group')));
  if (procedureLike) return u.asks.who || u.asks.where ? 'procedure.who' : 'procedure.does';
  // "who else is on IR with me": the others, though the asker is in the question.
  if (u.asks.who && u.personal && rawHas(OTHERS_WORDS) && scheduleTarget) return 'schedule.who';
  // "when does ICU end", "am I done with ICU": the end of the asker's block.
  const endQuestion =
    rawHas(END_WORDS) &&
    scheduleTarget &&
    !any('year') &&
    (u.asks.when || u.yesNo) &&
    !/\b(done|performed|carried out) by\b|\bover (at|to|in)\b/.test(folded);

  // "What is the ICU rotation like?", "tell me about the VA rotation": the rotation itself.
  const describe =
    /\b(what is|whats|what s|tell me about|describe|like)\b/.test(folded) &&
    !/\bwhat (is|s) (my|his|her)\b/.test(folded);
  // A rotation named as itself: "IR" is also the program, so "IR" alone is not a rotation named.
  const rotationNamed = u.matches.some(
    (m) =>
      m.refs.some((r) => r.kind === 'rotation' || r.kind === 'group') &&
      !m.refs.some((r) => r.kind === 'program'),
  );
  const rotationTalk = rotationNamed || (any('site') && /\brotation\b/.test(folded));
  if (
    describe &&
    rotationTalk &&
    !u.personal &&
    !u.dates.length &&
    !u.asks.who &&
    !u.people.length &&
    !any('year')
  ) {
    return 'rotation.info';
  }
  // "Who's on what in December", "where's everyone next month": the whole month, no filter.
  if (/\b(everyone|everybody|all residents|all the residents|on what)\b/.test(folded) && !procedureLike)
    return 'schedule.who';
  // "Is 700 per month or per year?": the volume, named by its number.
  const volume = String(vocabulary.knowledge.program.volume.procedures_per_month);
  if (folded.split(/\D+/).includes(volume)) return 'program.volume';
  // "What rotations are there?": the knowledge base's list, not anyone's schedule.
  const listAsked =
    /\b(list|all|kinds?|types?|are there|exist|available|options)\b/.test(folded) ||
    /^(what|which) rotations?\b/.test(folded);
  if (/\brotations\b/.test(folded) && listAsked && !u.personal && !u.dates.length && !scheduleTarget)
    return 'rotation.list';
  // "What did I do in my R3 year?": the asker's own schedule in that year of training.
  if (u.personal && raw.includes('my') && any('year') && !u.asks.howMany && !u.dates.length)
    return 'schedule.mine';
  // "Which year is the research block?": where it falls in training, not on the asker's schedule.
  if (/\bwhich years?\b|\bwhat years?\b/.test(folded) && rotationNamed && !u.dates.length && !u.personal)
    return 'training';
  // About the asker: "my", "I", or a bare schedule question with nobody else named ("current rotation?", "apr?").
  const onlyDate = u.dates.length > 0 && u.matches.length === 0 && !u.asks.who && u.unknownWords.length === 0;
  const bareSchedule = !u.asks.who && strongSchedule && !any('year', 'topic', 'faq', 'program');
  if ((u.personal || bareSchedule || onlyDate || endQuestion) && !trainingQuestion) {
    if (u.dates.length || scheduleTarget || scheduleCue || u.asks.howMany || u.asks.when || u.asks.left)
      return 'schedule.mine';
  }
  if (u.people.length) return 'schedule.person';

  const coverageFact =
    (rawHas(COVERAGE) || /\b(perform|performs|procedures)\b/.test(folded)) &&
    !u.dates.length &&
    !raw.includes('now');
  if (u.asks.who && scheduleTarget && !coverageFact) return 'schedule.who';
  if (u.asks.left && scheduleTarget && !any('year')) return 'schedule.mine';
  if (u.dates.length && scheduleTarget && !u.personal) return 'schedule.who';
  // A generic word with an unlisted qualifier ("varicocele embolization") is an unlisted procedure.
  if (any('faq') && u.unknownWords.length && rawHas(PERFORM) && matchedWords(u, 'faq') <= 1)
    return 'procedure.unknown';
  if (any('faq') && matchedWords(u, 'faq') >= 2) return 'faq';
  if (refs.topic.includes('patients')) return 'program.patients';
  // "How many procedures are in oncologic therapies / how many categories" count the list, not the volume.
  const listCount = any('category') || /\bcategor/.test(folded);
  if (u.asks.howMany && listCount && !any('procedure'))
    return any('category') ? 'category.list' : 'program.overview';
  if (refs.topic.includes('volume') || (u.asks.howMany && /\b(procedures?|cases?)\b/.test(folded)))
    return 'program.volume';

  if (any('category')) return 'category.list';
  // The division's sites: named, or a rotation at a site asked about as coverage ("are VA IR procedures done by Duke").
  // (a rotation named only as itself: "IR" is also the program and a group, so it does not count)
  const siteRotation =
    rawHas(PERFORM) &&
    !scheduleCue &&
    u.matches.some(
      (m) =>
        !m.refs.some((r) => r.kind === 'program' || r.kind === 'group') &&
        m.refs.some((r) => r.kind === 'rotation' && vocabulary.rotations.get(r.id)?.site),
    );
  refs.rotation.some((r) => vocabulary.rotations.get(r)?.site) && rawHas(PERFORM) && !scheduleCue;
  if ((any('site') || siteRotation) && (coverageFact || !any('rotation', 'group') || rawHas(PERFORM)))
    return 'program.site';
  if (any('program') && (raw.includes('sites') || (u.asks.where && rawHas(COVERAGE)))) return 'program.site';
  if (any('rotation', 'group') && u.asks.howMany) return 'training';
  if (any('year') || (trainingTalk && (any('group') || u.asks.howMany || /\b(long|length)\b/.test(folded))))
    return 'training';
  if (u.dates.length && scheduleTarget) return 'schedule.who';
  if (any('division')) return 'procedure.who';
  if (trainingTalk && (rawHas(new Set(['residency', 'residents', 'resident', 'training'])) || any('group')))
    return 'training';
  // "when do IR residents do research": where a rotation group falls in the training years.
  if (any('group') && /\bresidents?\b/.test(folded) && !u.personal) return 'training';
  // "Do we get an elective?": a yes/no about the program's rotations is a training question.
  // "Does IR do neuro IR?": a rotation's name asked as a procedure is not a listed procedure.
  if (u.yesNo && any('program') && rawHas(PERFORM) && rotationNamed && !scheduleCue)
    return 'procedure.unknown';
  if (u.yesNo && rotationNamed && !scheduleCue) return 'training';
  if (any('rotation', 'group') && !any('program')) return 'rotation.info';
  if (any('faq')) return 'faq';
  if (trainingTalk && !any('program')) return 'training';
  const aboutIr = any('program') || rawHas(ABOUT_IR);
  if (u.unknownWords.length && rawHas(PERFORM) && (aboutIr || u.asks.who)) return 'procedure.unknown';
  if (any('program') && rawHas(SEPARATE_WORDS)) return 'program.patients';
  if (
    any('program', 'group') ||
    (rawHas(PROCEDURE_LIST) && /\b(what|which|list|all|kinds?|types?)\b/.test(folded))
  ) {
    return 'program.overview';
  }
  if (rawHas(HELP) && content.length <= 3) return 'help';
  // "What is Jordan on?", "where is Casy next month": a name the schedule does not have.
  const question = raw
    .slice(
      Math.max(
        0,
        raw.findIndex((w) => !GREETING.has(w) && !FILLER.has(w) && w !== 'quick' && w !== 'question'),
      ),
    )
    .join(' ');
  const named =
    /^(?:what|where|how)(?: is|s| s)? ([a-z]+)(?: s)? (?:on|doing|at|working|rotating|next|this|in)\b/.exec(
      question,
    );
  if (named && u.unknownWords.includes(named[1]!)) return 'schedule.person';
  return 'fallback';
}

function matchedWords(u: Facts, kind: EntityKind): number {
  return u.matches
    .filter((m) => m.refs.some((r) => r.kind === kind))
    .reduce((n, m) => n + (m.end - m.start), 0);
}
