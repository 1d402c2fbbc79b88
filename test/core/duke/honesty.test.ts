import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../../src/core/answer.js';
import { createLabelResolver } from '../../../src/knowledge/rotation-names.js';
import { parseSchedule } from '../../../src/schedule/parse.js';
import { ask, knowledge, NOW, schedule } from '../helpers.js';

/* Exact or honest: what the data does not cover is said to be unknown, naming it; the rest is answered. */

const CASEY = 'casey.demoreaux@example.edu';
const TODAY = '2026-11-28';
const siteOf = (rotationId: string | null) => knowledge.rotations.find((r) => r.id === rotationId)?.site;

describe('a topic the data does not cover is named, never the nearest topic', () => {
  it.each([
    ['whats the call schedule look like', 'call schedule'],
    ['is there a chief resident', 'chief resident'],
    ['do we have fellows', 'fellows'],
    ['what is the salary', 'salary'],
    ['when do i graduate', 'graduate'],
  ])('%s', (question, named) => {
    const a = ask(question, { as: CASEY });
    expect(a.unanswered).toBe(true);
    expect(a.understanding.intent).not.toBe('schedule.person');
    expect(a.text).toContain(named);
    expect(a.verdict).toBe('unknown');
  });

  it('a name the schedule does not have is still a person not found', () => {
    expect(ask("whats jon's schedule").understanding.intent).toBe('schedule.person');
  });

  it('asking whom to ask about something is the contact, whatever the something', () => {
    const a = ask('who do i talk to about swapping a rotation', { as: CASEY });
    expect(a.understanding.intent).toBe('program.contact');
    expect(a.unanswered).toBeFalsy();
  });

  it("the coordinator's email: given when the knowledge base has one, said unknown when not", () => {
    expect(knowledge.program.contact.email).toBeUndefined();
    const without = ask('whats the program coordinator email');
    expect(without.unanswered).toBe(true);
    const withEmail = {
      ...knowledge,
      program: {
        ...knowledge.program,
        contact: { ...knowledge.program.contact, email: 'ir-coord@example.edu' },
      },
    };
    const { answer } = answerQuestion({
      text: 'whats the program coordinator email',
      knowledge: withEmail,
      schedule,
      conversation: 'private',
      now: NOW,
    });
    expect(answer.text).toContain('ir-coord@example.edu');
    expect(answer.unanswered).toBeFalsy();
  });
});

describe('a site named as a place', () => {
  it('a rotation whose site is not stated: unknown, never the rotation description alone', () => {
    expect(siteOf('icu')).toBeUndefined();
    expect(ask('is the ICU rotation at the VA?').verdict).toBe('unknown');
    expect(ask('is the ICU month at Duke or the VA?').unanswered).toBe(true);
  });

  it('a rotation with a site: Yes or No from its own site', () => {
    expect(siteOf('ir-va')).toBe('durham-va');
    expect(ask('is the IR-VA rotation at the VA?').verdict).toBe('yes');
    expect(ask('is the IR-VA rotation at Duke?').verdict).toBe('no');
  });

  it('a procedure asked at a site is unknown for that site; the program named as who does it is not a place', () => {
    expect(ask('do we do Y-90 at the VA?').verdict).toBe('unknown');
    expect(ask('does IR do biopsies at the VA?').verdict).toBe('unknown');
    expect(ask('does duke do nanoknife').verdict).toBe('yes');
  });
});

describe('the resident, not the year', () => {
  it('a level asked of a resident is checked against the schedule', () => {
    const harper = schedule.residents.find((r) => r.name.startsWith('Harper'))!;
    expect(ask(`is ${harper.name.split(' ')[0]} an ${harper.level}`).verdict).toBe('yes');
    const other = harper.level === 'R2' ? 'R3' : 'R2';
    expect(ask(`is ${harper.name.split(' ')[0]} an ${other}`).verdict).toBe('no');
    const casey = schedule.byEmail(CASEY)!;
    expect(ask(`am i an ${casey.level}`, { as: CASEY }).verdict).toBe('yes');
  });

  it('"what was my last rotation" is the block before this one', () => {
    const casey = schedule.byEmail(CASEY)!;
    const before = casey.blocks.filter((b) => b.end < TODAY).at(-1)!;
    const rotation = knowledge.rotations.find((r) => r.id === before.rotationId)!;
    const a = ask('what was my last rotation', { as: CASEY });
    expect(a.text).toContain(rotation.name);
  });

  it('"ever" looks at the whole schedule, "again" at what is ahead', () => {
    const casey = schedule.byEmail(CASEY)!;
    const vaAhead = casey.blocks.some((b) => siteOf(b.rotationId) === 'durham-va' && b.end >= TODAY);
    const vaEver = casey.blocks.some((b) => siteOf(b.rotationId) === 'durham-va');
    expect(ask('am i ever at the VA', { as: CASEY }).verdict).toBe(vaEver ? 'yes' : 'no');
    expect(ask('do i ever go to the VA again', { as: CASEY }).verdict).toBe(vaAhead ? 'yes' : 'no');
  });
});

