import { z } from 'zod';

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
  aliases,
  description: text,
});

export const ProgramFileSchema = z.strictObject({
  program: z.strictObject({
    id,
    name: text,
    /** Short name people use for the program or division ("IR"). */
    aliases,
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
export const ProceduresFileSchema = z.strictObject({
  categories: z.array(CategorySchema).min(1),
  procedures: z.array(ProcedureSchema).min(1),
});

export const DivisionSchema = z.strictObject({ id, name: text, aliases, description: text.optional() });
/** Work the IR division does not do, and who does it instead. */
export const ExclusionSchema = z.strictObject({
  id,
  name: text,
  aliases,
  done_by: z.array(id).min(1),
  text,
});
export const ExclusionsFileSchema = z.strictObject({
  divisions: z.array(DivisionSchema).min(1),
  exclusions: z.array(ExclusionSchema).min(1),
});

export const RotationGroupSchema = z.strictObject({ id, name: text, aliases, description: text.optional() });
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

export const TrainingYearSchema = z.strictObject({
  id,
  /** "R4" */
  level: text,
  /** "PGY-5", "fourth year", "IR-1" … */
  aliases,
  summary: text,
  same_as_dr: z.boolean().default(false),
  /** Months by rotation group; they add up to 12 when the year is described month by month. */
  months: z.array(z.strictObject({ group: id, months: z.number().int().min(1).max(12) })).default([]),
  options: z.array(text).default([]),
});
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

/** Which file holds which topic. */
export const KNOWLEDGE_FILES = {
  'program.yaml': ProgramFileSchema,
  'procedures.yaml': ProceduresFileSchema,
  'not-done-by-ir.yaml': ExclusionsFileSchema,
  'rotations.yaml': RotationsFileSchema,
  'training.yaml': TrainingFileSchema,
  'faq.yaml': FaqFileSchema,
} as const;

/** The whole knowledge base, validated and cross-checked (every reference resolves). */
export interface Knowledge {
  program: Program;
  categories: Category[];
  procedures: Procedure[];
  divisions: Division[];
  exclusions: Exclusion[];
  groups: RotationGroup[];
  rotations: Rotation[];
  training: Training;
  faq: FaqEntry[];
}
