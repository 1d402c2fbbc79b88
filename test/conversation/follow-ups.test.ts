import { describe, expect, it } from 'vitest';
import { createSchedule } from '../../src/schedule/index.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { schedule } from '../core/helpers.js';
import { downStore } from '../support/runtime.js';
import { AVERY, alone, CASEY, conversation, conversationBot, months, NOW, shown } from './helpers.js';

describe('follow-ups are completed from the conversation', () => {
  it('a new time: "and April?", "the month after", "what about next year?"', async () => {
    const chat = conversation(conversationBot());
    await chat.say('who is on IR in March?');
    const april = await chat.say('and April?');
    expect(april.intent).toBe('schedule.who');
    expect(shown(april)).toEqual(shown(await alone('who is on IR in April?')));
    expect(april.text).toMatch(/Interventional Radiology in April 2027/);
    expect(shown(await chat.say('the month after'))).toEqual(shown(await alone('who is on IR in May?')));
    const nextYear = await chat.say('what about next year?');
    expect(shown(nextYear)).toEqual(shown(await alone('who is on IR next year?')));
    // What was taken from before is said when the answer itself does not name it.
    expect(nextYear.text).toMatch(/\(I took Interventional Radiology from your last question\.\)$/);
  });

  it('"and the month after?" after the asker’s own month', async () => {
    const chat = conversation(conversationBot());
    await chat.say('what am I on next month?');
    const after = await chat.say('and the month after?');
    expect(after.unanswered ?? false).toBe(false);
    expect(shown(after)).toEqual(shown(await alone('what am I on in January 2027?')));
  });

  it('a new person ("what about Casey?"), a pronoun for them ("and her?"), and back to me', async () => {
    const chat = conversation(conversationBot());
    await chat.say('what am I on in March?');
    const casey = await chat.say('what about Casey?');
    expect(casey.intent).toBe('schedule.person');
    expect(shown(casey)).toEqual(shown(await alone('what is Casey on in March?')));
    expect(shown(await chat.say('and me?'))).toEqual(shown(await alone('what am I on in March?')));
    expect(shown(await chat.say('and her?'))).toEqual(shown(await alone('what is Casey on in March?')));
    const may = await chat.say('what is she on in June?');
    expect(shown(may)).toEqual(shown(await alone('what is Casey on in June?')));
  });

  it('a new subject with the same question: "and the VA?", "what about biopsies?"', async () => {
    const chat = conversation(conversationBot());
    await chat.say('who is on IR in March?');
    expect(shown(await chat.say('and the VA?'))).toEqual(shown(await alone('who is at the VA in March?')));
    const procedures = conversation(conversationBot());
    expect((await procedures.say('does IR do TIPS?')).verdict).toBe('yes');
    const biopsies = await procedures.say('what about biopsies?');
    expect(biopsies.verdict).toBe('no');
    expect(shown(biopsies)).toEqual(shown(await alone('does IR do biopsies?')));
  });

  it('a level after a colleague asks about that level, and a person after a level about that person', async () => {
    const chat = conversation(conversationBot(), { asker: { email: CASEY } });
    await chat.say('what is Harper on next month?');
    const r2 = await chat.say('and the R2s?');
    expect(r2.intent).toBe('schedule.who');
    expect(shown(r2)).toEqual(shown(await alone('what are the R2s on next month?')));
    const blair = await chat.say('what about Blair?');
    expect(shown(blair)).toEqual(shown(await alone('what is Blair on next month?')));
    expect(blair.text).not.toMatch(/I took R2/);
  });

  it('what a question ruled out stays ruled out: "who is not on IR?" then "and the month after?"', async () => {
    const chat = conversation(conversationBot());
    await chat.say('who is not on IR next month?');
    const after = await chat.say('and the month after?');
    expect(shown(after)).toEqual(shown(await alone('who is not on IR in January 2027?')));
    expect(after.text).toMatch(/other than Interventional Radiology/);
  });

  it('a procedure after one the data does not list is asked the same way, and the other way round', async () => {
    const chat = conversation(conversationBot());
    expect((await chat.say('does IR do kyphoplasty?')).intent).toBe('procedure.unknown');
    // A listed one next: whether the division does it, not "“tip” is not among the procedures".
    const tips = await chat.say('and TIPS?');
    expect(tips.verdict).toBe('yes');
    expect(shown(tips)).toEqual(shown(await alone('does IR do TIPS?')));
    // An unlisted one after a listed one: neither yes nor no, naming it.
    const unlisted = await chat.say('and vertebroplasty?');
    expect(unlisted.intent).toBe('procedure.unknown');
    expect(unlisted.verdict).toBe('unknown');
    expect(unlisted.text).toContain('“vertebroplasty”');
    expect((await chat.say('what about biopsies?')).verdict).toBe('no');
  });

  it('a pronoun for the last subject: "when does it end?", "is that at the VA?", "who else is there?"', async () => {
    const chat = conversation(conversationBot(), { asker: { email: CASEY } });
    await chat.say('when is my next ICU month?');
    const end = await chat.say('when does it end?');
    expect(shown(end)).toEqual(shown(await alone('when does my ICU end?', CASEY)));
    expect(end.text).toMatch(/ICU/);
    const va = await chat.say('is that at the VA?');
    // The schedule gives the ICU month no site: where it is, is not known.
    expect(va.verdict).toBe('unknown');
    expect(va.text).toMatch(/ICU/);

    const there = conversation(conversationBot());
    await there.say('who is at the VA in March?');
    const april = await there.say('who is there in April?');
    expect(shown(april)).toEqual(shown(await alone('who is at the VA in April?')));
  });

  it('a count or the members of the last answer: "how many is that?", "which ones?"', async () => {
    const chat = conversation(conversationBot());
    const who = await chat.say('who is on IR in April?');
    const count = await chat.say('how many is that?');
    expect(count.intent).toBe('schedule.who');
    expect(count.text).toMatch(new RegExp(`^${who.items!.length} residents`));
    const which = await chat.say('which ones?');
    expect(which.items).toEqual(who.items);

    const procedures = conversation(conversationBot());
    await procedures.say('how many oncologic procedures does IR do?');
    const listed = await procedures.say('which ones?');
    expect(listed.intent).toBe('category.list');
    expect(listed.items).toEqual((await alone('which oncologic procedures does IR do?')).items);
  });

  it('clarifies a follow-up that reads two ways, with a button for each, and understands the reply', async () => {
    const chat = conversation(conversationBot());
    await chat.say('who is on IR in March?');
    const unclear = await chat.say('what about Casey?');
    expect(unclear.intent).toBe('clarify');
    expect(unclear.suggestions?.map((s) => s.question)).toEqual([
      'Is Casey Demoreaux on Interventional Radiology in March 2027?',
      'What is Casey Demoreaux on in March 2027?',
    ]);
    // Each button asks a question that stands alone.
    expect(shown(await alone(unclear.suggestions![1]!.question))).toEqual(
      shown(await alone('what is Casey on in March?')),
    );
    const second = await chat.say('the second one');
    expect(shown(second)).toEqual(shown(await alone('what is Casey on in March?')));

    const again = conversation(conversationBot());
    await again.say('who is on IR in March?');
    await again.say('what about Casey?');
    const first = await again.say('the first one');
    expect(first.intent).toBe('schedule.person');
    expect(first.text).toMatch(/Casey Demoreaux/);
    // The reading picked is the question: "first" in the reply picks it, it is no "first block".
    expect(first.frames![0]!.aspects).not.toContain('first');
    expect(first.verdict).toBe('no');
    expect(shown(first)).toEqual(shown(await alone('is Casey on IR in March?')));
  });

  it('never changes a question that stands alone', async () => {
    const standalone = [
      'who is at the VA in March?',
      'what am I on next month?',
      'does IR do TIPS?',
      'does IR do biopsies?',
      'what is the R4 year like?',
      'when is my next ICU month?',
      'what is Casey on in April?',
      'how many residents are on IR in May?',
      'is there a research month in the R4 year?',
      'what rotations are there?',
      'who is on ICU?',
      // "this" in a date is the time, not a pointer back.
      'what are my rotations this year?',
      'who is on IR this month?',
    ];
    const chat = conversation(conversationBot());
    const openers = [
      'who is on IR in March?',
      'and April?',
      'what about Casey?',
      'does IR do TIPS?',
      'and the VA?',
      'is my ICU before my VA month?',
    ];
    for (const [i, q] of standalone.entries()) {
      await chat.say(openers[i % openers.length]!);
      const inContext = await chat.say(q);
      expect(shown(inContext), q).toEqual(shown(await alone(q)));
      expect(inContext.text, q).not.toMatch(/from your last question/);
    }
  });

  it('small talk between questions keeps the subject', async () => {
    const chat = conversation(conversationBot());
    await chat.say('what is the R4 year like?');
    await chat.say('thanks!');
    const r5 = await chat.say('and R5?');
    expect(shown(r5)).toEqual(shown(await alone('what is the R5 year like?')));
  });

  it('forgets the context after CONTEXT_TTL_MINUTES: "and April?" is then the asker’s own April', async () => {
    const bot = conversationBot({ env: { CONTEXT_TTL_MINUTES: '30' } });
    const at = (min: number) => new Date(NOW.getTime() + min * 60_000);
    const chat = conversation(bot);
    await chat.say('who is on IR in March?', { now: at(0) });
    expect((await chat.say('and April?', { now: at(29) })).intent).toBe('schedule.who');
    // 31 minutes after the last message: no context.
    const late = await chat.say('and April?', { now: at(60) });
    expect(shown(late)).toEqual(shown(await alone('and April?')));
    expect(late.intent).toBe('schedule.mine');
  });

  it('is off with CONTEXT_TTL_MINUTES=0', async () => {
    const chat = conversation(conversationBot({ env: { CONTEXT_TTL_MINUTES: '0' } }));
    await chat.say('who is on IR in March?');
    expect((await chat.say('and April?')).intent).toBe('schedule.mine');
  });

  it('two askers in one channel thread do not share context', async () => {
    const store = createMemoryStore();
    const bot = conversationBot({ store });
    const thread = { conversationId: 'C0GENERAL:1764342005.000300', conversation: 'channel' as const };
    await conversation(bot, { ...thread, asker: { email: AVERY } }).say('who is on IR in March?');
    const casey = await conversation(bot, { ...thread, asker: { email: CASEY } }).say('and April?');
    expect(casey.intent).toBe('schedule.mine');
    expect(shown(casey)).toEqual(shown(await alone('and April?', CASEY)));
    // Avery's own follow-up in the same thread still has hers.
    expect((await conversation(bot, { ...thread, asker: { email: AVERY } }).say('and April?')).intent).toBe(
      'schedule.who',
    );
  });

  it('a store outage answers the follow-up alone, never an error', async () => {
    const chat = conversation(conversationBot({ store: downStore() }));
    await chat.say('who is on IR in March?');
    const april = await chat.say('and April?');
    expect(april.intent).toBe('schedule.mine');
    expect(april.unanswered ?? false).toBe(false);
  });
});

