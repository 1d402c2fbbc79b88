import { describe, expect, it } from 'vitest';
import { phraseOf } from '../../../src/core/coverage.js';
import { ask, knowledge, lexicon } from '../helpers.js';

const CASEY = 'casey.demoreaux@example.edu';
const contact = knowledge.program.contact.name.toLowerCase();

/**
 * Questions whose subject the data does not cover, each with a word of that subject: the answer
 * names it in the user's words and whom to ask, decides nothing, and gives no nearest topic
 * (no training year, rotation, procedure or site facts).
 */
const OUT_OF_SCOPE: Array<[string, string]> = [
  ["what's the call schedule for R4s?", 'call'],
  ['do R4s take home call?', 'home call'],
  ['how much vacation do we get?', 'vacation'],
  ['how many weeks of leave do R4s get?', 'leave'],
  ['how much are residents paid', 'paid'],
  ["what's the salary for PGY-5?", 'salary'],
  ['who is the program director?', 'program director'],
  ['when is the next conference?', 'conference'],
  ['are there weekly conferences for IR residents?', 'conferences'],
  ["what's the dress code in IR?", 'dress code'],
  ['is there parking at Duke?', 'parking'],
  ['where do I park at the VA?', 'park'],
  ['does IR have a journal club?', 'journal club'],
  ['is moonlighting allowed?', 'moonlighting'],
  ['how much is the education allowance?', 'education allowance'],
  ['what is the wifi password', 'wifi password'],
  // A numbered period the schedule does not number: not read as "now".
  ['what am I on in block 3?', 'block 3'],
  ['who is on IR in month 3?', 'month 3'],
  ['who is at the VA week 2?', 'week 2'],
];

const TOPIC_FACTS =
  /^(r\d|ir|dr|icu|research|training|duke-ir|durham-va|dumc|program-patients|program-volume)$/;

