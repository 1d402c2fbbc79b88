#!/usr/bin/env node
// `npm start`: the server, from compiled JavaScript, built first when needed.
import { ensureBuilt } from '../scripts/build.js';
import { loadDotEnv } from './env.js';

loadDotEnv();

await ensureBuilt();
await import('../dist/adapters/main.js');
