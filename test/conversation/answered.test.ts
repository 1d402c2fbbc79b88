import { describe, expect, it } from 'vitest';
import type { Frame } from '../../src/core/frame.js';
import { alone, CASEY, conversation, conversationBot, frame, months, shown } from './helpers.js';

/* Follow-ups that point at what the last answer named, a bare month, and messages of two questions. */

const ids = (f: Frame, kind: string) => f.subjects.filter((s) => s.kind === kind).map((s) => s.id);

describe('"that" is what the last answer named', () => {
  it('"is that at the VA?" after "what am I on in March?": a yes/no about that rotation then, with the VA', async () => {
    const chat = conversation(conversationBot());
    const march = await chat.say('what am I on in March?');
    expect(march.verdict).toBe('none');
    const va = await chat.say('is that at the VA?');
    const f = frame(va);
    expect(f.intent).toBe('schedule.mine');
    expect(f.yesNo).toBe(true);
    expect(f.personal).toBe(true);
    expect(ids(f, 'rotation')).toEqual(['ir-duke']);
    expect(ids(f, 'site')).toEqual(['durham-va']);
    expect(months(f)).toEqual(['2027-03']);
    // The schedule decides it: the same verdict as the question asked in full.
    expect(va.verdict).toBe('no');
    expect(va.verdict).toBe((await alone('am I at the VA in March?')).verdict);
  });

  it('the verdict follows the schedule: Yes for a month that is at the VA', async () => {
    const chat = conversation(conversationBot());
    await chat.say('what am I on in May?');
    const va = await chat.say('is that at the VA?');
    expect(ids(frame(va), 'rotation')).toEqual(['ir-va']);
    expect(months(frame(va))).toEqual(['2027-05']);
    expect(va.verdict).toBe('yes');
    expect(va.verdict).toBe((await alone('am I at the VA in May?')).verdict);
  });

  it('a block found by "when is my next…" is "that", at its own time', async () => {
    const chat = conversation(conversationBot(), { asker: { email: CASEY } });
    await chat.say('when is my next ICU month?');
    const va = await chat.say('is that at the VA?');
    expect(ids(frame(va), 'rotation')).toEqual(['icu']);
    expect(months(frame(va))).toEqual(['2026-11']);
    // The schedule gives the ICU month no site: whether it is at the VA is not known.
    expect(va.verdict).toBe('unknown');
  });

  it('"who is there?" after an answer about one block is that block’s site, then', async () => {
    const chat = conversation(conversationBot());
    await chat.say('what am I on in May?');
    const there = await chat.say('who is there?');
    expect(frame(there).intent).toBe('schedule.who');
    expect(ids(frame(there), 'site')).toEqual(['durham-va']);
    expect(shown(there)).toEqual(shown(await alone('who is at the VA in May?')));
  });
});

describe('"who else is there?" leaves out whom the last question was about', () => {
  it('the asker, after a question about their own month', async () => {
    const everyone = await alone('who is at the VA in September 2026?');
    expect(everyone.items?.some((i) => i.startsWith('Avery Samplewood'))).toBe(true);
    const chat = conversation(conversationBot());
    await chat.say('what am I on in September 2026?');
    const others = await chat.say('who else is there?');
    const f = frame(others);
    expect(f.intent).toBe('schedule.who');
    expect(ids(f, 'site')).toEqual(['durham-va']);
    expect(months(f)).toEqual(['2026-09']);
    expect(f.personal).toBe(true);
    expect(others.items).toEqual(everyone.items?.filter((i) => !i.startsWith('Avery Samplewood')));
    expect(others.items).toHaveLength(everyone.items!.length - 1);
    // The same as asked in full.
    expect(shown(others)).toEqual(shown(await alone('who else is at the VA with me in September 2026?')));
  });

  it('a colleague, after a question about them; "who is there?" still lists them', async () => {
    const everyone = await alone('who is at the VA in September 2026?');
    const chat = conversation(conversationBot(), { asker: { email: CASEY } });
    await chat.say('what is Avery on in September 2026?');
    const others = await chat.say('who else is there?');
    expect(frame(others).besides).toEqual(['Avery Samplewood (R5)']);
    expect(frame(others).personal).toBe(false);
    expect(others.items).toEqual(everyone.items?.filter((i) => !i.startsWith('Avery Samplewood')));
    const all = await chat.say('who is there?');
    expect(frame(all).besides).toBeUndefined();
    expect(all.items).toEqual(everyone.items);
  });

  it('says nobody else when the asker was the only one there', async () => {
    const chat = conversation(conversationBot());
    await chat.say('what am I on in May?');
    const others = await chat.say('who else is there?');
    expect(others.items).toBeUndefined();
    expect(others.text).toMatch(/^Nobody else/);
  });
});

