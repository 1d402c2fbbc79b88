/**
 * The bot's own words: how residents ask, as opposed to what they ask about (which is the
 * knowledge base's vocabulary). Cue words decide the kind of question; common English words
 * are known so that typo correction never turns an ordinary word into a procedure.
 */

const words = (s: string) => new Set(s.trim().split(/\s+/));

/** A question starting with one of these expects Yes or No. */
export const YES_NO_STARTERS = words(`
  do does did is are am can could will would was were has have had should shall may might any anyone anybody
  isnt arent doesnt dont didnt cant wont wasnt werent hasnt havent`);

export const PERSONAL = words('i me my mine im myself ive id ill');
// "last" is not here: "my last IR month" is the final one; "last month" is read as a date.
export const PAST = words('was were did had been ago previous previously before past');
export const WHO = words('who whos whom');
export const WHEN = words('when whens');
export const WHERE = words('where wheres');
export const HOW_MANY = words('many much count number');
export const LEFT = words('left remaining remain remains more still');

/** Verbs of doing a procedure: "does IR do / perform / offer / handle TIPS". */
export const PERFORM = words(`
  do does doing did done perform performs performed performing offer offers offered handle handles
  handled place places placed placing insert inserts put treat treats treated treating cover covers
  covered manage manages provide provides routinely routine responsible procedure procedures
  operate operator operators`);

/** Words that make a question about the schedule ("on", "rotation", "assigned", "next month"). */
export const SCHEDULE = words(`
  on rotation rotations rotating rotate schedule schedules scheduled assigned assignment assignments
  block blocks working work doing service services next after then following upcoming change changes
  switch switching start starts starting begin begins month months covering`);

export const CALENDAR = words(
  'calendar calender calendars ical ics icalendar gcal outlook subscribe subscription sync feed',
);
export const GREETING = words('hi hello hey hiya howdy yo greetings morning afternoon evening sup');
export const THANKS = words(
  'thanks thank thx ty cheers appreciate appreciated great awesome perfect cool ok okay bye goodbye cya later night',
);
export const HELP = words('help commands command usage examples example what can you do');
export const CONTACT = words(
  'contact ask coordinator coordinators email reach talk person chief chiefs admin',
);
export const COUNT_WORDS = words('how many much number count total');
export const LIST_WORDS = words(
  'list which what kinds kind types type categories category all every examples',
);
export const TRAINING = words(`
  training residency resident residents year years structure curriculum program length long pgy integrated
  independent dr diagnostic ir interventional research elective electives icu`);

/** Ordinary words that must never be "corrected" into a vocabulary word. */
export const COMMON = words(`
  a about above after again against all also am an and any anyone anybody anything are around as at
  available back be because been before being below between both but by can could day days did do does
  doing done down during each either else ever every everyone few for from further get gets getting give go
  goes going gonna got had has have having he her here hers him his how however i if in into is it its
  just know let like likely look looking lot make many may me might more most much must my need needs
  new no nor not now of off often on once one only or other others our out over own people per please
  probably question questions quick really right same say see seen she should show since so some someone
  something soon still such sure take tell than that the their them then there these they thing things
  think this those through time times to today too under until up upon us use used very via want wants
  was way we week weeks well were what whats when where whether which while who whole whom whose why will
  wish with within without would year years yes yet you your yours youre

  am pm currently current now schedule find happen happens happening okay okey hmm um uh
  actually also again anyway btw fyi lol pls plz u ur r yall ya
  patient patients kid kids child children adult adults baby babies infant infants young old age
  busy volume cases case caseload numbers number count total monthly daily weekly yearly annually
  site sites hospital hospitals across street campus located location where far close near
  division divisions department team teams group faculty attending attendings fellow fellows trainee trainees
  learn learning teach teaching taught training train trained skill skills experience exposure
  primary operator operators scrub scrubbing hands hand first assist assisting
  length long short longer shorter total overall entire full part parts
  option options optional choose choice instead replace replacing swap substitute substituting extra additional
  month months weeks week day days year years time
  like similar different difference same identical compare compared versus vs
  tell explain describe info information details detail overview summary about
  anything everything nothing something else other others another
  good bad best worst nice fine hard easy fun interesting
  sport sports play playing game games fort short sorts sort port ports
`);

