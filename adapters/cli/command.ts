/** A CLI command: gets its own arguments and the process's streams, returns the exit code. */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  /**
   * The whole standard input, when it is a file small enough to read at once ("< questions.jsonl"):
   * read so, no stream is made. Undefined for a pipe, a terminal or a file too large; tests that
   * give `stdin` leave it out.
   */
  stdinFile?: () => string | undefined;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: Record<string, string | undefined>;
}

export type CliCommand = (args: string[], io: CliIo) => Promise<number>;

/** A usage mistake: printed with the command's usage line, exit code 2. */
export class UsageError extends Error {
  readonly code = 'usage';
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
