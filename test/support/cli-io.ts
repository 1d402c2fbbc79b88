import type { CliIo } from '../../adapters/cli/command.js';

/** A CLI command's streams, with what it writes kept as lists of chunks. */
export function captureIo(env: Record<string, string | undefined>): {
  out: string[];
  err: string[];
  io: CliIo;
} {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      stdin: process.stdin,
      stdout: { write: (text: string) => out.push(text) } as unknown as NodeJS.WritableStream,
      stderr: { write: (text: string) => err.push(text) } as unknown as NodeJS.WritableStream,
      env,
    },
  };
}