describe('chat spelling', () => {
  it('a dropped g and the plural of a short name are read as the word', () => {
    expect(ask('whats my schedule lookin like', { as: CASEY }).unanswered).toBeFalsy();
    expect(ask('do we do PAEs').understanding.refs.procedure).toEqual(['prostate-artery-embolization']);
  });

  it('"lol thanks" is thanks', () => {
    expect(ask('lol thanks').understanding.intent).toBe('thanks');
  });

  it('"what does X involve" describes X', () => {
    const a = ask('what does the ICU month involve');
    expect(a.understanding.intent).toBe('rotation.info');
    expect(a.unanswered).toBeFalsy();
  });
});

describe('every part of a message is answered', () => {
  it('a second question about something unlisted is answered too, naming it', () => {
    const a = ask('does ir do y90 and what about kyphoplasty');
    expect(a.understanding.also).toHaveLength(1);
    expect(a.text).toContain('kyphoplasty');
    expect(a.text).toMatch(/^Yes/);
  });

  it('a name after a title that the schedule does not have is named back', () => {
    const a = ask('whats dr smith on');
    expect(a.understanding.intent).toBe('schedule.person');
    expect(a.text).toContain('Smith');
  });

  it('every paragraph after the first starts a sentence', () => {
    const paragraphs = ask('does IR do tips and biopsies?').text.split('\n\n');
    expect(paragraphs.length).toBeGreaterThan(1);
    for (const p of paragraphs.slice(1)) expect(p.charAt(0)).toBe(p.charAt(0).toUpperCase());
  });
});

