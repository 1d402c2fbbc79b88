import { createInterface, type Interface } from 'node:readline';

/**
 * The lines of a stream as they come (a pipe, a terminal): in a module of its own, loaded only
 * when input is streamed, since a file given as the input is read at once without readline.
 */
export function streamLines(input: NodeJS.ReadableStream): Interface {
  return createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
}
