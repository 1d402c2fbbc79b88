import type { Answer, Bot, IncomingMessage } from '../core/types.js';
import { normalizeAlias } from '../knowledge/cross-check.js';
import type { Logger } from '../logger.js';
import type { ProgramRuntime } from '../runtime.js';
import type { Store } from '../store/store.js';
import { boundProgram } from './channels.js';

/** How long a remembered "which program?" choice lasts, and how long a question waits for one. */
export const CHOICE_TTL_MS = 180 * 24 * 3_600_000;
export const PENDING_TTL_MS = 10 * 60_000;

export interface ProgramRouterOptions {
  programs: readonly ProgramRuntime[];
  /** The deployment's own store (not a program's scope): choices are the person's, not a program's. */
  store: Store;
  logger: Logger;
}

/** Every name a program answers to, normalised as aliases are compared: its name, short name, aliases, id. */
function namesOf(program: ProgramRuntime): string[] {
  const p = program.knowledge.current().program;
  return [p.name, p.short_name ?? '', ...p.aliases, p.id].map(normalizeAlias).filter(Boolean);
}

/** The programs a message names anywhere in its text (whole words). */
export function programsNamed(text: string, programs: readonly ProgramRuntime[]): ProgramRuntime[] {
  const words = ` ${normalizeAlias(text)} `;
  return programs.filter((p) => namesOf(p).some((n) => words.includes(` ${n} `)));
}

/** The program a message is nothing but the name of (a pressed "which program?" button). */
function programNamedAlone(text: string, programs: readonly ProgramRuntime[]): ProgramRuntime | undefined {
  const said = normalizeAlias(text);
  const found = programs.filter((p) => namesOf(p).includes(said));
  return found.length === 1 ? found[0] : undefined;
}

/** Whose choice it is: the platform's own user id, else the email; nobody for an anonymous asker. */
function personKey(m: IncomingMessage): string | undefined {
  const id = m.asker.platformUserId ?? m.asker.email?.toLowerCase();
  return id ? `${m.platform}:${id}` : undefined;
}

/**
 * One bot for several programs. A message is answered by the program it is for: the one the adapter
 * names (web chat's picker), the one its channel is bound to, the one whose schedule lists the asker;
 * for someone on several schedules or none, the one the question names, else the one they chose
 * before, else they are asked (one button per program) and the question is answered once they pick.
 */
export function createProgramRouter(options: ProgramRouterOptions): Bot {
  const { programs, store, logger } = options;
  const byId = new Map(programs.map((p) => [p.id, p]));
  const choiceKey = (who: string) => `program-choice:${who}`;
  const pendingKey = (who: string) => `program-pending:${who}`;

  // Choices are a convenience: a store outage means asking again, never a failed answer.
  async function tryStore<T>(what: string, run: () => Promise<T>): Promise<T | undefined> {
    try {
      return await run();
    } catch (error) {
      logger.warn({ err: error }, `program choice: ${what} failed`);
      return undefined;
    }
  }

  function askWhich(candidates: readonly ProgramRuntime[]): Answer {
    const names = candidates.map((p) => p.knowledge.current().program.name);
    return {
      intent: 'program.choose',
      text: `Which program is your question about? I answer for ${names.slice(0, -1).join(', ')} and ${names.at(-1)}.`,
      suggestions: names.map((name) => ({ label: name, question: name })),
      factIds: candidates.map((p) => p.id),
    };
  }

  async function chose(
    m: IncomingMessage,
    program: ProgramRuntime,
    who: string | undefined,
  ): Promise<Answer> {
    if (!who) return program.bot.handle(m);
    await tryStore('remember', () => store.set(choiceKey(who), program.id, CHOICE_TTL_MS));
    const pending = await tryStore('read pending', () => store.get(pendingKey(who)));
    if (pending) {
      await tryStore('clear pending', () => store.delete(pendingKey(who)));
      return program.bot.handle({ ...m, text: pending });
    }
    const name = program.knowledge.current().program.name;
    return {
      intent: 'program.chosen',
      text: `I'll answer your questions for ${name} from now on. To switch, say the name of another program.`,
      factIds: [program.id],
    };
  }

  return {
    async handle(m) {
      if (programs.length === 1) return programs[0]!.bot.handle(m);
      const named = m.program ? byId.get(m.program) : undefined;
      if (named) return named.bot.handle(m);
      const bound = boundProgram(m, programs);
      if (bound) return bound.bot.handle(m);

      const email = m.asker.email;
      const listing = email ? programs.filter((p) => p.schedule.current().byEmail(email)) : [];
      const candidates = listing.length ? listing : programs;
      const who = personKey(m);
      const alone = programNamedAlone(m.text, programs);
      const pending =
        alone && who ? await tryStore('read pending', () => store.get(pendingKey(who))) : undefined;
      if (alone && (pending || candidates.length > 1)) return chose(m, alone, who);
      if (candidates.length === 1) return candidates[0]!.bot.handle(m);

      const mentioned = programsNamed(m.text, candidates);
      if (mentioned.length === 1) {
        // Naming a program is choosing it: a follow-up ("and April?") stays with it.
        const program = mentioned[0]!;
        if (who) await tryStore('remember', () => store.set(choiceKey(who), program.id, CHOICE_TTL_MS));
        return program.bot.handle(m);
      }
      const remembered = who ? await tryStore('read choice', () => store.get(choiceKey(who))) : undefined;
      const previous = remembered ? candidates.find((p) => p.id === remembered) : undefined;
      if (previous) return previous.bot.handle(m);
      if (who) await tryStore('keep pending', () => store.set(pendingKey(who), m.text, PENDING_TTL_MS));
      return askWhich(mentioned.length ? mentioned : candidates);
    },
  };
}
