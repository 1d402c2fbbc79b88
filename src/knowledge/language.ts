import * as z from 'zod';
import { parseHolidayRule } from '../core/holidays.js';

/**
 * language.yaml: how residents ask (cue words, filler, shorthand, topic phrases), as data. The
 * grammar in src/core knows each word list by its name below; the words are the file's.
 */

/** The word lists the grammar reads, by the part each plays (see the comments in language.yaml). */
export const WORD_LISTS = [
  'about_ir',
  'all_words',
  'asking',
  'calendar',
  'common',
  'contact',
  'count_words',
  'coverage',
  'end_words',
  'except',
  'filler',
  'final_words',
  'greeting',
  'have_words',
  'help',
  'how_many',
  'left',
  'list_words',
  'me_verbs',
  'most_words',
  'now_words',
  'option_words',
  'others_words',
  'past',
  'perform',
  'personal',
  'procedure_list',
  'schedule',
  'schedule_strong',
  'separate_words',
  'thanks',
  'total_words',
  'training',
  'training_words',
  'when',
  'where',
  'who',
  'yes_no_starters',
  'before_name',
  'after_name',
  'name_question',
  'before_ruled_out',
  'determiners',
  'linking_words',
  'points_back',
  'joiners',
  'clause_starters',
  'titles',
  'does_starters',
  'opening_filler',
  'wh_words',
  'whether_words',
  'negation',
  'or_words',
  'either_words',
  'next_words',
  'after_words',
  'first_words',
  'present_words',
  'year_words',
  'range_words',
] as const;
export type WordListName = (typeof WORD_LISTS)[number];

/** The phrase lists the grammar reads, by the part each plays (see `phrases:` in language.yaml). */
export const PHRASE_LISTS = [
  'polite_opening',
  'tag_question',
  'closing_thanks',
  'embedded_question',
  'who_asked',
  'count_asked',
  'comparison',
  'not_personal',
  'ruled_out',
  'hypothetical',
  'not_an_end',
  'list_asked',
  'list_opening',
  'done_here',
  'farewell',
  'help_whole',
  'help_question',
  'describe',
  'whose',
  'everyone',
  'cases',
  'which_year',
  'length',
  'residents',
  'residency',
  'overview_asked',
  'rotation_word',
  'rotations_word',
  'category_word',
  'far',
  'near',
  'described_near',
  'site_coverage',
  'done_so_far',
  'every_block',
  'which_what',
  'which_list',
  'trainees',
  'option_asked',
  'same_asked',
  'duration_asked',
  'separate',
  'only',
  'pediatric',
] as const;
export type PhraseListName = (typeof PHRASE_LISTS)[number];

export const QUANTIFIER_KINDS = ['all', 'both', 'each', 'any', 'only', 'most'] as const;

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
});

export type Language = z.output<typeof LanguageFileSchema>;
