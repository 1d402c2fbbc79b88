import type { CliCommand } from '../command.js';

// Placeholder until the command lands; replaced by its implementation.
export const run: CliCommand = async (_args, io) => {
  io.stderr.write('rotabot ask: not available yet\n');
  return 1;
};
