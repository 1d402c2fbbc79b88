import * as z from 'zod';
import { parseHolidayRule } from '../core/holidays.js';
import {
  PHRASE_LISTS,
  type PhraseListName,
  QUANTIFIER_KINDS,
  WORD_LISTS,
  type WordListName,
} from './language-lists.js';

/**
 * language.yaml's schema: how residents ask (cue words, filler, shorthand, topic phrases), as
 * data. The grammar in src/core knows each list by its name (language-lists.ts); the words are
 * the file's.
 */

const WORD = /^[a-z0-9]+$/;

/** "do does did": words separated by spaces (a block of lines), or a YAML list of words. */
const WordList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (typeof v === 'string' ? v.split(/\s+/) : v).map((w) => w.trim()).filter(Boolean))
  .refine((words) => words.every((w) => WORD.test(w)), {
    message: 'write each word in lower case letters and digits only, separated by spaces (no apostrophes)',
  });

const Phrase = z
  .string()
  .min(1)
  .refine((s) => s.trim().length > 0, { message: 'a phrase needs at least one word' });

/** "can/could i (please) ask": lower-case words, "/" between choices, "(word)" for a word that may be left out. */
const PhrasePattern = z.string().refine(
  (s) =>
    s
      .trim()
      .split(/\s+/)
      .every((part) => /^\(?[a-z0-9]+(\/[a-z0-9]+)*\)?$/.test(part)),
  {
    message:
      'write a phrase as lower-case words separated by spaces; "a/b" for choices, "(word)" for a word that may be left out',
  },
);
/** "what about": lower-case words separated by single spaces, no apostrophes. */
const Cue = z
  .string()
  .transform((s) => s.trim().replace(/\s+/g, ' '))
  .refine((s) => /^[a-z0-9]+( [a-z0-9]+)*$/.test(s), {
    message: 'write each phrase in lower case letters and digits, words separated by spaces (no apostrophes)',
  });
const CueList = z.array(Cue);
const UNITS = ['day', 'week', 'month', 'year'] as const;

/**
 * The `follow_ups:` section: the words that make a message a follow-up of the last question, by
 * the part each plays (see the comments in language.yaml). Every list may be left out (empty).
 */
export const FollowUpWordsSchema = z.strictObject({
  /** Phrases that open a follow-up: "and April?", "what about Casey?". */
  openers: CueList.default([]),
  /** Stand for the last thing asked about or answered: "is that at the VA?". */
  things: WordList.default([]),
  /** Stand for the last place: "who else is there?". */
  places: WordList.default([]),
  /** Stand for the last question's time, after the first word: "who is on ICU then?". */
  times: WordList.default([]),
  /** Stand for the last person asked about: "and her?". */
  people: WordList.default([]),
  /** Ask for the count of the last answer: "how many is that?". */
  count: CueList.default([]),
  /** Ask for the members of the last answer: "which ones?". */
  detail: CueList.default([]),
  /** Move the last question's time ("the month after") or compare with it ("is that after ICU?"). */
  later: WordList.default([]),
  earlier: WordList.default([]),
  /** The units a move counts in, each word with its unit. */
  units: z.record(z.string().regex(WORD, 'a unit is one lower-case word'), z.enum(UNITS)).default({}),
  /** "is there", "are there": the verbs before "there" that ask whether something exists. */
  being: WordList.default([]),
  /** "is there a …", "are there any …": the words after "there" that ask whether something exists. */
  existential: WordList.default([]),
  /** Pick one of the readings offered: "the second one"; negative counts from the end. */
  ordinals: z
    .record(z.string().regex(WORD, 'an ordinal is one lower-case word'), z.number().int())
    .default({}),
  /** Words that carry nothing of their own in a short follow-up ("the", "in", "one"…). */
  connectors: WordList.default([]),
});
export type FollowUpWords = z.output<typeof FollowUpWordsSchema>;

export const LanguageFileSchema = z.strictObject({
  words: z.strictObject(
    Object.fromEntries(WORD_LISTS.map((n) => [n, WordList])) as Record<WordListName, typeof WordList>,
  ),
  phrases: z.strictObject(
    Object.fromEntries(PHRASE_LISTS.map((n) => [n, z.array(PhrasePattern)])) as Record<
      PhraseListName,
      z.ZodArray<typeof PhrasePattern>
    >,
  ),
  /** "two: 2": numbers written as words. */
  numbers: z.record(z.string().regex(WORD, 'a number word is one lower-case word'), z.number().int().min(0)),
  /** "both: both", "every: all": how much of the subject a question claims. */
  quantifiers: z.record(
    z.string().regex(WORD, 'a quantifier is one lower-case word'),
    z.enum(QUANTIFIER_KINDS),
  ),
  /** "christmas: December 25", "thanksgiving: fourth Thursday of November": holidays named as dates. */
  holidays: z
    .record(
      z
        .string()
        .regex(/^[a-z0-9]+( [a-z0-9]+)*$/, 'write a holiday name in lower case words, without apostrophes'),
      z.string().refine((s) => parseHolidayRule(s) !== null, {
        message:
          'write when it falls as a day ("December 25") or a weekday of a month ("fourth Thursday of November")',
      }),
    )
    .default({}),
  /** "nxt: next": chat shorthand read as the word on the right. */
  shorthand: z.record(z.string().regex(WORD, 'a shorthand is one lower-case word'), Phrase).default({}),
  /** Topics of the program description with no list of their own: patients, volume, contact. */
  topics: z.strictObject({
    patients: z.array(Phrase).default([]),
    volume: z.array(Phrase).default([]),
    contact: z.array(Phrase).default([]),
  }),
  /** The words of follow-ups ("and April?", "is that at the VA?"); a file without them has none. */
  follow_ups: FollowUpWordsSchema.default(FollowUpWordsSchema.parse({})),
});

export type Language = z.output<typeof LanguageFileSchema>;
