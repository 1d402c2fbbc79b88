import { randomBytes } from 'node:crypto';
import type { Config } from '../config.js';
import type { Store } from '../store/store.js';

/** Unguessable per-resident calendar tokens, kept in the shared store so every process agrees. */
export interface CalendarTokens {
  /** The resident's token, created on first use and the same afterwards. */
  tokenFor(email: string): Promise<string>;
  /** A new token; the old one stops working at once. */
  rotate(email: string): Promise<string>;
  /** Whose token this is; null for an unknown, rotated or malformed token. */
  emailFor(token: string): Promise<string | null>;
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const byToken = (token: string) => `calendar:token:${token}`;
const byEmail = (email: string) => `calendar:email:${email.trim().toLowerCase()}`;

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function createCalendarTokens(store: Store): CalendarTokens {
  async function issue(email: string): Promise<string> {
    const token = newToken();
    await store.set(byToken(token), email.trim().toLowerCase());
    return token;
  }

  return {
    async tokenFor(email) {
      const existing = await store.get(byEmail(email));
      if (existing) return existing;
      const token = await issue(email);
      // Two processes may create one at once: the first to claim the email wins, the other's is dropped.
      if (await store.setIfAbsent(byEmail(email), token)) return token;
      await store.delete(byToken(token));
      return (await store.get(byEmail(email)))!;
    },
    async rotate(email) {
      const old = await store.get(byEmail(email));
      const token = await issue(email);
      await store.set(byEmail(email), token);
      if (old) await store.delete(byToken(old));
      return token;
    },
    async emailFor(token) {
      if (!TOKEN.test(token)) return null;
      const email = await store.get(byToken(token));
      // The email's current token must be this one, so a rotated token is dead even if its key lingered.
      if (!email || (await store.get(byEmail(email))) !== token) return null;
      return email;
    },
  };
}

/** The feed's address: PUBLIC_URL (else http://localhost:PORT) + /calendar/<token>.ics. */
export function calendarUrl(config: Pick<Config, 'PUBLIC_URL' | 'PORT'>, token: string): string {
  const base = (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/, '');
  return `${base}/calendar/${token}.ics`;
}