describe('the reply to "which one do you mean?"', () => {
  const block = (label: string, rotationId: string, month: string) => ({
    label,
    rotationId,
    start: `${month}-01`,
    end: `${month}-28`,
    source: 'test.csv:2',
  });
  const twoJordans = createSchedule([
    {
      email: 'jordan.a@example.edu',
      name: 'Jordan Alder',
      level: 'R3',
      blocks: [block('ICU', 'icu', '2027-03')],
    },
    {
      email: 'jordan.b@example.edu',
      name: 'Jordan Birch',
      level: 'R4',
      blocks: [block('IR', 'ir-duke', '2027-03')],
    },
    { email: AVERY, name: 'Avery Samplewood', level: 'R5', blocks: [] },
  ]);

  it('is understood: "the R4 one", a surname, or a button', async () => {
    for (const reply of ['the R4 one', 'Birch', 'Jordan Birch (R4)']) {
      const chat = conversation(conversationBot({ schedule: twoJordans }));
      const which = await chat.say('what is Jordan on in March?');
      expect(which.suggestions?.map((s) => s.label)).toEqual(['Jordan Alder (R3)', 'Jordan Birch (R4)']);
      const picked = await chat.say(reply);
      expect(picked.intent, reply).toBe('schedule.person');
      expect(picked.text, reply).toMatch(/Jordan Birch \(R4\) is on Interventional Radiology/);
      expect(picked.text, reply).toMatch(/March 2027/);
    }
  });

  it('in a message of several questions, the name is asked back and the others answered', async () => {
    for (const [message, at] of [
      ['does IR do TIPS? and what is Jordan on in March?', 1],
      ['what is Jordan on in March? and does IR do TIPS?', 0],
    ] as const) {
      const chat = conversation(conversationBot({ schedule: twoJordans }));
      const both = await chat.say(message);
      expect(both.frames, message).toHaveLength(2);
      expect(both.frames![at]!.intent, message).toBe('schedule.person');
      expect(both.frames![at]!.people[0]!.candidates, message).toHaveLength(2);
      expect(both.frames![1 - at]!.intent, message).toBe('procedure.does');
      expect(both.verdict, message).toBe('yes');
      // The residents' buttons come first.
      expect(
        both.suggestions?.slice(0, 2).map((s) => s.label),
        message,
      ).toEqual(['Jordan Alder (R3)', 'Jordan Birch (R4)']);
      const picked = await chat.say('the R4 one');
      expect(picked.intent, message).toBe('schedule.person');
      expect(picked.text, message).toMatch(/Jordan Birch \(R4\) is on Interventional Radiology/);
    }
  });

  it('in a message of several questions, a follow-up that reads two ways is asked back', async () => {
    const chat = conversation(conversationBot({ schedule: twoJordans }));
    await chat.say('who is on IR in March?');
    const both = await chat.say('what about Jordan Birch? and does IR do TIPS?');
    expect(both.intent).toBe('clarify');
    expect(both.frames?.map((f) => f.intent)).toEqual(['schedule.person', 'procedure.does']);
    // The TIPS question is answered beside the question asked back.
    expect(both.verdict).toBe('yes');
    expect(both.suggestions?.slice(0, 2).map((s) => s.question)).toEqual([
      'Is Jordan Birch on Interventional Radiology in March 2027?',
      'What is Jordan Birch on in March 2027?',
    ]);
    const second = await chat.say('the second one');
    expect(second.frames![0]!.intent).toBe('schedule.person');
    expect(second.frames![0]!.yesNo).toBe(false);
    expect(second.frames![0]!.people[0]!.candidates).toEqual(['Jordan Birch (R4)']);
    expect(months(second.frames![0]!)).toEqual(['2027-03']);
  });

  it('a reply that names neither reading is answered as itself', async () => {
    const chat = conversation(conversationBot({ schedule: twoJordans }));
    await chat.say('what is Jordan on in March?');
    const tips = await chat.say('does IR do TIPS?');
    expect(tips.verdict).toBe('yes');
  });
});

