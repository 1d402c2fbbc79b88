#!/usr/bin/env node
import { main } from './main.js';

// A reader that stops early ("… | head") closes the pipe: the rest of the output has nowhere to
// go, which is that reader's choice, not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
