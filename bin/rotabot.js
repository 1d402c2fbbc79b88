#!/usr/bin/env node
// The command line (`npm run cli -- …`, the `rotabot` bin): compiled JavaScript, built first when needed.
import { ensureBuilt } from '../scripts/build.js';

await ensureBuilt();
await import('../dist/adapters/cli/bin.js');