describe('coverage decides honesty', () => {
  it.each(OUT_OF_SCOPE)('%s → not covered, naming “%s”', (text, words) => {
    const a = ask(text, { as: CASEY });
    expect(a.verdict).toBe('unknown');
    expect(a.unanswered).toBe(true);
    expect(a.text).not.toMatch(/^(Yes|No)\b/);
    expect(a.text.toLowerCase()).toContain(words);
    expect(a.text.toLowerCase()).toContain(contact);
    expect(a.factIds.filter((id) => TOPIC_FACTS.test(id))).toEqual([]);
    expect(a.items ?? []).toEqual([]);
    // The subject's own word is among the words it could not place.
    expect(a.frames![0]!.unplaced).toContain(words.split(' ').pop());
  });

  it('answers the part it understood and says what it could not: "am I on call tonight"', () => {
    const a = ask('am I on call tonight', { as: CASEY });
    expect(a.verdict).toBe('unknown');
    expect(a.text).not.toMatch(/^(Yes|No)\b/);
    expect(a.text).toMatch(/“call”/);
    // The understood part: the asker's rotation that day, from the schedule.
    expect(a.factIds.some((id) => id.startsWith('knowledge/sample-schedule.csv'))).toBe(true);
  });

  it('keeps answering questions whose every word is placed', () => {
    for (const text of ['does IR do TIPS?', 'what is the R4 year like?', 'who is at the VA in March?']) {
      const a = ask(text, { as: CASEY });
      expect(a.unanswered ?? false).toBe(false);
      expect(a.frames![0]!.unplaced).toEqual([]);
    }
  });

  it('names the unplaced words as written, with their article, and cuts a long run of noise', () => {
    expect(phraseOf("What's the dress code?", ['dress', 'code'], lexicon)).toBe('the dress code');
    expect(phraseOf('who is the program director', ['director'], lexicon)).toBe('the program director');
    expect(phraseOf('am I on call tonight', ['call'], lexicon)).toBe('call');
    const noise = phraseOf('a b c d e f g h i j', ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'], lexicon);
    expect(noise.split(' ').length).toBeLessThanOrEqual(7);
    expect(phraseOf('x'.repeat(500), ['x'.repeat(500)], lexicon).length).toBeLessThan(40);
  });
});

describe('a procedure the data does not list, asked beside ones it does', () => {
  const [a, b] = knowledge.procedures.filter((p) => p.aliases[0]).map((p) => p.aliases[0]!);
  const exclusion = knowledge.exclusions[0]!.name.toLowerCase();
  it.each([
    `does IR do kyphoplasty and ${a}?`,
    `does IR do ${a} and kyphoplasty?`,
    `does IR do ${a}, ${b} and kyphoplasty?`,
    `which of ${a}, kyphoplasty and ${b} does IR do?`,
    `does IR do kyphoplasty and ${exclusion}?`,
    `does IR do ${a}, vertebroplasty or kyphoplasty?`,
  ])('%s: neither a flat Yes nor a flat No, and the unlisted one is named', (q) => {
    const answer = ask(q);
    expect(answer.verdict).toBe('unknown');
    expect(answer.text).toMatch(/“[^”]*kyphoplasty[^”]*”/);
  });

  it('a story around a listed procedure is no list of procedures', () => {
    expect(ask(`patient with cirrhosis and ascites needs ${a} - do you do that`).verdict).toBe('yes');
  });
});

describe('a procedure asked of a rotation other than the program’s own', () => {
  const specialty = knowledge.groups.find((g) => g.role === 'specialty')!.id;
  const others = knowledge.rotations.filter((r) => r.group !== specialty);
  const tips = knowledge.procedures[0]!;
  it('never gets the program’s Yes: what another rotation does is not the division’s', () => {
    expect(others.length).toBeGreaterThan(0);
    for (const r of others) {
      const q = `does ${r.name} do ${tips.name}?`;
      expect(ask(q).verdict, q).not.toBe('yes');
    }
  });

  it('says what it cannot say, then what the data does say', () => {
    const icu = knowledge.rotations.find((r) => r.id === 'icu')!;
    const a = ask(`does the ${icu.name} do ${tips.name}?`);
    expect(a.verdict).toBe('unknown');
    expect(a.text).toMatch(new RegExp(`^I can't say for ${icu.name}`));
    expect(a.text).toContain(tips.name);
  });
});

describe('a listed procedure with a word after it that makes it another', () => {
  const own = (p: (typeof knowledge.procedures)[number]) =>
    [p.name, ...p.aliases, p.description ?? ''].join(' ').toLowerCase();
  const cases = knowledge.procedures
    .filter((p) => p.aliases[0] && /^[a-z0-9 -]+$/i.test(p.aliases[0]))
    .flatMap((p) =>
      ['removal', 'revision', 'exchange']
        .filter((w) => !own(p).includes(w))
        .map((w) => [p.aliases[0]!, w] as const),
    )
    .slice(0, 12);
  it('is neither Yes nor No, and names it in the user’s words ("port removal")', () => {
    expect(cases.length).toBeGreaterThan(3);
    for (const [alias, word] of cases) {
      const a = ask(`does IR do ${alias} ${word}?`);
      expect(a.verdict, `${alias} ${word}`).toBe('unknown');
      // The name as read (British spellings are read in US spelling), then the word.
      expect(a.text.toLowerCase(), `${alias} ${word}`).toContain(`“${alias.toLowerCase().split(' ')[0]}`);
      expect(a.text.toLowerCase(), `${alias} ${word}`).toContain(` ${word}”`);
    }
  });

  it('keeps the Yes for a word that makes no other procedure ("TIPS regularly", "TACE treatments")', () => {
    for (const q of ['does IR do TIPS regularly?', 'does IR do TACE treatments?', 'does IR do Y90 safely?'])
      expect(ask(q).verdict, q).toBe('yes');
  });

  it('a count of one procedure is not the division’s total', () => {
    const perMonth = knowledge.program.volume.procedures_per_month;
    expect(ask(`does IR do ${perMonth} TIPS a month?`).verdict).toBe('unknown');
    // A name's own number is no count.
    expect(ask('do you do Y 90?').verdict).toBe('yes');
  });

  it('keeps the Yes when the word is the procedure’s own ("TIPS shunt")', () => {
    const tips = knowledge.procedures.find((p) => p.id === 'tips')!;
    expect(own(tips)).toContain('shunt');
    expect(ask('does IR do TIPS shunts?').verdict).toBe('yes');
  });
});

describe('a question about something the data does not hold, at two times', () => {
  it('is answered once, not once per time', () => {
    const a = ask('do I have vacation in March or April?', { as: CASEY });
    expect(a.verdict).toBe('unknown');
    expect(a.text.match(/“vacation”/g)).toHaveLength(1);
  });
});