describe('verdicts over several subjects, sites and undecided facts', () => {
  const groupOf = (rotationId: string | null) => knowledge.rotations.find((r) => r.id === rotationId)?.group;
  const onIrIn = (email: string, month: string) =>
    schedule
      .byEmail(email)!
      .blocks.some(
        (b) => groupOf(b.rotationId) === 'ir' && b.start.slice(0, 7) <= month && month <= b.end.slice(0, 7),
      );
  const expected = (flags: boolean[]) =>
    flags.every(Boolean) ? 'yes' : flags.some(Boolean) ? 'partly' : 'no';

  it('a procedure the data does not list beside one it does: the listed one is answered, the verdict is not decided', () => {
    const a = ask('do we do TIPS and BRTO');
    expect(a.verdict).toBe('unknown');
    expect(a.text.toLowerCase()).toContain('brto');
    expect(a.factIds).toContain('tips');
  });

  it('two months asked: each month is checked', () => {
    const v = ask('am I on IR in feb and march?', { as: CASEY }).verdict;
    expect(v).toBe(expected([onIrIn(CASEY, '2027-02'), onIrIn(CASEY, '2027-03')]));
  });

  it('two residents asked: each resident is checked', () => {
    const avery = schedule.residents.find((r) => r.name.startsWith('Avery'))!;
    const blair = schedule.residents.find((r) => r.name.startsWith('Blair'))!;
    const flags = [onIrIn(avery.email, '2027-01'), onIrIn(blair.email, '2027-01')];
    const a = ask('are Avery and Blair both on IR in Jan?');
    expect(a.verdict).toBe(flags.every(Boolean) ? 'yes' : 'no');
    expect(a.text).toContain(avery.name);
    expect(a.text).toContain(blair.name);
  });

  it('patients asked at a site: not decided for the site', () => {
    expect(ask('do we treat kids at the VA?').verdict).toBe('unknown');
    expect(ask('do we treat kids?').verdict).toBe('yes');
  });

  it('a yes/no the facts do not decide says so before the facts', () => {
    const a = ask('does R4 include nucs?');
    expect(a.verdict).toBe('unknown');
    expect(a.text).toMatch(/^I can't say yes or no/);
  });
});

describe('a second round of resident questions', () => {
  it.each([
    'can i park in the duke garage',
    'do i need to wear lead at the va',
    'am i allowed to moonlight during research',
  ])('a yes/no about something no schedule holds is not decided by the schedule: %s', (q) => {
    const a = ask(q, { as: CASEY });
    expect(a.verdict).toBe('unknown');
    expect(a.unanswered).toBe(true);
  });

  it("residents' contact details are not given, and not replaced by their schedule", () => {
    const email = ask("what's casey's email");
    expect(email.unanswered).toBe(true);
    expect(email.text).not.toContain('@');
    const phone = ask("what's avery's phone number");
    expect(phone.unanswered).toBe(true);
    expect(phone.text).toContain('phone');
  });

  it('"who else" leaves out the asker, whatever else it names', () => {
    const casey = schedule.byEmail(CASEY)!;
    const a = ask('who else is on surg onc in january', { as: CASEY });
    expect(a.items?.some((i) => i.includes(casey.name)) ?? false).toBe(false);
    expect(a.text).not.toContain(casey.name);
  });

  it('a goodbye inside thanks is thanks; "nights" is not a goodbye', () => {
    expect(ask('thanks, good night').understanding.intent).toBe('thanks');
    const nights = ask("who's on nights");
    expect(nights.unanswered).toBe(true);
    expect(nights.text).toContain('nights');
  });

  it('chat shorthand for when and what is read', () => {
    expect(ask('wht am i on in febuary', { as: CASEY }).unanswered).toBeFalsy();
    expect(ask('whn is my next icu month', { as: CASEY }).understanding.asks.when).toBe(true);
  });
});

describe('residents, sites and what is behind the asker', () => {
  it('"who are the R5s" lists the residents at that level, this month', () => {
    const r5 = schedule.residents.filter((r) => r.level === 'R5');
    const a = ask('who are the r5s');
    expect(a.understanding.intent).toBe('schedule.who');
    for (const r of r5) expect(a.items?.some((i) => i.includes(r.name))).toBe(true);
  });

  it('"how many residents are there" counts the schedule', () => {
    const a = ask('how many residents are there');
    expect(a.text).toContain(String(schedule.residents.length));
  });

  it('a rotation asked at a site the schedule gives it no site for is undecided', () => {
    const casey = schedule.byEmail(CASEY)!;
    const icu = casey.blocks.filter(
      (b) => knowledge.rotations.find((r) => r.id === b.rotationId)?.group === 'icu',
    );
    expect(icu.length).toBeGreaterThan(0);
    expect(ask('is my ICU at duke', { as: CASEY }).verdict).toBe('unknown');
  });

  it('"have I done X yet" looks behind the asker', () => {
    const casey = schedule.byEmail(CASEY)!;
    const va = casey.blocks.some((b) => siteOf(b.rotationId) === 'durham-va' && b.end < TODAY);
    expect(ask('have i done the VA yet', { as: CASEY }).verdict).toBe(va ? 'yes' : 'no');
  });

  it('"what hospitals do we rotate at" names the sites', () => {
    const a = ask('what hospitals do we rotate at');
    for (const s of knowledge.program.sites) expect(a.text).toContain(s.name);
  });
});

describe('a site written in the schedule itself', () => {
  it('a long-format block whose site column names the site by its alias is at that site', () => {
    const csv = [
      'email,name,level,start,end,rotation,site',
      'kim.sample@example.edu,Kim Sample,R4,2026-11-01,2026-11-30,ICU,VA',
      'kim.sample@example.edu,Kim Sample,R4,2026-12-01,2026-12-31,ICU,Durham VA',
    ].join('\n');
    const parsed = parseSchedule(csv, {
      source: 'long.csv',
      resolveLabel: createLabelResolver(knowledge.rotations),
    });
    const { answer } = answerQuestion({
      text: 'is my ICU at the VA?',
      knowledge,
      schedule: parsed.schedule!,
      askerEmail: 'kim.sample@example.edu',
      conversation: 'private',
      now: NOW,
    });
    // Both months are at the VA by the site column, written by two of the site's names.
    expect(answer.verdict).toBe('yes');
    expect(answer.text).not.toContain('does not say');
  });
});

describe('what the facts do not decide gets no Yes or No', () => {
  it.each([
    'will I be primary operator for TIPS?',
    'am I the primary operator on Y90?',
    'will I do TIPS myself?',
    'do residents scrub in on TIPS?',
  ])('the part residents play in a procedure of the division: %s', (question) => {
    const a = ask(question, { as: CASEY });
    expect(a.verdict).toBe('unknown');
    expect(a.text).toMatch(
      /^I can't say yes or no: the program description does not say what part residents play/,
    );
    // What the data does say: the division does it, and what residents do themselves.
    expect(a.text).toContain("division's routine procedures");
    expect(a.text).toContain(
      'residents are the primary operator for them during their abdominal radiology rotations',
    );
  });

  it('what residents do themselves, and the division doing a procedure, are still decided', () => {
    expect(ask('will I be primary operator for biopsies?', { as: CASEY }).verdict).toBe('yes');
    expect(ask('does IR do TIPS?', { as: CASEY }).verdict).toBe('yes');
    expect(ask('does IR operate on ports?', { as: CASEY }).verdict).toBe('yes');
  });

  it.each(['does the VA treat kids?', 'do we treat kids at the VA?'])(
    'patients at one site: %s',
    (question) => {
      const a = ask(question);
      expect(a.verdict).toBe('unknown');
      expect(a.text).toMatch(/^I can't say for Durham VA in particular/);
      expect(a.text).toContain('Adult and pediatric patients');
      expect(ask('does IR treat kids?').verdict).toBe('yes');
    },
  );

  it.each([
    ['does IR do a thousand procedures a month?', 'no'],
    ['do we do seven hundred procedures a month?', 'yes'],
    ['does the division do two thousand five hundred procedures a month?', 'no'],
    ['does IR do over five hundred procedures a month?', 'yes'],
    // "Over" before a figure is no end of a block, even from a resident on IR.
    ['does IR do over 500 procedures a month?', 'yes'],
  ])('a figure in words is checked as one in digits: %s', (question, verdict) => {
    const a = ask(question, { as: CASEY });
    expect(a.understanding.intent).toBe('program.volume');
    expect(a.verdict).toBe(verdict);
  });

  it('an option taken more than once is not what the option says', () => {
    const twice = ask('can I do two electives?', { as: CASEY });
    expect(twice.verdict).toBe('unknown');
    expect(twice.text).toContain('replace an interventional radiology month');
    expect(ask('can I do an elective instead of an IR month?', { as: CASEY }).verdict).toBe('yes');
  });

  it.each([
    ['who is the attending on IR this week?', 'the attending'],
    ['which fellows are at the VA in March?', 'fellows'],
    ["who's the faculty at the VA in January?", 'the faculty'],
    ['who is the chief at the VA in March?', 'the chief'],
  ])('people the schedule does not hold are named before its residents: %s', (question, named) => {
    const a = ask(question, { as: CASEY });
    expect(a.text).toMatch(new RegExp(`^I don't have information about “${named}”`));
    expect(a.understanding.intent).toBe('schedule.who');
  });

  it('trainees are the residents', () => {
    const a = ask('which trainees are at the VA in March?', { as: CASEY });
    expect(a.text).not.toContain("I don't have information");
    expect(a.text).toMatch(/at Durham VA in March/);
  });
});

describe('a schedule claim is decided only as far as it is checked', () => {
  const DANA = 'dana.testarossa@example.edu';
  const october = new Date('2026-10-15T15:00:00Z');
  /** Dana's months of a rotation id prefix in the 2026–27 academic year, from the grid. */
  const monthsOf = (prefix: string) =>
    schedule
      .byEmail(DANA)!
      .blocks.filter(
        (b) => b.start >= '2026-07-01' && b.start <= '2027-06-30' && b.rotationId?.startsWith(prefix),
      ).length;

  it('a count stated is compared with the schedule', () => {
    const ir = monthsOf('ir');
    const va = monthsOf('ir-va');
    expect([ir, va]).toEqual([4, 1]);
    const verdictOf = (q: string) => ask(q, { as: DANA, now: october }).verdict;
    expect(verdictOf('do i get 5 months of IR this year?')).toBe('no');
    expect(verdictOf('do I have 4 IR months this year?')).toBe('yes');
    expect(verdictOf('do i have two VA months this year?')).toBe('no');
    expect(verdictOf('am I at the VA more than once this year?')).toBe('no');
    expect(verdictOf('am I at the VA at least once this year?')).toBe('yes');
    expect(verdictOf('do I have less than 2 VA months this year?')).toBe('yes');
  });

  it.each([
    ['is it true that i have more IR months than casey this year', 'ellis.mockingham@example.edu'],
    ['is blair at the VA at the same time as me at all this year', 'avery.samplewood@example.edu'],
    ['does anyone have ICU and surg onc back to back', undefined],
  ])('a schedule set beside another or itself gets its facts without a verdict: %s', (question, as) => {
    const a = ask(question, as ? { as } : {});
    expect(a.verdict).toBe('unknown');
    expect(a.text).toMatch(/^I can't say yes or no from what I know/);
  });

  it('"other than" rules a rotation out and stays decided', () => {
    // NOW is in November 2026: next month is December.
    const casey = schedule.byEmail(CASEY)!;
    const onIr = schedule.blockOn(casey, '2026-12-15')!.rotationId?.startsWith('ir');
    expect(ask('is Casey on something other than IR next month?').verdict).toBe(onIr ? 'no' : 'yes');
  });

  it('a rotation for one kind of patient names the rotations listed for them, undecided', () => {
    const a = ask('is there a pediatric IR rotation?');
    expect(a.verdict).toBe('unknown');
    expect(a.text).toContain('Pediatric Radiology (DR-Peds)');
    expect(a.text).toContain('Adult and pediatric patients are treated in our unified division.');
  });
});

describe('a site named as who does a procedure', () => {
  it('is the site, unless the program is named after it', () => {
    const va = ask('does the VA do TIPS?');
    expect(va.verdict).toBe('unknown');
    expect(va.text).toMatch(/^I can't say for Durham VA in particular/);
    // "Duke" is a word of the program's own name: Duke Interventional Radiology does it.
    expect(ask('does Duke do Y90?').verdict).toBe('yes');
  });
});

describe('procedures named in the words asked', () => {
  it('an unlisted name is said in the order asked, and "do u do" asks the division', () => {
    expect(ask('does IR do hepatic vein pressure measurements?').text).toContain(
      '“hepatic vein pressure measurements”',
    );
    const celiac = ask('do u do celiac plexus blocks');
    expect(celiac.understanding.intent).toBe('procedure.unknown');
    expect(celiac.text).toContain('“celiac plexus”');
  });
});

describe('more of what the facts decide, and what they do not', () => {
  it('the volume of one site is not given; the month figure said of a week is not it', () => {
    const va = ask('how many procedures does the VA do a month');
    expect(va.text).toMatch(/^I can't say for Durham VA in particular/);
    expect(ask('is it 700 procedures a week?').verdict).toBe('no');
    expect(ask('does IR do 175 procedures a week?').verdict).toBe('unknown');
  });

  it("a rotation's site asked as a choice: the schedule gives none for ICU", () => {
    const a = ask('is my ICU at duke or the VA?', { as: 'ellis.mockingham@example.edu' });
    expect(a.text).toContain('the schedule does not say at which site');
    expect(a.text).not.toMatch(/^(Yes|No)\b/);
  });

  it('what the VA has of its own, and where residents operate beyond the referral, are undecided', () => {
    expect(ask('does the VA have its own IR faculty').verdict).toBe('unknown');
    expect(ask('do IR faculty cover the VA?').verdict).toBe('yes');
    const msk = ask('am i primary on drains during MSK', { as: CASEY });
    expect(msk.verdict).toBe('unknown');
    expect(msk.text).toContain('during their abdominal radiology rotations');
  });

  it('a change of the schedule asked for is the coordinator', () => {
    for (const q of ['can i switch ICU to january', 'can I swap my March block with Casey?'])
      expect(ask(q, { as: CASEY }).understanding.intent, q).toBe('program.contact');
    // Without a time, the option of the training.
    expect(ask('can I swap an IR month for an elective?', { as: CASEY }).understanding.intent).toBe(
      'training',
    );
  });

  it('"done so far" counts and lists the months behind, not the one under way', () => {
    const a = ask('how many IR months has casey done so far', { now: new Date('2026-12-02T15:00:00Z') });
    const done = schedule
      .byEmail(CASEY)!
      .blocks.filter((b) => b.rotationId?.startsWith('ir') && b.end < '2026-12-01');
    expect(a.text).toContain(`has done ${done.length} months of Interventional Radiology`);
    expect(a.items).toHaveLength(done.length);
  });

  it('a number that is a span or "again" claims no count', () => {
    const avery = { as: 'avery.samplewood@example.edu', now: new Date('2026-12-02T15:00:00Z') };
    // Avery is on IR in December and January, and again from March.
    expect(ask('am I on IR once more in 2027?', avery).verdict).toBe('yes');
    expect(ask('am I on IR in the next 2 weeks?', avery).verdict).toBe('yes');
    expect(ask('do I have more than 10 IR months left?', avery).verdict).toBe('no');
    expect(ask('am I at the VA twice this year?', avery).verdict).toBe('yes');
  });

  it('words only some answers read are unknown to the others', () => {
    const avery = { as: 'avery.samplewood@example.edu' };
    const supervised = ask('am I supervised on IR?', avery);
    expect(supervised.verdict).toBe('unknown');
    expect(supervised.text).toContain('“supervised”');
    expect(ask('what level is IR?').text).toContain('“level”');
    expect(ask('what year does my residency end?', avery).text).not.toMatch(/^You are R\d/);
  });

  it('a rotation that exists, asked with a year or "next", is read as such', () => {
    expect(ask('is there an ICU rotation in R5?').verdict).toBe('no');
    const casey = ask('do I go to the VA next?', { as: CASEY, now: new Date('2026-12-02T15:00:00Z') });
    expect(casey.text).toMatch(/next rotation/);
  });
});

describe('rotations and levels the program does not have', () => {
  it('a level past the last year is said not to exist', () => {
    expect(ask('is there an R6 year?').verdict).toBe('no');
    expect(ask('what does an R6 do?').text).toContain('R1 to R5: there is no R6');
    expect(ask('what does an R5 do?').understanding.intent).toBe('training');
  });

  it('a rotation the data does not name is no resident, and is said unknown in the words asked', () => {
    const a = ask('is there a cardiology rotation?', { as: CASEY });
    expect(a.understanding.intent).not.toBe('schedule.person');
    expect(a.text).toContain('“a cardiology rotation”');
    expect(a.verdict).toBe('unknown');
  });
});

describe('the last of the review', () => {
  it('a rotation placed beside a time, with "before" no past tense', () => {
    const casey = { as: CASEY, now: new Date('2026-09-10T15:00:00Z') };
    // Casey: ICU in November 2026, Surgical Oncology in January 2027.
    expect(ask('is my ICU before March?', casey).verdict).toBe('yes');
    expect(ask('is my surg onc before christmas?', casey).verdict).toBe('no');
    expect(ask('is my surg onc after christmas?', casey).verdict).toBe('yes');
  });

  it('what the whole month is asked with, the schedule not having it, is named', () => {
    const a = ask('who is working on call in March?');
    expect(a.text).toMatch(/^I don't have information about “call”/);
    expect(a.verdict).toBe('unknown');
  });

  it('the part residents play in an area of work is not said either', () => {
    const a = ask('will I do oncologic therapies myself?', { as: CASEY });
    expect(a.verdict).toBe('unknown');
    expect(a.text).toMatch(/does not say what part residents play in oncologic therapies/);
  });

  it('"will" keeps a month named the next one to come', () => {
    const a = ask('will I be at the VA in October?', { as: CASEY, now: new Date('2026-12-02T15:00:00Z') });
    expect(a.text).toContain('October 2027 is not scheduled yet');
  });
});

describe('a time beside a rotation, never beside who is there', () => {
  it('who is on a rotation after a day is who is there that day', () => {
    const a = ask("who's on ICU after new years", { now: new Date('2026-12-02T15:00:00Z') });
    expect(a.understanding.intent).toBe('schedule.who');
  });

  it('a rotation that fills the time itself is no comparison', () => {
    const a = ask('am i on peds after new years', {
      as: 'harper.exampleton@example.edu',
      now: new Date('2026-12-02T15:00:00Z'),
    });
    expect(a.text).not.toContain("so I can't say whether");
  });

  it('"the only one" is no count', () => {
    const a = ask('am I the only one on ICU in march', { as: 'ellis.mockingham@example.edu' });
    expect(a.text).not.toMatch(/you have 1 month of ICU/);
  });
});
