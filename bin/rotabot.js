#!/usr/bin/env node
// The command line (`npm run cli -- …`, the `rotabot` bin): compiled JavaScript, built first when
// needed, run with V8's code cache.
import { fileURLToPath } from 'node:url';
import { CLI_FILE, ensureBuilt } from '../scripts/build.js';
import { runWithCodeCache } from './code-cache.js';
import { loadDotEnv } from './env.js';

loadDotEnv();

await ensureBuilt();
runWithCodeCache(fileURLToPath(new URL(`../dist/${CLI_FILE}`, import.meta.url)));
