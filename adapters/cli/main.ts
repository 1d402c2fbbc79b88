import { type CliCommand, type CliIo, UsageError } from './command.js';

/** One line per command; each lives in commands/<name>.ts and is loaded only when used. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run: CliCommand }> }> = {
  ask: {
    summary: 'ask "QUESTION" [--as EMAIL] [--now ISO] [--json] [--programs DIR [--program ID]] | ask --jsonl',
    load: () => import('./commands/ask.js'),
  },
  chat: {
    summary: 'chat [--as EMAIL] [--programs DIR [--program ID]]   a conversation in the terminal',
    load: () => import('./commands/chat.js'),
  },
  check: {
    summary: 'check [--knowledge DIR] [--schedule FILE] | check --programs DIR   validate everything',
    load: () => import('./commands/check.js'),
  },
  announce: { summary: 'announce --month YYYY-MM [--dry-run]', load: () => import('./commands/announce.js') },
  remind: { summary: 'remind --date YYYY-MM-DD [--dry-run]', load: () => import('./commands/remind.js') },
  ical: {
    summary: "ical --as EMAIL   print a resident's calendar (iCalendar)",
    load: () => import('./commands/ical.js'),
  },
  unanswered: {
    summary: 'unanswered   recent questions the bot could not answer',
    load: () => import('./commands/unanswered.js'),
  },
};

function usage(): string {
  return [
    'usage: rotabot <command> [options]',
    '',
    ...Object.values(COMMANDS).map((c) => `  ${c.summary}`),
    '',
  ].join('\n');
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`rotabot: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    const { run } = await command.load();
    return await run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`rotabot ${name}: ${error.message}\nusage: rotabot ${command.summary}\n`);
      return 2;
    }
    io.stderr.write(`rotabot ${name}: ${(error as Error).message}\n`);
    return 1;
  }
}