/** Ways of putting a question that name nothing: "I was wondering", "roughly", "in general", "is it true". */
export const ASKING = words(`
  wondering curious heard true yeah correct roughly approx approximately even general generally breakdown
  structured structure required falls fall included include considered comes come mid thru till
  radiologist radiologists fix fixes`);

/** A name after one of these is ruled out: "non-IR", "except the VA", "excluding ICU". */
export const EXCEPT = words('non except excluding excluded besides');

/** Verbs of having or getting, not doing: "how much vacation do we get", "does IR have a journal club". */
export const HAVE_WORDS = words('get gets got have has take takes need needs wear attend allowed');

/** Words that carry no question of their own: greetings' company, addressing the bot. */
export const FILLER = words(`
  rotabot bot there you so much very again all guys team a lot for the and good day just wanted to say many
  mate buddy dude folks everyone yall y`);
/** Words that make a question about the schedule for sure. */
export const SCHEDULE_STRONG = words(
  'rotation rotations rotating schedule scheduled assigned assignment block blocks',
);
/** Words of the present and the next: "current rotation?", "upcoming rotation?". */
export const NOW_WORDS = words('current currently now rn today upcoming next this');
export const OPTION_WORDS = words(
  'replace replacing instead swap option optional substitute choose extra additional',
);
export const SEPARATE_WORDS = words('separate different own distinct split unified same');
export const TRAINING_WORDS = words(
  'residency training pgy curriculum structure integrated program year years set setup',
);
/** Words of the division's coverage of a site: "does IR staff the VA". */
export const COVERAGE = words(
  'cover covers covered coverage covering staff staffs staffed staffing run runs work works working sites site where located location address directions far street',
);
/** "you" as the division: "do y'all do PAE", "do you guys do TIPS". */
export const ABOUT_IR = words('you yall ya guys they we us');
/** Words that ask for totals. */
export const TOTAL_WORDS = words('total overall combined altogether sum');
/** Words that make a question about the procedure list as a whole. */
export const PROCEDURE_LIST = words(
  'procedures procedure categories category cases case kinds kind types type sort sorts things stuff areas',
);
/** "tell me", "show me": "me" here is not the asker's schedule. */
export const ME_VERBS = words('tell show let give help explain');

/** "when does ICU end", "am I done with ICU": the end of a block. */
export const END_WORDS = words(
  'end ends ending finish finishes finished done over through complete completed wrap',
);
/** "my last / final rotation": the final block, not the past. */
export const FINAL_WORDS = words('last final');
/** "is the R4 year all IR": a claim about the whole year. */
export const ALL_WORDS = words('all only entirely exclusively just purely fully solely');
/** "Is R4 mostly DR?": more than half of the year. */
export const MOST_WORDS = words('mostly most majority mainly largely primarily');
/** "who else is on IR with me": others, though the asker is named. */
export const OTHERS_WORDS = words('else other others with besides');

/** Chat shorthand, expanded before anything else reads the question ("wat am i on nxt month"). */
export const SHORTHAND: Record<string, string> = {
  nxt: 'next',
  wat: 'what',
  wut: 'what',
  whta: 'what',
  u: 'you',
  ur: 'your',
  mnth: 'month',
  mth: 'month',
  yr: 'year',
  yrs: 'years',
  wk: 'week',
  b4: 'before',
  rn: 'right now',
  '2day': 'today',
  '2morrow': 'tomorrow',
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  tmw: 'tomorrow',
  yday: 'yesterday',
  pls: 'please',
  plz: 'please',
  abt: 'about',
  rota: 'rotation',
  rot: 'rotation',
  rotaton: 'rotation',
  sked: 'schedule',
  whr: 'where',
  procs: 'procedures',
};
