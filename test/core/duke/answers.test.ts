import { describe, expect, it } from 'vitest';
import { describeRotation } from '../../../src/knowledge/rotation-names.js';
import { addMonths, localDate, monthOf } from '../../../src/time/local-date.js';
import { ask, knowledge, NOW, schedule, verdict } from '../helpers.js';

const r4 = schedule.residents.find((r) => r.level === 'R4')!;
const r5 = schedule.residents.find((r) => r.level === 'R5')!;
const nameOn = (email: string, date: string) => {
  const b = schedule.blockOn(schedule.byEmail(email)!, date)!;
  return describeRotation(knowledge, b).text;
};

describe('yes/no questions are answered Yes or No first', () => {
  it('says Yes for every listed procedure, with its category', () => {
    for (const p of knowledge.procedures) {
      const a = ask(`Does IR do ${p.aliases[0] ?? p.name}?`);
      expect(verdict(a), p.id).toBe('Yes');
      expect(a.factIds).toContain(p.id);
      const category = knowledge.categories.find((c) => c.id === p.category)!;
      expect(a.text.toLowerCase()).toContain(category.name.toLowerCase());
    }
  });

  it('says No for biopsies and drainages and names the diagnostic radiology divisions', () => {
    for (const x of knowledge.exclusions) {
      const a = ask(`can interventional radiology do ${x.name.toLowerCase()}`);
      expect(verdict(a)).toBe('No');
      for (const id of x.done_by) {
        const division = knowledge.divisions.find((d) => d.id === id)!;
        expect(a.text.toLowerCase()).toContain(division.name.toLowerCase());
      }
      expect(a.text).toMatch(/primary operator/);
    }
  });

  it('answers from the subject asked about: the DR divisions do biopsies', () => {
    expect(verdict(ask('does DR do biopsies?'))).toBe('Yes');
    expect(verdict(ask('does the abdominal imaging division do drainages?'))).toBe('Yes');
  });

  it('does not start a question that is not yes/no with Yes or No', () => {
    for (const text of ['TIPS?', 'tell me about y90', 'biopsies'])
      expect(['Yes', 'No']).not.toContain(verdict(ask(text)));
  });

  it('answers facts of the division yes or no', () => {
    expect(verdict(ask('Does IR treat pediatric patients?'))).toBe('Yes');
    expect(verdict(ask('Do you guys see adults?'))).toBe('Yes');
    expect(verdict(ask('Is there a separate pediatric IR division?'))).toBe('No');
    expect(verdict(ask('Does Duke IR cover the VA?'))).toBe('Yes');
    expect(verdict(ask('Are R1-R3 the same as DR residency?'))).toBe('Yes');
    expect(verdict(ask('can I swap an IR month for an elective?'))).toBe('Yes');
  });
});

describe('honesty', () => {
  it('gives neither yes nor no for a procedure the knowledge base does not list, and names whom to ask', () => {
    for (const text of [
      'does IR do kyphoplasty?',
      'do you do vertebroplasty',
      'does IR place IVC filters?',
    ]) {
      const a = ask(text);
      expect(['Yes', 'No']).not.toContain(verdict(a));
      expect(a.unanswered).toBe(true);
      expect(a.text.toLowerCase()).toContain(knowledge.program.contact.name.toLowerCase());
    }
  });

  it('falls back honestly with suggestions on a question it cannot place', () => {
    const a = ask('what is the parking situation');
    expect(a.intent).toBe('fallback');
    expect(a.unanswered).toBe(true);
    expect(a.suggestions?.length).toBeGreaterThan(0);
  });
});

describe('facts of the program description', () => {
  it('gives the volume, the VA, the patients and the training years from the knowledge base', () => {
    expect(ask('how many procedures a month').text).toContain(
      String(knowledge.program.volume.procedures_per_month),
    );
    expect(ask('where is the VA?').text).toMatch(/across the street/);
    const r4year = ask('what is the R4 year like?');
    for (const m of knowledge.training.years.find((y) => y.id === 'r4')!.months) {
      expect(r4year.items!.join(' ')).toContain(String(m.months));
    }
    expect(ask('what is the R5 year like?').text).toMatch(/12 months/);
  });

  it('derives facts: IR months across R4 and R5, residency length, which year has research', () => {
    const irMonths = knowledge.training.years.reduce(
      (n, y) => n + (y.months.find((m) => m.group === 'ir')?.months ?? 0),
      0,
    );
    expect(ask('how many IR months are there in total?').text).toContain(`${irMonths} months`);
    expect(ask('how long is the residency?').text).toMatch(/five years|5 years/i);
    expect(ask('which year has research?').text).toMatch(/R4/);
    expect(ask('how many ICU months are there?').text).toMatch(/1 month/);
  });
});

