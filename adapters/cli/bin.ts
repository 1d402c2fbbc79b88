#!/usr/bin/env node
import { fstatSync, readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { main } from './main.js';
import { flushed, outputFor } from './sync-output.js';

// A command checks the knowledge base's files at most once (on a cache miss, and in `check`):
// the full zod API's fast path for an object schema is JavaScript generated and compiled on its
// first parse, which for schemas parsed a few times costs more than it saves. (The settings and
// stored contexts use zod's lighter API, which never generates it.)
z.config({ jitless: true });

/** A larger input file is read as a stream, a line at a time, like a pipe. */
const MAX_STDIN_FILE_BYTES = 64 * 1024 * 1024;

// A reader that stops early ("… | head") closes the pipe: the rest of the output has nowhere to
// go, which is that reader's choice, not an error of ours. The command still ends as it would
// have, with its own status ("rotabot check | head -1" still fails when the files do).
function nodeStdout(): NodeJS.WriteStream {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
    throw error;
  });
  return process.stdout;
}
const stdout = outputFor(1, nodeStdout);
const stderr = outputFor(2, () => process.stderr);

/** Standard input read at once when it is a file (no stream, which costs a short command 5 ms). */
function stdinFile(): string | undefined {
  try {
    const info = fstatSync(0);
    return info.isFile() && info.size <= MAX_STDIN_FILE_BYTES ? readFileSync(0, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

main(process.argv.slice(2), {
  // Made only by a command that reads it.
  get stdin() {
    return process.stdin;
  },
  stdinFile,
  stdout: stdout as NodeJS.WritableStream,
  stderr: stderr as NodeJS.WritableStream,
  env: process.env,
}).then(async (code) => {
  // The status first: whatever ends the process from here on ends it with this one.
  process.exitCode = code;
  // Ends as soon as the output is out. Left to itself, a short command waits for the garbage
  // collector to finish marking the heap it is about to throw away (a full collection, about a
  // twentieth of a batch's time).
  await Promise.all([flushed(stdout), flushed(stderr)]);
  process.exit(code);
});
