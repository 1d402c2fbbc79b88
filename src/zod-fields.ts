import * as z from 'zod/mini';

/**
 * Text that may be left out: trimmed, and blank is the same as absent (an empty setting, a form
 * field left empty). Built with zod's lighter API, like every schema a start-up or a request runs.
 */
export const optionalText = (...checks: z.core.$ZodCheck<string>[]) =>
  z.pipe(
    z.optional(z.string().check(z.trim(), ...checks)),
    z.transform((v: string | undefined) => (v ? v : undefined)),
  );
