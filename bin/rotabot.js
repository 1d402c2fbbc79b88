#!/usr/bin/env node
// The command line (`npm run cli -- …`, the `rotabot` bin): compiled JavaScript, built first when needed.
import { ensureBuilt } from '../scripts/build.js';
import { loadDotEnv } from './env.js';

loadDotEnv();

await ensureBuilt();
await import('../dist/adapters/cli/bin.js');