describe('"that" after an answer listing several blocks asks which one', () => {
  it('offers each block (back-to-back months as one) and completes the question for the one picked', async () => {
    const chat = conversation(conversationBot());
    const year = await chat.say('what are my rotations this year?');
    expect(year.items).toHaveLength(12);
    const which = await chat.say('is that at the VA?');
    expect(which.intent).toBe('clarify');
    expect(which.verdict).toBe('none');
    // Avery's 2026–27 year: Duke July–August, VA September, Duke October, VA November, Duke
    // December–January, VA February, Duke March–April, VA May, Duke June.
    expect(which.suggestions).toHaveLength(9);
    expect(which.suggestions![0]!.label).toMatch(/July 2026/);
    expect(which.suggestions![0]!.label).toMatch(/August 2026/);
    const september = await chat.say('September');
    const f = frame(september);
    expect(f.intent).toBe('schedule.mine');
    expect(f.yesNo).toBe(true);
    expect(ids(f, 'rotation')).toEqual(['ir-va']);
    expect(ids(f, 'site')).toEqual(['durham-va']);
    expect(months(f)).toEqual(['2026-09']);
    expect(september.verdict).toBe('yes');
  });

  it('a button’s own words, or its place in the list, pick that reading', async () => {
    const byButton = conversation(conversationBot());
    await byButton.say('what are my rotations this year?');
    const which = await byButton.say('is that at the VA?');
    const october = which.suggestions!.find((s) => s.label.includes('October 2026'))!;
    const picked = await byButton.say(october.question);
    expect(months(frame(picked))).toEqual(['2026-10']);
    expect(ids(frame(picked), 'rotation')).toEqual(['ir-duke']);
    expect(picked.verdict).toBe('no');

    const byPlace = conversation(conversationBot());
    await byPlace.say('what are my rotations this year?');
    await byPlace.say('is that at the VA?');
    const first = await byPlace.say('the first one');
    expect(frame(first).time[0]).toMatchObject({ kind: 'range', from: '2026-07-01', to: '2026-08-31' });
    expect(first.verdict).toBe('no');
  });

  it('a comparison and "who else is there?" ask which block too', async () => {
    const chat = conversation(conversationBot());
    await chat.say('what are my rotations this year?');
    expect((await chat.say('is that before or after ICU?')).intent).toBe('clarify');
    const second = await chat.say('the second one');
    expect(frame(second).order).toBe('before-or-after');
    expect(months(frame(second))).toEqual(['2026-09']);
    expect(second.about?.map((b) => [b.rotation, b.from])).toEqual([
      ['ir-va', '2026-09-01'],
      ['icu', '2025-09-01'],
    ]);

    const there = conversation(conversationBot());
    await there.say('what are my rotations this year?');
    expect((await there.say('who else is there?')).intent).toBe('clarify');
    const picked = await there.say('September');
    expect(frame(picked).intent).toBe('schedule.who');
    expect(ids(frame(picked), 'site')).toEqual(['durham-va']);
    expect(months(frame(picked))).toEqual(['2026-09']);
    expect(picked.items?.some((i) => i.startsWith('Avery Samplewood'))).toBe(false);
  });
});

describe('"is that before or after ICU?" compares on the schedule', () => {
  it('reads a comparison of that block with the subject named', async () => {
    const chat = conversation(conversationBot());
    await chat.say('what am I on in March?');
    const which = await chat.say('is that before or after ICU?');
    const f = frame(which);
    expect(f.order).toBe('before-or-after');
    expect(f.yesNo).toBe(false);
    expect(ids(f, 'rotation')).toEqual(['icu']);
    expect(months(f)).toEqual(['2027-03']);
    expect(which.verdict).toBe('none');
    expect(which.unanswered ?? false).toBe(false);
    // Avery's only ICU month (September 2025) is the one it is compared with.
    expect(which.about?.map((b) => [b.rotation, b.from])).toEqual([
      ['ir-duke', '2027-03-01'],
      ['icu', '2025-09-01'],
    ]);
  });

  it('one direction asks yes or no, decided by the dates', async () => {
    for (const [question, verdict] of [
      ['is that after ICU?', 'yes'],
      ['is that before ICU?', 'no'],
    ] as const) {
      const chat = conversation(conversationBot());
      await chat.say('what am I on in March?');
      const a = await chat.say(question);
      expect(frame(a).order, question).toBe(question.includes('after') ? 'after' : 'before');
      expect(frame(a).yesNo, question).toBe(true);
      expect(a.verdict, question).toBe(verdict);
    }
    // Casey's ICU is November 2026, after the VA month (October 2026) and before March 2027.
    const casey = conversation(conversationBot(), { asker: { email: CASEY } });
    await casey.say('when is my next ICU month?');
    const a = await casey.say('is that after my VA month?');
    expect(months(frame(a))).toEqual(['2026-11']);
    expect(a.verdict).toBe('yes');
  });

  it('an honest unknown when the schedule has no such block to compare with', async () => {
    const chat = conversation(conversationBot());
    await chat.say('what am I on in March?');
    const a = await chat.say('is that before or after mammo?');
    expect(frame(a).order).toBe('before-or-after');
    expect(a.verdict).toBe('unknown');
  });

  it('"the month after" still moves the time: a unit beside "after" is no comparison', async () => {
    const chat = conversation(conversationBot());
    await chat.say('what am I on in March?');
    const after = await chat.say('and the month after?');
    expect(frame(after).order).toBeUndefined();
    expect(months(frame(after))).toEqual(['2027-04']);
  });
});