describe('the asker’s own schedule', () => {
  it('answers this month and next month from the schedule', () => {
    const today = localDate(NOW, 'America/New_York');
    expect(ask('what am I on?', { as: r4.email }).text).toContain(nameOn(r4.email, today));
    const next = `${addMonths(monthOf(today), 1)}-15`;
    expect(ask('what am I on next month?', { as: r4.email }).text).toContain(nameOn(r4.email, next));
  });

  it('reads "this month" in the program time zone: 23:30 on 30 November in Durham is November', () => {
    const lateNight = new Date('2026-12-01T04:30:00Z');
    const a = ask('what am I on this month?', { as: r5.email, now: lateNight });
    expect(a.text).toContain('November 2026');
    expect(a.text).toContain(nameOn(r5.email, '2026-11-30'));
  });

  it('says a month the schedule does not cover is not scheduled yet, never another year', () => {
    const last = schedule.coverage!.last;
    const after = addMonths(monthOf(last), 2);
    const a = ask(`what am I on in ${after}?`, { as: r4.email });
    expect(a.text).toMatch(/not scheduled yet/);
    expect(a.factIds.filter((f) => f.includes('.csv'))).toEqual([]);
  });

  it('says a time before the schedule starts is before it, not "not scheduled yet", in every answer', () => {
    const first = schedule.coverage!.first;
    const year = Number(first.slice(0, 4)) - 3;
    for (const q of [
      `who is on IR in ${year}?`,
      `who was at the VA in March ${year}?`,
      `what was I on in ${year}?`,
    ]) {
      const a = ask(q, { as: r4.email });
      expect(a.text, q).toMatch(new RegExp(`^(March )?${year} is before the schedule starts`));
      expect(a.factIds.filter((f) => f.includes('.csv'))).toEqual([]);
    }
  });

  it('says which months of a year asked are before the schedule starts, not "not scheduled yet"', () => {
    const first = schedule.coverage!.first;
    const before = Number(first.slice(5, 7)) - 1;
    expect(before).toBeGreaterThan(0);
    const a = ask(`what was I on in ${first.slice(0, 4)}?`, { as: r4.email });
    expect(a.text).toContain(`${before} months of ${first.slice(0, 4)} are before the schedule starts`);
    expect(a.text).not.toMatch(/not scheduled yet/);
  });

  it('"what am I on after ICU?" just after ICU names the block after that one', () => {
    // A resident whose last ICU block ended before today, with a different block after it.
    const today = '2026-11-28';
    const done = schedule.residents.find((r) => {
      const icu = r.blocks.findLast((b) => b.rotationId === 'icu');
      return icu && icu.end < today && !r.blocks.some((b) => b.rotationId === 'icu' && b.end >= today);
    })!;
    expect(done).toBeDefined();
    const icu = done.blocks.findLast((b) => b.rotationId === 'icu')!;
    const next = done.blocks.find((b) => b.start > icu.end && b.rotationId !== 'icu')!;
    const a = ask('what am I on after ICU?', { as: done.email });
    expect(a.factIds).toContain(next.source);
    expect(a.text).not.toMatch(/no further rotation|nothing else/);
  });

  it('"what was I on before ICU?" names the block before the ICU block', () => {
    const today = '2026-11-28';
    let checked = 0;
    for (const r of schedule.residents) {
      const icu =
        r.blocks.find((b) => b.rotationId === 'icu' && b.end >= today) ??
        r.blocks.findLast((b) => b.rotationId === 'icu');
      const prior = icu && r.blocks.findLast((b) => b.end < icu.start && b.rotationId !== 'icu');
      if (!prior) continue;
      checked++;
      const a = ask('what was I on before ICU?', { as: r.email });
      expect(a.factIds, r.name).toContain(prior.source);
      expect(a.text, r.name).toMatch(/^Before ICU/);
    }
    expect(checked).toBeGreaterThan(2);
  });

  it('"what was my first rotation?" is the first on the schedule, not the one now', () => {
    for (const r of schedule.residents) {
      const a = ask('what was my first rotation?', { as: r.email });
      // That one block, and no other of the schedule's.
      expect(
        a.factIds.filter((f) => f.includes('.csv')),
        r.name,
      ).toEqual([r.blocks[0]!.source]);
      expect(a.text, r.name).toMatch(/first rotation/);
    }
  });

  it('finds the next block of a rotation, and the last one in the past tense', () => {
    const today = '2026-11-28';
    const icuAfter = (r: (typeof schedule.residents)[number]) =>
      r.blocks.find((b) => b.rotationId === 'icu' && b.start > today);
    const ahead = schedule.residents.find((r) => icuAfter(r))!;
    expect(ahead).toBeDefined();
    const icu = ask('when is my next ICU month?', { as: ahead.email });
    expect(icu.factIds).toContain(icuAfter(ahead)!.source);
    const lastIcu = [...r4.blocks].reverse().find((b) => b.rotationId === 'icu' && b.start <= today);
    expect(lastIcu).toBeDefined();
    const past = ask('when was I on ICU?', { as: r4.email });
    expect(past.factIds).toContain(lastIcu!.source);
  });

  it('tells an unknown asker so, and never answers with someone else’s rotation', () => {
    const anonymous = ask('what am I on next month?');
    expect(anonymous.unanswered).toBe(true);
    expect(anonymous.text).toMatch(/don't know who you are/);
    const stranger = ask('what am I on next month?', { as: 'someone@elsewhere.org' });
    expect(stranger.text).toMatch(/can't find you/);
    expect(stranger.factIds).toEqual([]);
  });
});

describe('others on the schedule', () => {
  it('lists who is at the VA in a month by name and level, never by email', () => {
    const a = ask('who is at the VA in March?');
    const expected = schedule.assignmentsInMonth('2027-03').filter((x) => x.block.rotationId === 'ir-va');
    expect(a.items).toHaveLength(expected.length);
    for (const x of expected) expect(a.items!.join('\n')).toContain(x.resident.name);
    expect(`${a.text}${a.items!.join('')}`).not.toMatch(/@/);
  });

  it('treats IR as both sites', () => {
    const a = ask('who is on IR next month?');
    const expected = new Set(
      schedule
        .assignmentsInMonth('2026-12')
        .filter((x) => x.block.rotationId?.startsWith('ir-'))
        .map((x) => x.resident.name),
    );
    expect(a.items!.length).toBe(expected.size);
  });

  it('"is everyone …?" and "are the R4s all …?" say Yes only when nobody asked about is elsewhere', () => {
    const month = '2027-05';
    const levels = [...new Set(schedule.residents.map((r) => r.level))];
    const everyone = schedule.assignmentsInMonth(month);
    for (const rotation of ['IR', 'ICU']) {
      const on = (x: (typeof everyone)[number]) =>
        rotation === 'IR' ? Boolean(x.block.rotationId?.startsWith('ir-')) : x.block.rotationId === 'icu';
      const all = everyone.length > 0 && everyone.every(on);
      expect(verdict(ask(`is everyone on ${rotation} in May?`)), rotation).toBe(all ? 'Yes' : 'No');
      for (const level of levels) {
        const atLevel = everyone.filter((x) => x.resident.level === level);
        const q = `are the ${level}s all on ${rotation} in May?`;
        expect(atLevel.length, q).toBeGreaterThan(0);
        expect(verdict(ask(q)), q).toBe(atLevel.every(on) ? 'Yes' : 'No');
      }
    }
    // Both answers occur, so neither is the only one given.
    const verdicts = levels.map((level) => verdict(ask(`are all the ${level}s on IR in May?`)));
    expect(verdicts).toContain('Yes');
    expect(verdicts).toContain('No');
  });

  it('"isn\'t Casey on IR?" asks about Casey, and a claim with a ruled-out rotation is turned round once', () => {
    for (const r of schedule.residents) {
      const onIr = Boolean(schedule.blockOn(r, '2026-12-15')!.rotationId?.startsWith('ir-'));
      expect(verdict(ask(`isn't ${r.name} on IR in December?`)), r.name).toBe(onIr ? 'Yes' : 'No');
      expect(verdict(ask(`${r.name} isn't on IR in December, right?`)), r.name).toBe(onIr ? 'No' : 'Yes');
    }
  });

  it('two months asked together are each answered: "or" holds when one does, "and" when both do', () => {
    const months = ['2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06'];
    const name = (m: string) => new Date(`${m}-15T12:00:00Z`).toLocaleString('en-US', { month: 'long' });
    const atVa = (r: (typeof schedule.residents)[number], m: string) =>
      schedule.blockOn(r, `${m}-15`)?.rotationId === 'ir-va';
    const r = schedule.residents.find(
      (x) => months.some((m) => atVa(x, m)) && months.some((m) => !atVa(x, m)),
    )!;
    expect(r).toBeDefined();
    const va = months.find((m) => atVa(r, m))!;
    const [notVa, notVa2] = months.filter((m) => !atVa(r, m));
    expect(notVa2).toBeDefined();
    const q = (a: string, joiner: string, b: string) =>
      ask(`is ${r.name} at the VA in ${name(a)} ${joiner} ${name(b)}?`);
    const either = q(notVa!, 'or', va);
    expect(either.verdict).toBe('yes');
    // The month that holds comes first, and both are answered.
    expect(either.text).toMatch(/^Yes — /);
    expect(either.text).toContain(`${name(va)} 2027`);
    expect(either.text).toContain(`${name(notVa!)} 2027`);
    expect(q(notVa!, 'or', notVa2!).verdict).toBe('no');
    expect(q(notVa!, 'and', va).verdict).toBe('partly');
  });

  it('"not on", "off" and "anything but" rule a rotation out, in who-is and in yes/no', () => {
    const isIr = (id: string | null) => Boolean(id?.startsWith('ir-'));
    const notOnIr = new Set(
      schedule
        .assignmentsInMonth('2026-12')
        .filter((x) => !isIr(x.block.rotationId))
        .map((x) => x.resident.name),
    );
    expect(notOnIr.size).toBeGreaterThan(0);
    for (const q of [
      'who is not on IR next month?',
      "who isn't on IR next month",
      'who is off IR next month?',
    ]) {
      const a = ask(q);
      expect(a.intent, q).toBe('schedule.who');
      expect(new Set(a.items!.map((line) => line.replace(/ \(.*$/, ''))), q).toEqual(notOnIr);
    }
    // Yes/No says whether the resident is on anything but IR.
    for (const r of schedule.residents) {
      const onIr = isIr(schedule.blockOn(r, '2026-12-15')!.rotationId);
      expect(verdict(ask(`is ${r.name} not on IR next month?`)), r.name).toBe(onIr ? 'No' : 'Yes');
      expect(verdict(ask(`is ${r.name} on something other than IR next month?`)), r.name).toBe(
        onIr ? 'No' : 'Yes',
      );
    }
  });

  it('a level at a time is who of that level is on what then, with the level at that time', () => {
    // NOW is in the 2026–27 academic year; March 2026 was in 2025–26, when today's R5s were R4s.
    const onIn = (month: string, level: string) =>
      new Set(
        schedule
          .assignmentsInMonth(month)
          .filter((x) => x.resident.level === level)
          .map((x) => x.resident.name),
      );
    const cases: Array<[string, string, string]> = [
      ['what are the R4s on next month?', '2026-12', 'R4'],
      ['what are the R1s on?', '2026-11', 'R1'],
      ['how many R5s are there?', '2026-11', 'R5'],
      ['what were the R4s doing in March 2026?', '2026-03', 'R5'],
      ['who were the R3s in March 2026?', '2026-03', 'R4'],
    ];
    for (const [q, month, nowLevel] of cases) {
      const a = ask(q);
      const expected = onIn(month, nowLevel);
      expect(expected.size, q).toBeGreaterThan(0);
      expect(a.intent, q).toBe('schedule.who');
      expect(new Set(a.items!.map((line) => line.replace(/ \(.*$/, ''))), q).toEqual(expected);
      expect(a.text, q).toMatch(/^\d+ R\d residents? (is|are|were) on the schedule (in|this month)/);
    }
    // Today's residents were none of them R5s a year ago: they are not on this schedule.
    const gone = ask('who were the R5s in March 2026?');
    expect(gone.text).toMatch(/not on the schedule/);
    expect(gone.items ?? []).toEqual([]);
  });

  it('answers what a named resident is on, by full, first, last and Dr. name', () => {
    const [first, ...rest] = r5.name.split(' ');
    const last = rest.join(' ');
    const expected = nameOn(r5.email, '2026-12-15');
    for (const name of [r5.name, first, last, `Dr. ${last}`]) {
      const a = ask(`what is ${name} on next month?`);
      expect(a.intent, name).toBe('schedule.person');
      expect(a.text, name).toContain(expected);
    }
  });
});

describe('calendar link', () => {
  it('is given only in a private conversation, to a resident on the schedule', () => {
    const url = 'https://rotabot.example.edu/calendar/abc.ics';
    expect(
      ask('how do I put my schedule in my calendar?', { as: r4.email, calendarUrl: url }).text,
    ).toContain(url);
    expect(
      ask('calendar link?', { as: r4.email, calendarUrl: url, conversation: 'channel' }).text,
    ).not.toContain(url);
    expect(ask('calendar link?', { calendarUrl: url }).text).not.toContain(url);
  });

  it('is marked private, alone or beside another question, and nothing public is', () => {
    const url = 'https://rotabot.example.edu/calendar/abc.ics';
    expect(ask('calendar link?', { as: r4.email, calendarUrl: url }).private).toBe(true);
    expect(
      ask('calendar link?', { as: r4.email, calendarUrl: url, conversation: 'channel' }).private,
    ).toBeUndefined();
    expect(ask('does IR do TIPS?', { as: r4.email, calendarUrl: url }).private).toBeUndefined();
  });
});

describe('how a question is put', () => {
  it('reads chat shorthand as the words it stands for ("what r u on next mo", "the sched")', () => {
    const as = { as: r4.email };
    const plain = ask('what are you on next month?', as).text;
    expect(ask('what r u on next mo', as).text).toBe(plain);
    expect(ask("what's the sched for next month", as).text).toBe(plain);
  });

  it('checks a stated number instead of just the presence of a month', () => {
    const research = knowledge.training.years
      .find((y) => y.id === 'r4')!
      .months.find((m) => m.group === 'research')!;
    expect(verdict(ask(`does R4 have ${research.months} research months?`))).toBe('Yes');
    expect(verdict(ask(`does R4 have ${research.months + 1} research months?`))).toBe('No');
    expect(
      verdict(ask(`is the residency ${knowledge.training.residency.length_years - 1} years long?`)),
    ).toBe('No');
  });

  it('answers tag questions and negated claims by whether the claim holds', () => {
    expect(verdict(ask('IR does TIPS, right?'))).toBe('Yes');
    expect(verdict(ask("IR doesn't do biopsies, right?"))).toBe('Yes');
    expect(verdict(ask('I heard IR does not treat kids, true?'))).toBe('No');
  });

  it('gives no verdict to an either/or question', () => {
    expect(['Yes', 'No']).not.toContain(verdict(ask('is TIPS hepatobiliary or venous access?')));
  });

  it('says a date that does not exist is not a date, instead of answering about another day', () => {
    for (const text of ['what am I on 4/31?', 'what am I on feb 30']) {
      const a = ask(text, { as: r4.email });
      expect(a.unanswered).toBe(true);
      expect(a.factIds).toEqual([]);
    }
  });

  it('reads mistyped month and resident names', () => {
    expect(ask('what am I on in janaury', { as: r4.email }).text).toContain('January');
    const [, last] = r5.name.split(' ');
    const typo = `${last!.slice(0, 3)}${last!.slice(4)}`;
    expect(ask(`where is dr ${typo} next month`).intent).toBe('schedule.person');
    expect(ask(`where is dr ${typo} next month`).text).toContain(r5.name);
  });
});

describe('the whole month asked without "everyone"', () => {
  it.each(["who's working in March?", 'who is on a rotation in March?', 'who is rotating in April?'])(
    '%s lists every resident of the month',
    (question) => {
      const a = ask(question);
      expect(a.understanding.intent).toBe('schedule.who');
      expect(a.items).toHaveLength(schedule.residents.length);
    },
  );

  it('the asker on a rotation stays the asker', () => {
    const a = ask('am I on a rotation in March?', { as: 'avery.samplewood@example.edu' });
    expect(a.understanding.intent).toBe('schedule.mine');
  });
});

describe('whether the program has a rotation', () => {
  it.each([
    ['is there a peds rotation?', 'dr-peds'],
    ['is there a pediatric radiology rotation?', 'dr-peds'],
    ['do we rotate on peds?', 'dr-peds'],
    ['do residents rotate on nucs?', 'dr-nucs'],
    ['is there an ICU rotation?', 'icu'],
  ])('%s', (question, id) => {
    // Asked by a resident, and never read as the asker's own schedule.
    const a = ask(question, { as: 'avery.samplewood@example.edu' });
    expect(a.understanding.intent).toBe('rotation.info');
    expect(a.factIds).toContain(id);
    expect(a.verdict).toBe('yes');
  });

  it("the asker's own rotating is read from the whole schedule", () => {
    const has = (email: string) => schedule.byEmail(email)!.blocks.some((b) => b.rotationId === 'dr-peds');
    expect(has('avery.samplewood@example.edu')).toBe(false);
    expect(has('harper.exampleton@example.edu')).toBe(true);
    expect(ask('do I rotate on peds?', { as: 'avery.samplewood@example.edu' }).verdict).toBe('no');
    const harper = ask('do I rotate on peds?', { as: 'harper.exampleton@example.edu' });
    expect(harper.verdict).toBe('yes');
    expect(harper.text).toContain('January 2027');
  });
});

describe("a resident's level", () => {
  it.each([
    ['what level is harper', 'harper.exampleton@example.edu'],
    ["whats renee's pgy", 'renee.fauxley@example.edu'],
    ['what PGY is Casey?', 'casey.demoreaux@example.edu'],
    ['what year is Blair in?', 'blair.fictionson@example.edu'],
  ])('%s', (question, email) => {
    const a = ask(question);
    expect(a.text).toMatch(
      new RegExp(`^${schedule.byEmail(email)!.name} is ${schedule.byEmail(email)!.level}\\b`),
    );
  });

  it("the asker's own, with the year's other name in the words asked", () => {
    const casey = schedule.byEmail('casey.demoreaux@example.edu')!;
    expect(ask('what year am i', { as: casey.email }).text).toMatch(new RegExp(`^You are ${casey.level}\\b`));
    expect(ask("whats renee's pgy").text).toContain('(PGY-3)');
    // "What year is the research month?" is still the training's.
    expect(ask('what year is the research month?').understanding.intent).toBe('training');
  });
});

describe('what follows a rotation, and whether a year differs', () => {
  it('"what\'s after neuro?" is the asker\'s block after it', () => {
    const a = ask("what's after neuro", {
      as: 'ellis.mockingham@example.edu',
      now: new Date('2027-05-10T15:00:00Z'),
    });
    expect(a.understanding.intent).toBe('schedule.mine');
    expect(a.text).toMatch(/^After Neuroradiology \(May 2027\), you are on Research/);
  });

  it('a year "different from" the one it is identical to is No, in any spelling', () => {
    expect(ask('is the R2 year different from DR residency?').verdict).toBe('no');
    expect(ask('is the R2 year diff from DR residency').verdict).toBe('no');
    expect(ask('is R4 different from DR residency?').verdict).toBe('yes');
    expect(ask('is R2 the same as DR?').verdict).toBe('yes');
  });
});

describe("a count in the asker's own training year", () => {
  it('reads the academic year in which the asker is at that level', () => {
    const a = ask('how many VA months do I have in my R5 year', {
      as: 'avery.samplewood@example.edu',
      now: new Date('2026-12-02T15:00:00Z'),
    });
    const va = schedule
      .byEmail('avery.samplewood@example.edu')!
      .blocks.filter((b) => b.rotationId === 'ir-va' && b.start >= '2026-07-01' && b.start <= '2027-06-30');
    expect(a.understanding.intent).toBe('schedule.mine');
    expect(a.text).toContain(
      `${va.length} months of Interventional Radiology at the Durham VA in your R5 year (2026–27)`,
    );
  });
});

describe("the program's sites counted, and halves of a year", () => {
  it('how many sites, and a count of them claimed', () => {
    const n = knowledge.program.sites.length;
    expect(ask('how many sites are there?').text).toMatch(new RegExp(`has ${n} sites`));
    expect(ask(`are there ${n} sites`).verdict).toBe('yes');
    expect(ask(`are there ${n + 1} hospitals?`).verdict).toBe('no');
  });

  it('the first half of a calendar year, and the second half of the academic one', () => {
    const now = new Date('2026-12-02T15:00:00Z');
    const as = 'avery.samplewood@example.edu';
    expect(ask('first half of 2027 schedule?', { as, now }).text).toMatch(/January 2027 to June 2027/);
    expect(ask("what's my schedule for the second half of the year?", { as, now }).text).toMatch(
      /January 2027 to June 2027/,
    );
  });
});
