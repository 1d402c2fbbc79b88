#!/usr/bin/env node
import { main } from './main.js';

// A reader that stops early ("… | head") closes the pipe: the rest of the output has nowhere to
// go, which is that reader's choice, not an error of ours. The command still ends as it would
// have, with its own status ("rotabot check | head -1" still fails when the files do).
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
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