describe('a bare "May" after a schedule question is the month', () => {
  it('"and May?", "May?", "what about may" read as May', async () => {
    const expected = shown(await alone('what am I on in May?'));
    for (const q of ['and May?', 'May?', 'what about may']) {
      const chat = conversation(conversationBot());
      await chat.say('what am I on in March?');
      const may = await chat.say(q);
      expect(frame(may).intent, q).toBe('schedule.mine');
      expect(months(frame(may)), q).toEqual(['2027-05']);
      expect(shown(may), q).toEqual(expected);
    }
  });

  it('is not a month without a schedule question before it, nor beside other words', async () => {
    expect(months(frame(await alone('and May?')))).toEqual([]);
    const procedures = conversation(conversationBot());
    await procedures.say('does IR do TIPS?');
    expect(months(frame(await procedures.say('and May?')))).toEqual([]);
    const polite = conversation(conversationBot());
    await polite.say('what am I on in March?');
    const asked = await polite.say('may I ask what I am on next month?');
    expect(shown(asked)).toEqual(shown(await alone('may I ask what I am on next month?')));
  });
});

describe('every question of a message is completed', () => {
  it('both follow-ups of "and April? and what about May?"', async () => {
    const chat = conversation(conversationBot());
    await chat.say('who is on IR in March?');
    const both = await chat.say('and April? and what about May?');
    expect(both.frames).toHaveLength(2);
    for (const [i, month] of ['2027-04', '2027-05'].entries()) {
      expect(frame(both, i).intent).toBe('schedule.who');
      expect(ids(frame(both, i), 'group')).toEqual(['ir']);
      expect(months(frame(both, i))).toEqual([month]);
    }
  });

  it('a later question from an earlier one in the same message', async () => {
    const chat = conversation(conversationBot());
    const both = await chat.say('what is Casey on in March? and in April?');
    expect(frame(both, 1).intent).toBe('schedule.person');
    expect(frame(both, 1).people[0]?.candidates).toEqual(['Casey Demoreaux (R4)']);
    expect(months(frame(both, 1))).toEqual(['2027-04']);
    const then = await chat.say('what about April? Who is on ICU then?');
    expect(months(frame(then, 1))).toEqual(['2027-04']);
    expect(ids(frame(then, 1), 'rotation')).toEqual(['icu']);
  });

  it('the next follow-up continues the last question of the message', async () => {
    const chat = conversation(conversationBot());
    await chat.say('what am I on in March? and May?');
    const va = await chat.say('is that at the VA?');
    expect(months(frame(va))).toEqual(['2027-05']);
    expect(va.verdict).toBe('yes');
  });

  it('a second question that stands alone is answered as itself', async () => {
    const chat = conversation(conversationBot());
    await chat.say('who is on IR in March?');
    const both = await chat.say('and April? and does IR do TIPS?');
    expect(months(frame(both, 0))).toEqual(['2027-04']);
    expect(frame(both, 1).intent).toBe('procedure.does');
    expect(months(frame(both, 1))).toEqual([]);
  });
});

describe('a follow-up naming a procedure after a category', () => {
  it('"and TIPS?" after the procedures of a category answers TIPS', async () => {
    const chat = conversation(conversationBot());
    await chat.say("what falls under women's health");
    const tips = await chat.say('and TIPS?');
    expect(tips.intent).not.toBe('error');
    expect(tips.factIds).toContain('tips');
  });
});
