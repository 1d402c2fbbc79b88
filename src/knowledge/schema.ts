import * as z from 'zod';
import { DEFAULT_LOCALE, isSupportedLocale } from '../time/format-date.js';
import { type Language, LanguageFileSchema } from './language.js';

/**
 * The knowledge base's file formats. One YAML file per topic in KNOWLEDGE_DIR; every entry
 * has a kebab-case `id`. Schemas are strict, so a misspelt key is an error, not silently
 * ignored. Names and aliases here are the bot's whole vocabulary: to teach it a new word,
 * add an alias, not code.
 */

const id = z.string({ error: 'expects an id (text)' }).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
  error: 'an id is kebab-case: lower-case letters and digits joined by hyphens, e.g. y90-radioembolization',
});
const text = z.string({ error: 'expects text' }).trim().min(1, { error: 'must not be empty' });
/** Other names people use: abbreviations, brand names, British spellings, lay words, misspellings. */
const aliases = z
  .array(text, { error: 'expects a list of names, one per line starting with "- "' })
  .default([]);

export const SiteSchema = z.strictObject({
  id,
  name: text,
  /** How answers name the site inside a sentence ("the VA", "Children's"); the name when absent. */
  short_name: text.optional(),
  aliases,
  description: text,
});

export const ProgramFileSchema = z.strictObject({
  program: z.strictObject({
    id,
    name: text,
    /** Short name people use for the program or division ("IR"). */
    aliases,
    /** A short name for answers ("IR", "DR"); the first alias when absent. */
    short_name: text.optional(),
    division: text,
    institution: text,
    summary: text,
    time_zone: text.refine(
      (tz) => {
        try {
          new Intl.DateTimeFormat('en-US', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      },
      { error: 'expects an IANA time zone such as America/New_York' },
    ),
    /** How dates are written in answers: a BCP 47 tag ("en-US" → "Friday, January 1, 2027"). */
    locale: text
      .refine(isSupportedLocale, {
        error: 'expects a locale such as en-US (United States) or en-GB (United Kingdom)',
      })
      .default(DEFAULT_LOCALE),
    academic_year_start_month: z.number().int().min(1).max(12),
    patients: z.strictObject({ adult: z.boolean(), pediatric: z.boolean(), unified: z.boolean(), text }),
    volume: z.strictObject({
      procedures_per_month: z.number().int().positive(),
      approximate: z.boolean(),
      text,
    }),
    contact: z.strictObject({
      /** Who to name when the bot does not know: "the IR program coordinator". */
      name: text,
      email: z.email().optional(),
      channel: text.optional(),
    }),
    sites: z.array(SiteSchema).min(1),
  }),
});

export const CategorySchema = z.strictObject({ id, name: text, aliases, description: text.optional() });
export const ProcedureSchema = z.strictObject({
  id,
  name: text,
  category: id,
  aliases,
  description: text.optional(),
});
/** Optional: a program without a procedures list leaves the file out (or the lists empty). */
export const ProceduresFileSchema = z.strictObject({
  /** The list names the routine procedures only: the program does others it does not list. */
  others_not_listed: z.boolean().default(false),
  categories: z.array(CategorySchema).default([]),
  procedures: z.array(ProcedureSchema).default([]),
});

/** Another division (or service) this program's work is referred to. */
export const DivisionSchema = z.strictObject({
  id,
  name: text,
  aliases,
  description: text.optional(),
  /**
   * The rotation group (rotations.yaml) residents spend with this division, so a question naming
   * the group ("does DR do biopsies?") is asked about the division.
   */
  group: id.optional(),
});
/** Work this program does not do itself, and the divisions that do it instead. */
export const ExclusionSchema = z.strictObject({
  id,
  name: text,
  aliases,
  done_by: z.array(id).min(1),
  /** Residents do this work themselves, on the rotations with the divisions that do it. */
  residents_do: z.boolean({ error: 'expects true or false' }).default(false),
  text,
  /** The same fact from the other divisions' side, for "does DR do biopsies?" ("Biopsies are performed by …"). */
  by_divisions: text.optional(),
});
/** referrals.yaml — optional: a program that refers nothing elsewhere leaves it out. */
export const ExclusionsFileSchema = z.strictObject({
  /** What the divisions below are called together ("the diagnostic radiology divisions"). */
  divisions_name: text.optional(),
  divisions: z.array(DivisionSchema).default([]),
  referrals: z.array(ExclusionSchema).default([]),
});

/**
 * What a rotation group means to the program, for the answers that need it: `specialty` is
 * the program's own specialty (the group whose months are "the program's months"), `elective`
 * the group an option may swap in. At most one group per role.
 */
export const GROUP_ROLES = ['specialty', 'elective'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];
export const RotationGroupSchema = z.strictObject({
  id,
  name: text,
  /** A short name for answers ("IR", "ICU"); the name when absent. */
  short_name: text.optional(),
  role: z.enum(GROUP_ROLES, { error: `expects one of: ${GROUP_ROLES.join(', ')}` }).optional(),
  aliases,
  description: text.optional(),
});
export const RotationSchema = z.strictObject({
  id,
  name: text,
  group: id,
  /** A site id from program.yaml, when the rotation happens at one place. */
  site: id.optional(),
  /** The labels coordinators type in the schedule grid ("IR-VA", "Surg Onc"); matched case-insensitively. */
  labels: z.array(text).min(1),
  aliases,
  description: text.optional(),
  /** A useful fact to add to a reminder before this rotation starts. */
  reminder: text.optional(),
});
export const RotationsFileSchema = z.strictObject({
  groups: z.array(RotationGroupSchema).min(1),
  rotations: z.array(RotationSchema).min(1),
});

const TrainingYearFields = z.strictObject({
  id,
  /** "R4" */
  level: text,
  /** "PGY-5", "fourth year", "IR-1" … */
  aliases,
  summary: text,
  /**
   * The id of a rotation group (rotations.yaml) whose own residency this year is identical to:
   * an IR program's R1 year is "same_as: dr".
   */
  same_as: id.optional(),
  /** Months by rotation group; they add up to 12 when the year is described month by month. */
  months: z.array(z.strictObject({ group: id, months: z.number().int().min(1).max(12) })).default([]),
  options: z.array(text).default([]),
  /**
   * The rotation groups the options let a resident change (an IR month swapped for an elective:
   * [ir, elective]). "Is X optional?" is Yes only for these; for any other group the answer says
   * which option there is instead of guessing.
   */
  optional_groups: z.array(id).default([]),
});
export const TrainingYearSchema = TrainingYearFields;
export const TrainingFileSchema = z.strictObject({
  residency: z.strictObject({ name: text, length_years: z.number().int().positive(), text }),
  years: z.array(TrainingYearSchema).min(1),
});

/** Free-standing answers a coordinator can add without code; matched by their aliases. */
export const FaqEntrySchema = z.strictObject({
  id,
  question: text,
  aliases: z.array(text).min(1),
  answer: text,
});
export const FaqFileSchema = z.strictObject({ faq: z.array(FaqEntrySchema).default([]) });

export type Site = z.infer<typeof SiteSchema>;
export type ProgramFile = z.infer<typeof ProgramFileSchema>;
export type Program = ProgramFile['program'];
export type Category = z.infer<typeof CategorySchema>;
export type Procedure = z.infer<typeof ProcedureSchema>;
export type Division = z.infer<typeof DivisionSchema>;
export type Exclusion = z.infer<typeof ExclusionSchema>;
export type RotationGroup = z.infer<typeof RotationGroupSchema>;
export type Rotation = z.infer<typeof RotationSchema>;
export type TrainingYear = z.infer<typeof TrainingYearSchema>;
export type Training = z.infer<typeof TrainingFileSchema>;
export type FaqEntry = z.infer<typeof FaqEntrySchema>;

/** Which file holds which topic. Optional files may be left out of a program's folder. */
export const KNOWLEDGE_FILES = {
  'program.yaml': ProgramFileSchema,
  'procedures.yaml': ProceduresFileSchema,
  'referrals.yaml': ExclusionsFileSchema,
  'rotations.yaml': RotationsFileSchema,
  'training.yaml': TrainingFileSchema,
  'faq.yaml': FaqFileSchema,
  'language.yaml': LanguageFileSchema,
} as const;
export type KnowledgeFileName = keyof typeof KNOWLEDGE_FILES;
export const OPTIONAL_FILES: readonly KnowledgeFileName[] = ['procedures.yaml', 'referrals.yaml', 'faq.yaml'];
/** Files a folder may leave out to use the shipped one (the language of questions is not per program). */
export const SHARED_FILES: readonly KnowledgeFileName[] = ['language.yaml'];
/** Files that earlier versions used, and the file that holds their entries now. */
export const RENAMED_FILES: Readonly<Record<string, KnowledgeFileName>> = {
  'not-done-by-ir.yaml': 'referrals.yaml',
};

/** The whole knowledge base, validated and cross-checked (every reference resolves). */
export interface Knowledge {
  program: Program;
  categories: Category[];
  procedures: Procedure[];
  /** The procedures listed are the routine ones; the program does others it does not list. */
  othersNotListed?: boolean;
  /** What the referral divisions are called together, when the program names them. */
  divisionsName?: string;
  divisions: Division[];
  /** Work the program refers to other divisions (referrals.yaml). */
  exclusions: Exclusion[];
  groups: RotationGroup[];
  rotations: Rotation[];
  training: Training;
  faq: FaqEntry[];
  /** How questions are asked: cue words, filler, shorthand, topic phrases (language.yaml). */
  language: Language;
}
