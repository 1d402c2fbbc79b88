import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../command.js';
import { formatAnswer } from '../format.js';
import { createCliBot, loadData } from '../load.js';

/** A conversation in the terminal: one question a line, until "exit" or end of input. */
export const run: CliCommand = async (args, io) => {
  const { values } = parseArgs({
    args,
    options: { as: { type: 'string' }, schedule: { type: 'string' }, knowledge: { type: 'string' } },
  });
  const data = await loadData(values, io.env);
  const bot = createCliBot(data);
  const who = values.as ? data.schedule.byEmail(values.as) : undefined;
  io.stdout.write(
    `rotabot — ${data.knowledge.program.name}. ${who ? `You are ${who.name} (${who.level}).` : values.as ? `${values.as} is not on the schedule.` : 'Add --as EMAIL to ask about your own schedule.'} Type "exit" to leave.\n`,
  );
  const rl = createInterface({
    input: io.stdin,
    output: io.stdout,
    prompt: '> ',
    terminal: Boolean((io.stdin as NodeJS.ReadStream).isTTY),
  });
  // The whole session is one conversation: follow-ups ("and April?") are read in its context.
  const conversationId = `chat:${randomUUID()}`;
  rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (/^(exit|quit|bye)$/i.test(text)) break;
    if (text) {
      const answer = await bot.handle({
        text,
        asker: { email: values.as },
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
