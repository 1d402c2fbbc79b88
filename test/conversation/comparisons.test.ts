import { describe, expect, it } from 'vitest';
import { conversationContextSchema } from '../../src/conversation/context.js';
import { contextKey } from '../../src/conversation/context-store.js';
import type { Frame } from '../../src/core/frame.js';
import type { Answer } from '../../src/core/types.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { AVERY, alone, CASEY, conversation, conversationBot, frame, months, shown } from './helpers.js';

/* Comparisons in time: asked on their own, and continued by the next follow-up. */

const ids = (subjects: Frame['subjects'] | undefined, kind: string) =>
  (subjects ?? []).filter((s) => s.kind === kind).map((s) => s.id);
const blocks = (a: Answer) => a.about?.map((b) => [b.rotation, b.from]);

describe('a comparison asked on its own', () => {
  it('"is my ICU before my VA month?": the first subject placed beside the second, decided by each schedule', async () => {
    // Avery's ICU (September 2025) is before every VA month; Casey's (November 2026) after her VA month.
    for (const [as, verdict] of [
      [AVERY, 'yes'],
      [CASEY, 'no'],
    ] as const) {
      const a = await alone('is my ICU before my VA month?', as);
      const f = frame(a);
      expect(f.intent, as).toBe('schedule.mine');
      expect(f.order, as).toBe('before');
      expect(f.yesNo, as).toBe(true);
      // "before" compares here; it is no past tense.
      expect(f.aspects, as).not.toContain('past');
      expect(ids(f.compared, 'rotation'), as).toEqual(['icu']);
      expect(ids(f.subjects, 'site'), as).toEqual(['durham-va']);
      expect(a.verdict, as).toBe(verdict);
    }
  });

  it('"is research after ICU for me?", and without "for me"', async () => {
    for (const q of ['is research after ICU for me?', 'is research after ICU?']) {
      const a = await alone(q, CASEY);
      expect(frame(a).order, q).toBe('after');
      expect(ids(frame(a).compared, 'rotation'), q).toEqual(['research']);
      expect(a.verdict, q).toBe('yes');
      // Casey's research (April 2027) beside her ICU (November 2026).
      expect(blocks(a), q).toEqual([
        ['research', '2027-04-01'],
        ['icu', '2026-11-01'],
      ]);
    }
  });

  it('"before or after" asks which: no verdict, the facts named', async () => {
    const a = await alone('is my research month before or after surg onc', CASEY);
    expect(frame(a).order).toBe('before-or-after');
    expect(frame(a).yesNo).toBe(false);
    expect(a.verdict).toBe('none');
    expect(blocks(a)).toEqual([
      ['research', '2027-04-01'],
      ['surgical-oncology', '2027-01-01'],
    ]);
  });

  it('Partly when some blocks are before and some after; unknown without the block', async () => {
    // Avery has IR in July 2025, before her ICU, and many IR months after it.
    expect((await alone('is my ICU before my IR month?')).verdict).toBe('partly');
    expect((await alone('is my ICU after IR?')).verdict).toBe('partly');
    const none = await alone('is my ICU before mammo?');
    expect(frame(none).order).toBe('before');
    expect(none.verdict).toBe('unknown');
  });

  it('a colleague’s comparison reads their schedule', async () => {
    const a = await alone("is Casey's ICU after her VA month?");
    expect(frame(a).intent).toBe('schedule.person');
    expect(frame(a).order).toBe('after');
    expect(a.verdict).toBe('yes');
  });

  it('is no comparison when a unit stands beside the word, or only one side is named', async () => {
    for (const q of [
      'what’s after ICU for me',
      'what am I on the month after ICU?',
      'who is on ICU after casey',
    ]) {
      expect(frame(await alone(q, CASEY)).order, q).toBeUndefined();
      expect(frame(await alone(q, CASEY)).compared, q).toBeUndefined();
    }
  });
});

describe('the next follow-up continues the comparison', () => {
  it('the comparison is kept in the stored context', async () => {
    const store = createMemoryStore();
    const chat = conversation(conversationBot({ store }), { conversationId: 'D0AVERY' });
    await chat.say('is my ICU before my VA month?');
    const raw = await store.get(
      contextKey({ platform: 'slack', conversationId: 'D0AVERY', asker: { email: AVERY } })!,
    );
    const saved = conversationContextSchema().parse(JSON.parse(raw!)).frames.at(-1)!;
    expect(saved.order).toBe('before');
    expect(saved.compared).toContainEqual({ kind: 'rotation', id: 'icu' });
  });

  it('"and May?" after "is that before or after ICU?" places May’s block beside ICU', async () => {
    const chat = conversation(conversationBot());
    await chat.say('what am I on in March?');
    await chat.say('is that before or after ICU?');
    const may = await chat.say('and May?');
    const f = frame(may);
    expect(f.order).toBe('before-or-after');
    expect(ids(f.subjects, 'rotation')).toEqual(['icu']);
    expect(months(f)).toEqual(['2027-05']);
    // The same as pointing at May's block and asking again.
    const direct = conversation(conversationBot());
    await direct.say('what am I on in May?');
    expect(shown(may)).toEqual(shown(await direct.say('is that before or after ICU?')));
    expect(blocks(may)).toEqual([
      ['ir-va', '2027-05-01'],
      ['icu', '2025-09-01'],
    ]);
  });

  it('"and research?" compares the same block with research', async () => {
    const chat = conversation(conversationBot());
    await chat.say('what am I on in March?');
    await chat.say('is that after ICU?');
    const research = await chat.say('and research?');
    expect(frame(research).order).toBe('after');
    expect(ids(frame(research).subjects, 'rotation')).toEqual(['research']);
    expect(months(frame(research))).toEqual(['2027-03']);
    // Avery's research is January 2026, before March 2027.
    expect(research.verdict).toBe('yes');
  });

  it('after a comparison on its own: a new subject replaces the second, a new month the first', async () => {
    const chat = conversation(conversationBot(), { asker: { email: CASEY } });
    expect((await chat.say('is my ICU before my VA month?')).verdict).toBe('no');
    const research = await chat.say('and research?');
    expect(frame(research).order).toBe('before');
    expect(ids(frame(research).compared, 'rotation')).toEqual(['icu']);
    expect(ids(frame(research).subjects, 'rotation')).toEqual(['icu', 'research']);
    // Casey's ICU (November 2026) is before her research (April 2027).
    expect(research.verdict).toBe('yes');

    const month = conversation(conversationBot(), { asker: { email: CASEY } });
    await month.say('is my ICU before my VA month?');
    const may = await month.say('and May?');
    expect(frame(may).order).toBe('before');
    expect(frame(may).compared).toBeUndefined();
    expect(ids(frame(may).subjects, 'rotation')).toEqual(['ir-va']);
    expect(months(frame(may))).toEqual(['2027-05']);
    // May 2027 is after Casey's VA month (October 2026).
    expect(may.verdict).toBe('no');
  });

  it('"which ones?" after a comparison drops it', async () => {
    const chat = conversation(conversationBot());
    await chat.say('what am I on in March?');
    await chat.say('is that before or after ICU?');
    expect(frame(await chat.say('which ones?')).order).toBeUndefined();
  });
});
