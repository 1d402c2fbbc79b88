import { createHmac, randomBytes } from 'node:crypto';
import type { Resident } from '../../src/schedule/types.js';

/**
 * Opaque ids for the web chat's resident picker, so the page never holds anyone's email. Each
 * is an HMAC of the email under a key made at start: stable while the process runs, and not a
 * hash anyone could recompute from a guessed address.
 */
export interface ResidentIds {
  idOf(email: string): string;
  /** The resident's email for an id the page sent back; undefined when no resident has it. */
  emailOf(id: string, residents: readonly Resident[]): string | undefined;
}

export function createResidentIds(key: Buffer = randomBytes(32)): ResidentIds {
  const idOf = (email: string) =>
    `r-${createHmac('sha256', key).update(email.toLowerCase()).digest('base64url').slice(0, 22)}`;
  return {
    idOf,
    emailOf(id, residents) {
      return residents.find((r) => idOf(r.email) === id)?.email;
    },
  };
}
