import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { Bot, IncomingMessage } from '../../../src/core/types.js';
import { type CliCommand, type CliIo, UsageError } from '../command.js';
import { formatAnswer } from '../format.js';
import { createCliBot, loadData } from '../load.js';

function parseNow(value: string | undefined, what: string): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value)) {
    throw new UsageError(
      `${what} expects an ISO-8601 instant such as 2026-11-30T23:30:00-05:00, not "${value}"`,
    );
  }
  return date;
}

function message(
  text: string,
  as: string | undefined,
  now: Date | undefined,
  conversationId?: string,
): IncomingMessage {
  return {
    text,
    asker: { email: as?.trim().toLowerCase() || undefined },
    platform: 'cli',
    conversation: 'private',
    ...(conversationId ? { conversationId } : {}),
    now,
  };
}

/** A line's "conversation": lines sharing one are one conversation, in input order. */
function conversationOf(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string' || typeof value === 'number') return `jsonl:${value}`;
  throw new Error('"conversation" must be a string id');
}

/** One JSON object per input line, in order; a bad line gets {"id","error"} and the batch goes on. */
async function askJsonl(bot: Bot, io: CliIo, defaults: { as?: string; now?: Date }): Promise<number> {
  const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let failures = 0;
  for await (const line of lines) {
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
      } = await bot.handle(message(input.text, asker, now, conversationId));
      io.stdout.write(`${JSON.stringify({ id, text, ...rest })}\n`);
    } catch (error) {
      failures++;
      io.stdout.write(`${JSON.stringify({ id, error: (error as Error).message })}\n`);
    }
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
      json: { type: 'boolean', default: false },
      jsonl: { type: 'boolean', default: false },
    },
  });
  const now = parseNow(values.now, '--now');
  if (!values.jsonl && positionals.length === 0)
    throw new UsageError('give the question in quotes, or --jsonl to read JSON lines');
  const data = await loadData(values, io.env);
  const bot = createCliBot(data);
  if (values.jsonl) return askJsonl(bot, io, { as: values.as, now });
  const answer = await bot.handle(message(positionals.join(' '), values.as, now));
  io.stdout.write(values.json ? `${JSON.stringify(answer, null, 2)}\n` : formatAnswer(answer));
  return 0;
};
