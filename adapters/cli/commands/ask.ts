import { parseArgs } from 'node:util';
import type { Bot, IncomingMessage } from '../../../src/core/types.js';
import { type IsoDate, zonedInstant } from '../../../src/time/local-date.js';
import { type CliCommand, type CliIo, UsageError } from '../command.js';
import { formatAnswer } from '../format.js';
import { createCliBot, loadData } from '../load.js';
import { type LoadedProgram, loadPrograms, oneProgramEnv, pickProgram, programsDirOf } from '../programs.js';

/**
 * The asker's clock: an instant, or a date alone ("2026-12-01"), which is that day in the
 * program's time zone (from its start), as a resident means it, not midnight in London.
 */
type Clock = { instant: Date } | { day: IsoDate };

function parseNow(value: string | undefined, what: string): Clock | undefined {
  if (value === undefined) return undefined;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value)) {
    throw new UsageError(
      `${what} expects an ISO-8601 instant such as 2026-11-30T23:30:00-05:00, or a date such as 2026-11-30, not "${value}"`,
    );
  }
  return day ? { day } : { instant: date };
}

const instantOf = (clock: Clock | undefined, zone: string): Date | undefined =>
  clock && ('day' in clock ? zonedInstant(clock.day, 0, 0, 0, zone) : clock.instant);

/** One question to the asker's bot, as a private message at the asker's clock. */
function ask(
  { bot, zone }: ReturnType<BotFor>,
  text: string,
  as: string | undefined,
  now: Clock | undefined,
  conversationId?: string,
) {
  const message: IncomingMessage = {
    text,
    asker: { email: as?.trim().toLowerCase() || undefined },
    platform: 'cli',
    conversation: 'private',
    ...(conversationId ? { conversationId } : {}),
    now: instantOf(now, zone),
  };
  return bot.handle(message);
}

/** A line's "conversation": lines sharing one are one conversation, in input order. */
function conversationOf(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string' || typeof value === 'number') return `jsonl:${value}`;
  throw new Error('"conversation" must be a string id');
}

/** The bot a question goes to, by its asker: one program's, or the department's program for them. */
/** The bot that answers an asker, and its program's time zone (for a clock given as a date). */
type BotFor = (as: string | undefined) => { bot: Bot; zone: string };

const FLUSH_AT = 64 * 1024;

/**
 * Answers written a batch at a time: a write per answer is a system call per answer, a tenth of
 * a long batch's time. What is pending goes out once the lines read so far are answered (the
 * next turn of the event loop, when the batch waits for more input) or when it grows large.
 */
function batchedWriter(out: CliIo['stdout']) {
  let pending = '';
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (!pending) return;
    const text = pending;
    pending = '';
    out.write(text);
  };
  const write = (line: string) => {
    pending += line;
    if (pending.length >= FLUSH_AT) flush();
    else if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };
  return { write, flush };
}

/** How many lines of a file read at once are answered between two turns of the event loop. */
const FILE_LINES_PER_TURN = 32;

/** One JSON object per input line, in order; a bad line gets {"id","error"} and the batch goes on. */
async function askJsonl(botFor: BotFor, io: CliIo, defaults: { as?: string; now?: Clock }): Promise<number> {
  // A file given as the input is read at once; anything else, a line at a time as it comes.
  const whole = io.stdinFile?.();
  const reader = whole === undefined ? (await import('../stream-lines.js')).streamLines(io.stdin) : undefined;
  const lines: AsyncIterable<string> | Iterable<string> = reader ?? whole?.split(/\r\n|\n|\r/) ?? [];
  const out = batchedWriter(io.stdout);
  // The reader has gone ("… | head -1"): the rest would be answered for nobody, even while the
  // input stays open. Answers go out in batches, so the closed pipe may be seen only after the
  // last line read so far: it ends the reading itself.
  let closed = false;
  const stop = () => {
    closed = true;
    reader?.close();
  };
  io.stdout.once('close', stop);
  io.stdout.once('error', stop);
  let failures = 0;
  let read = 0;
  try {
    for await (const line of lines) {
      // A file's lines come without a turn of the event loop: one now and then lets the answers
      // go out, and a reader that has gone be heard of.
      if (!reader && ++read % FILE_LINES_PER_TURN === 0) await new Promise(setImmediate);
      if (closed || !io.stdout.writable) break;
      if (!line.trim()) continue;
      let id: unknown = null;
      try {
        const input = JSON.parse(line) as Record<string, unknown>;
        id = input.id ?? null;
        if (typeof input.text !== 'string') throw new Error('each line needs a "text" string');
        if (input.as !== undefined && typeof input.as !== 'string')
          throw new Error('"as" must be an email string');
        const now = parseNow(input.now as string | undefined, '"now"') ?? defaults.now;
        const asker = (input.as as string | undefined) ?? defaults.as;
        const conversationId = conversationOf(input.conversation);
        // The frames (and the blocks an answer is about) are for `--json`, where a person reads what
        // was understood; a batch line stays an answer.
        const {
          text,
          frames: _frames,
          about: _about,
          ...rest
        } = await ask(botFor(asker), input.text, asker, now, conversationId);
        out.write(`${JSON.stringify({ id, text, ...rest })}\n`);
      } catch (error) {
        failures++;
        out.write(`${JSON.stringify({ id, error: (error as Error).message })}\n`);
      }
    }
  } finally {
    // What was answered goes out even when reading the input fails.
    out.flush();
    io.stdout.off('close', stop);
    io.stdout.off('error', stop);
  }
  return failures ? 1 : 0;
}

export const run: CliCommand = async (args, io) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      as: { type: 'string' },
      now: { type: 'string' },
      schedule: { type: 'string' },
      knowledge: { type: 'string' },
      programs: { type: 'string' },
      program: { type: 'string' },
      json: { type: 'boolean', default: false },
      jsonl: { type: 'boolean', default: false },
    },
  });
  const now = parseNow(values.now, '--now');
  if (!values.jsonl && positionals.length === 0)
    throw new UsageError('give the question in quotes, or --jsonl to read JSON lines');
  const botFor = await botsFor(values, io.env);
  if (values.jsonl) return askJsonl(botFor, io, { as: values.as, now });
  const answer = await ask(botFor(values.as), positionals.join(' '), values.as, now);
  io.stdout.write(values.json ? `${JSON.stringify(answer, null, 2)}\n` : formatAnswer(answer));
  return 0;
};

/**
 * One program (`--knowledge`, KNOWLEDGE_DIR), or a programs folder (`--programs`, PROGRAMS_DIR):
 * there, `--program` names the program, else the asker's schedule decides, as in the server.
 */
async function botsFor(
  flags: { knowledge?: string; schedule?: string; programs?: string; program?: string },
  env: CliIo['env'],
): Promise<BotFor> {
  const dir = programsDirOf(flags, env);
  if (!dir) {
    const data = await loadData(flags, flags.knowledge ? oneProgramEnv(env) : env);
    const asked = { bot: createCliBot(data), zone: data.knowledge.program.time_zone };
    return () => asked;
  }
  const programs = await loadPrograms(dir, env);
  const bots = new Map<LoadedProgram, ReturnType<BotFor>>();
  // A program named, or a folder of one, is chosen now, so a wrong name fails before any question.
  const chosen = flags.program || programs.length === 1 ? pickProgram(programs, flags.program) : undefined;
  return (as) => {
    const program = chosen ?? pickProgram(programs, undefined, as);
    const asked = bots.get(program) ?? {
      bot: createCliBot(program.data),
      zone: program.data.knowledge.program.time_zone,
    };
    bots.set(program, asked);
    return asked;
  };
}
