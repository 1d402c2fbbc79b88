#!/usr/bin/env node
// `npm start`: the server, from compiled JavaScript, built first when needed.
import module from 'node:module';
import { ensureBuilt } from '../scripts/build.js';
import { privateCacheDir } from './code-cache.js';
import { loadDotEnv } from './env.js';

loadDotEnv();

await ensureBuilt();
// Node 22 and later keep compiled code between starts (Node 20 has no such cache for ES modules).
const cacheDir = module.enableCompileCache && privateCacheDir();
if (cacheDir) module.enableCompileCache(cacheDir);
await import('../dist/adapters/main.js');
