import * as z from 'zod';

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
] as const;
export type WordListName = (typeof WORD_LISTS)[number];

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

export const LanguageFileSchema = z.strictObject({
  words: z.strictObject(
    Object.fromEntries(WORD_LISTS.map((n) => [n, WordList])) as Record<WordListName, typeof WordList>,
  ),
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
