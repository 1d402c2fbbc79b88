import { join } from 'node:path';

/** A program folder shipped in the repository, with its sample schedule. */
export interface ShippedProgram {
  /** The folder, relative to the repository root. */
  dir: string;
  schedule: string;
}

const shipped = (dir: string): ShippedProgram => ({ dir, schedule: join(dir, 'sample-schedule.csv') });

/** Duke IR, the first program. */
export const DUKE_IR = shipped('knowledge');
/** A fictional diagnostic radiology residency: no VA, its own sites, rotations, years and procedures. */
export const CEDAR_VALLEY_DR = shipped('examples/cedar-valley-dr');
/** The folder a coordinator starts from: no procedures list and no referrals. */
export const TEMPLATE = shipped('examples/template');

/** The programs every behaviour suite runs against. */
export const PROGRAMS: readonly ShippedProgram[] = [DUKE_IR, CEDAR_VALLEY_DR, TEMPLATE];
