import { PassThrough, Readable } from 'node:stream';
import { main } from '../../adapters/cli/main.js';

/** Runs the CLI in-process, as `rotabot ARGS` with STDIN, and collects what it prints. */
export async function runCli(
  args: string[],
  stdin: string | Readable = '',
  env: Record<string, string | undefined> = {},
) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => {
    out += c;
  });
  stderr.on('data', (c) => {
    err += c;
  });
  const code = await main(args, {
    stdin: typeof stdin === 'string' ? Readable.from([stdin]) : stdin,
    stdout,
    stderr,
    env: { LOG_LEVEL: 'silent', ...env },
  });
  return { code, out, err };
}
