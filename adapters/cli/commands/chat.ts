import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { Bot } from '../../../src/core/types.js';
import { createProgramRouter } from '../../../src/programs/router.js';
import { staticSource } from '../../../src/runtime.js';
import { silentLogger } from '../../../src/silent-logger.js';
import { createMemoryStore } from '../../../src/store/memory-store.js';
import type { CliCommand, CliIo } from '../command.js';
import { formatAnswer } from '../format.js';
import { type CliData, createCliBot, loadData } from '../load.js';
import { type LoadedProgram, loadPrograms, oneProgramEnv, pickProgram, programsDirOf } from '../programs.js';

interface ChatBot {
  bot: Bot;
  /** The first line: whom the bot answers for, and who the asker is. */
  greeting: (as: string | undefined) => string;
}

function whoIn(data: CliData, as: string | undefined): string | undefined {
  const who = as ? data.schedule.byEmail(as.trim().toLowerCase()) : undefined;
  return who ? `${who.name} (${who.level})` : undefined;
}

function oneProgram(data: CliData): ChatBot {
  return {
    bot: createCliBot(data),
    greeting: (as) => {
      const who = whoIn(data, as);
      const you = who
        ? `You are ${who}.`
        : as
          ? `${as} is not on the schedule.`
          : 'Add --as EMAIL to ask about your own schedule.';
      return `rotabot — ${data.knowledge.program.name}. ${you}`;
    },
  };
}

/**
 * Every program of a programs folder, as the server answers them: a resident on one program's
 * schedule is answered for it, anyone else is asked which program they mean and the choice is
 * kept for the session; naming a program in a question chooses it.
 */
function department(programs: readonly LoadedProgram[]): ChatBot {
  const runtimes = programs.map((p) => {
    const store = createMemoryStore();
    return {
      id: p.id,
      dir: p.dir,
      knowledge: staticSource(p.data.knowledge),
      schedule: staticSource(p.data.schedule),
      store,
      bot: createCliBot(p.data),
      slackChannels: [],
      teamsConversations: [],
    };
  });
  const bot = createProgramRouter({ programs: runtimes, store: createMemoryStore(), logger: silentLogger });
  return {
    bot,
    greeting: (as) => {
      const names = programs.map((p) => p.data.knowledge.program.name).join(', ');
      const on = programs.flatMap((p) => {
        const who = whoIn(p.data, as);
        return who ? [`${who} on ${p.data.knowledge.program.name}'s schedule`] : [];
      });
      const you = on.length
        ? `You are ${on.join(' and ')}.`
        : as
          ? `${as} is on no program's schedule.`
          : 'Add --as EMAIL to ask about your own schedule.';
      return `rotabot — ${programs.length} programs: ${names}. ${you}`;
    },
  };
}

/** One program (`--knowledge`, KNOWLEDGE_DIR), one program of a folder (`--program`), or the whole folder. */
async function chatBot(
  flags: { knowledge?: string; schedule?: string; programs?: string; program?: string },
  env: CliIo['env'],
): Promise<ChatBot> {
  const dir = programsDirOf(flags, env);
  if (!dir) return oneProgram(await loadData(flags, flags.knowledge ? oneProgramEnv(env) : env));
  const programs = await loadPrograms(dir, env);
  if (flags.program || programs.length === 1) return oneProgram(pickProgram(programs, flags.program).data);
  return department(programs);
}

/** A conversation in the terminal: one question a line, until "exit" or end of input. */
export const run: CliCommand = async (args, io) => {
  const { values } = parseArgs({
    args,
    options: {
      as: { type: 'string' },
      schedule: { type: 'string' },
      knowledge: { type: 'string' },
      programs: { type: 'string' },
      program: { type: 'string' },
    },
  });
  const { bot, greeting } = await chatBot(values, io.env);
  io.stdout.write(`${greeting(values.as)} Type "exit" to leave.\n`);
  const rl = createInterface({
    input: io.stdin,
    output: io.stdout,
    prompt: '> ',
    terminal: Boolean((io.stdin as NodeJS.ReadStream).isTTY),
  });
  // The whole session is one conversation: follow-ups ("and April?") are read in its context,
  // and a program chosen is kept for it.
  const conversationId = `chat:${randomUUID()}`;
  rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (/^(exit|quit|bye)$/i.test(text)) break;
    if (text) {
      const answer = await bot.handle({
        text,
        asker: { email: values.as?.trim().toLowerCase() || undefined, platformUserId: conversationId },
        platform: 'cli',
        conversation: 'private',
        conversationId,
      });
      io.stdout.write(`\n${formatAnswer(answer)}\n`);
    }
    rl.prompt();
  }
  rl.close();
  return 0;
};
