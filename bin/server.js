#!/usr/bin/env node
// `npm start`: the server, from compiled JavaScript, built first when needed.
import { ensureBuilt } from '../scripts/build.js';

await ensureBuilt();
await import('../dist/adapters/main.js');
