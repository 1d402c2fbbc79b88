import { describe, expect, it } from 'vitest';
import { editDistance } from '../../../src/core/text/edit-distance.js';
import { tokenize } from '../../../src/core/text/normalize.js';
import { stem } from '../../../src/core/text/phrase-index.js';
import { ask } from '../helpers.js';

const procedureOf = (text: string) => ask(text).understanding.refs.procedure;

describe('normalisation', () => {
  it('folds case, accents, apostrophes and British spelling', () => {
    expect(tokenize('Women’s HEALTH — chemoembolisation, paediatric, haemorrhage')).toEqual([
      'womens',
      'health',
      'chemoembolization',
      'pediatric',
      'hemorrhage',
    ]);
  });

  it('treats hyphens and spaces inside a name as the same name', () => {
    const ids = ['y90', 'Y-90', 'Y 90', 'y - 90'].map((t) => procedureOf(`does IR do ${t}?`));
    expect(new Set(ids.map((i) => i.join()))).toHaveLength(1);
    expect(ids[0]).toHaveLength(1);
  });

  it('folds plurals', () => {
    expect(stem('biopsies')).toBe('biopsy');
    expect(stem('drains')).toBe('drain');
    expect(stem('tipss')).toBe('tipss');
  });
});

// Every name of the knowledge base resolving is checked for every program in test/core/programs/names.test.ts.

describe('typos', () => {
  it('are corrected on words long enough to carry one', () => {
    expect(editDistance('chemoembolizaton', 'chemoembolization', 2)).toBe(1);
    expect(procedureOf('does IR do chemoembolizaton')).toEqual(procedureOf('does IR do chemoembolization'));
    expect(procedureOf('radioemboliztion?')).toEqual(procedureOf('radioembolization?'));
    expect(procedureOf('cryoabaltion')).toEqual(procedureOf('cryoablation'));
    expect(procedureOf('does ir do cryoablation')).toHaveLength(1);
  });

  it('say what was read, so a correction is never silent', () => {
    expect(ask('does IR do cryoabaltion').text).toMatch(/I read “cryoabaltion” as/);
  });

  it('never turn a short abbreviation into another (IR is not IRE)', () => {
    const ire = procedureOf('does IR do IRE');
    expect(ire).toHaveLength(1);
    expect(ask('does IR do IR?').understanding.refs.procedure).toEqual([]);
    expect(ask('does IR do irr').understanding.refs.procedure).toEqual([]);
    expect(ask('does IR do TAE').understanding.refs.procedure).not.toEqual(
      ask('does IR do TACE').understanding.refs.procedure,
    );
  });

  it('do not turn ordinary words into procedures', () => {
    for (const text of ['do IR residents play sports?', 'is IR fun?', 'what is the weather like']) {
      expect(ask(text).understanding.refs.procedure, text).toEqual([]);
    }
  });
});

describe('intents', () => {
  it.each([
    ['hi', 'greeting'],
    ['hey rotabot!', 'greeting'],
    ['thanks so much', 'thanks'],
    ['help', 'help'],
    ['what can you do?', 'help'],
    ['does IR do TIPS', 'procedure.does'],
    ['who does biopsies', 'procedure.who'],
    ['which division does drainages?', 'procedure.who'],
    ['does IR do kyphoplasty?', 'procedure.unknown'],
    ['what does IR do', 'program.overview'],
    ['does IR see kids', 'program.patients'],
    ['how busy is the division', 'program.volume'],
    ['where is the VA', 'program.site'],
    ['what is the R4 year like', 'training'],
    ['how long is the residency', 'training'],
    ['who is at the VA in March', 'schedule.who'],
    ['what am I on next month', 'schedule.mine'],
    ['how do I add my schedule to my calendar', 'calendar.link'],
    ['asdf qwerty', 'fallback'],
  ])('%s → %s', (text, intent) => {
    expect(ask(text).intent).toBe(intent);
  });

  it('keeps percutaneous biliary drainage apart from drainages', () => {
    const biliary = ask('does IR do percutaneous biliary drainage?');
    const drainage = ask('does IR do drainages?');
    expect(biliary.text.startsWith('Yes')).toBe(true);
    expect(drainage.text.startsWith('No')).toBe(true);
    expect(biliary.understanding.refs.exclusion).toEqual([]);
  });
});