describe('follow-ups go on from what the last answer named', () => {
  it('"and after that?" goes on from the block answered, each time', async () => {
    const chat = conversation(conversationBot());
    // Avery: IR in December and January, the VA in February, IR again in March.
    expect((await chat.say('what am I on next month?')).text).toMatch(/^In December 2026/);
    expect((await chat.say('and after that?')).text).toMatch(/Durham VA from Monday, February 1, 2027/);
    expect((await chat.say('and after that?')).text).toMatch(
      /^After Interventional Radiology at the Durham VA \(February 2027\), you are on Interventional Radiology at Duke University Medical Center from Monday, March 1, 2027/,
    );
  });

  it('"the one before?" goes back from the month asked', async () => {
    const chat = conversation(conversationBot());
    await chat.say('what was I on in October?');
    expect((await chat.say('and the one before?')).text).toMatch(
      /^Before Interventional Radiology at Duke University Medical Center \(October 2026\), you were on Interventional Radiology at the Durham VA \(September 2026\)/,
    );
  });

  it('"how many of those" counts among the months left', async () => {
    const chat = conversation(conversationBot());
    await chat.say('how many IR months do I have left?');
    const left = schedule
      .byEmail(AVERY)!
      .blocks.filter((b) => b.rotationId === 'ir-va' && b.end >= '2026-11-28').length;
    const va = await chat.say('how many of those are at the VA?');
    expect(va.text).toContain(`${left} months of Interventional Radiology at Durham VA left`);
  });

  it('"how many of those left?" after a block named counts to the end of the schedule', async () => {
    const chat = conversation(conversationBot());
    await chat.say("when's my next VA month?");
    await chat.say('and the one after?');
    const left = schedule
      .byEmail(AVERY)!
      .blocks.filter((b) => b.rotationId === 'ir-va' && b.end >= '2026-11-28').length;
    expect((await chat.say('how many of those left?')).text).toContain(
      `${left} months of Interventional Radiology at the Durham VA left on the schedule`,
    );
  });

  it('whom to ask is the contact, and "no, I meant May" is the month', async () => {
    const chat = conversation(conversationBot());
    await chat.say('does IR do kyphoplasty?');
    expect((await chat.say('who should I ask then?')).intent).toBe('program.contact');
    await chat.say('what am I on next month?');
    expect((await chat.say('no, I meant May')).text).toMatch(/^In May 2027 you are on/);
  });
});
